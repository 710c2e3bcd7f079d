import type { Deployment } from '../../src/deployments/contract.js'
import { buildPlan } from '../../src/plan/matrix.js'

const d = (name: string, service: string, target = 'aws'): Deployment => ({
  name,
  service,
  path: `services/${service}`,
  target,
  runnerLabels: ['self-hosted', target, name],
  public: false,
  url: null
})

describe('buildPlan', () => {
  const deployments = [d('web-aws', 'web'), d('web-homelab', 'web', 'proxmox'), d('api-aws', 'api')]

  test('one entry per changed service and deployment; removals keep their routing', () => {
    const changes: Parameters<typeof buildPlan>[0] = [
      { service: 'web', action: 'deploy', reason: ['services/web/x'] },
      { service: 'api', action: 'remove', reason: ['services/api/compose.yaml'] }
    ]
    const plan = buildPlan(changes, deployments)
    // Ordered by service, then deployment, whatever order the deployments come in.
    expect(buildPlan(changes, [...deployments].reverse()).entries).toEqual(plan.entries)
    expect(plan.entries.map(e => [e.action, e.deployment, e['runs-on'].join(',')])).toEqual([
      ['remove', 'api-aws', 'self-hosted,aws,api-aws'],
      ['deploy', 'web-aws', 'self-hosted,aws,web-aws'],
      ['deploy', 'web-homelab', 'self-hosted,proxmox,web-homelab']
    ])
    expect(plan.unrouted).toEqual([])
  })

  test('a deploy with no deployment is unrouted; nothing changed is an empty matrix', () => {
    expect(
      buildPlan([{ service: 'blog', action: 'deploy', reason: [] }], deployments)
    ).toMatchObject({ entries: [], unrouted: ['blog'] })
    expect(buildPlan([], deployments)).toMatchObject({ entries: [], unrouted: [] })
  })
})
