import { InputError } from '../errors.js'
import { compareNames, isValidName } from '../names.js'

/** Resource types that are a deployment's host: creating or replacing one means an empty host. */
const HOST_TYPES = new Set([
  'aws_instance',
  'proxmox_virtual_environment_container',
  'proxmox_virtual_environment_vm'
])

/** `module.deployment["<name>"]…` in a resource address of the root's `for_each` module. */
const DEPLOYMENT_ADDRESS = /^module\.deployment\["([^"]+)"\]/

export interface NewDeployment {
  name: string
  service: string
  why: 'new deployment' | 'new host'
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * The deployments a saved plan (`terraform show -json tfplan`) gives an empty host: new entries of
 * the `deployments` output, and deployments whose host is created or replaced. After the apply
 * these get a first deploy, so adding a deployment needs no second push.
 */
export function newDeployments(plan: unknown, input: string): NewDeployment[] {
  if (!isObj(plan) || !Array.isArray(plan.resource_changes ?? [])) {
    throw new InputError(
      input,
      'is not the JSON of a saved plan',
      'Pass the output of `terraform show -json <planfile>`.'
    )
  }
  const output = isObj(plan.output_changes) ? plan.output_changes.deployments : undefined
  if (!isObj(output) || !isObj(output.after)) {
    throw new InputError(
      input,
      "has no known 'deployments' output",
      'Plan the root configuration of infrastructure/ (its `deployments` output is the contract).'
    )
  }
  const after = output.after
  const before = isObj(output.before) ? output.before : {}
  const found = new Map<string, NewDeployment['why']>()
  for (const name of Object.keys(after))
    if (!Object.hasOwn(before, name)) found.set(name, 'new deployment')

  for (const change of (plan.resource_changes ?? []) as unknown[]) {
    if (
      !isObj(change) ||
      typeof change.address !== 'string' ||
      !HOST_TYPES.has(String(change.type))
    )
      continue
    const actions = isObj(change.change) ? change.change.actions : undefined
    if (!Array.isArray(actions) || !actions.includes('create')) continue
    const name = DEPLOYMENT_ADDRESS.exec(change.address)?.[1]
    if (name !== undefined && Object.hasOwn(after, name) && !found.has(name))
      found.set(name, 'new host')
  }

  return [...found]
    .map(([name, why]) => {
      const record = after[name]
      const service = isObj(record) ? record.service : undefined
      if (!isValidName(name) || typeof service !== 'string' || !isValidName(service)) {
        throw new InputError(
          input,
          `deployment ${JSON.stringify(name)} has no valid name or service`,
          'Fix the `deployments` output (README.md, "The deployments contract").'
        )
      }
      return { name, service, why }
    })
    .sort((a, b) => compareNames(a.name, b.name))
}
