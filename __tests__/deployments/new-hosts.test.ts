import { newDeployments } from '../../src/deployments/new-hosts.js'

// The shape of `terraform show -json <planfile>` (Terraform's JSON output format): resource_changes
// with address/type/change.actions, output_changes with before/after.
const record = (service: string): Record<string, unknown> => ({ service, target: 'aws' })
function plan(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  changes: Array<[string, string, string[]]> = []
): unknown {
  return {
    format_version: '1.2',
    resource_changes: changes.map(([address, type, actions]) => ({
      address,
      type,
      mode: 'managed',
      change: { actions }
    })),
    output_changes: {
      deployments: { actions: ['update'], before, after, after_unknown: false }
    }
  }
}

describe('newDeployments (first deploy after apply)', () => {
  test('a deployment new in the output is deployed', () => {
    expect(newDeployments(plan({}, { 'web-aws': record('web') }), 'terraform-plan')).toEqual([
      { name: 'web-aws', service: 'web', why: 'new deployment' }
    ])
  })

  test('a created or replaced host is deployed; an updated one or another resource is not', () => {
    const both = {
      'a-aws': record('a'),
      'b-lab': record('b'),
      'c-lab': record('c'),
      'd-aws': record('d')
    }
    const result = newDeployments(
      plan(both, both, [
        [
          'module.deployment["a-aws"].module.aws_host[0].aws_instance.this',
          'aws_instance',
          ['delete', 'create']
        ],
        [
          'module.deployment["b-lab"].module.proxmox_host[0].proxmox_virtual_environment_container.this[0]',
          'proxmox_virtual_environment_container',
          ['create', 'delete']
        ],
        [
          'module.deployment["c-lab"].module.proxmox_host[0].proxmox_virtual_environment_vm.this[0]',
          'proxmox_virtual_environment_vm',
          ['update']
        ],
        [
          'module.deployment["d-aws"].module.aws_host[0].aws_security_group.this',
          'aws_security_group',
          ['create']
        ]
      ]),
      'terraform-plan'
    )
    expect(result).toEqual([
      { name: 'a-aws', service: 'a', why: 'new host' },
      { name: 'b-lab', service: 'b', why: 'new host' }
    ])
  })

  test('a deployment named like an Object.prototype member is new like any other', () => {
    expect(newDeployments(plan({}, { constructor: record('web') }), 'x')).toEqual([
      { name: 'constructor', service: 'web', why: 'new deployment' }
    ])
  })

  test('a removed deployment is not deployed; nothing changed is nothing', () => {
    expect(newDeployments(plan({ 'web-aws': record('web') }, {}), 'x')).toEqual([])
    expect(newDeployments(plan(null, {}), 'x')).toEqual([])
  })

  test.each([
    [[], 'is not the JSON of a saved plan'],
    [{ resource_changes: [] }, "has no known 'deployments' output"],
    [plan({}, { 'Bad Name': record('web') }), 'has no valid name or service']
  ])('%j is refused', (json, message) => {
    expect(() => newDeployments(json, 'terraform-plan')).toThrow(message)
  })
})
