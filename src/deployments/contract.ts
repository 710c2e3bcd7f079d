import { InputError } from '../errors.js'
import { envPrefix, isValidContractPath, isValidLabel, isValidName } from '../names.js'

/** One entry of Terraform's `deployments` output (README "The deployments contract"), validated. */
export interface Deployment {
  /** The map key: deployment name, also the compose project name on the runner. */
  name: string
  service: string
  path: string
  target: string
  runnerLabels: string[]
  public: boolean
  url: string | null
}

/**
 * The validated deployments, column by column: plan reads thousands of them on every run but
 * routes only the changed services' few, so a deployment is built in full only when asked for,
 * and the questions plan asks about all of them are answered without a walk along them wherever
 * the reader already knows the answer (TableHints).
 */
export interface DeploymentTable {
  readonly names: readonly string[]
  readonly services: readonly string[]
  /** The i-th deployment's path. */
  path(i: number): string
  /** The services that have a deployment. */
  readonly serviceSet: ReadonlySet<string>
  /** The indexes of the deployments of `service`, ascending. */
  indexesOf(service: string): readonly number[]
  /** The indexes of the deployments whose path is not `<servicesDir>/<service>`. */
  misplaced(servicesDir: string): number[]
  /** The i-th deployment, in full. */
  at(i: number): Deployment
}

/** What a reader learnt about the columns while it checked them. */
export interface TableHints {
  /** The services are in order (each not less than the one before). */
  servicesInOrder?: boolean
  /** Every path is `<dir>/<service>`, with this one dir. */
  dir?: string
  serviceSet?: Set<string>
}

/** A table over deployments already built (the general path: parseDeployments). */
export function tableOf(deployments: Deployment[]): DeploymentTable {
  return columnTable(
    deployments.map(d => d.name),
    deployments.map(d => d.service),
    i => (deployments[i] as Deployment).path,
    i => deployments[i] as Deployment
  )
}

/** A table over its columns; `at` builds a deployment in full. */
export function columnTable(
  names: readonly string[],
  services: readonly string[],
  path: (i: number) => string,
  at: (i: number) => Deployment,
  hints: TableHints = {}
): DeploymentTable {
  let serviceSet = hints.serviceSet
  let byService: Map<string, number[]> | undefined
  return {
    names,
    services,
    path,
    get serviceSet() {
      return (serviceSet ??= new Set(services))
    },
    indexesOf(service) {
      if (hints.servicesInOrder) return inOrderIndexesOf(services, service)
      if (byService === undefined) {
        byService = new Map()
        for (let i = 0; i < services.length; i++) {
          const list = byService.get(services[i] as string)
          if (list === undefined) byService.set(services[i] as string, [i])
          else list.push(i)
        }
      }
      return byService.get(service) ?? []
    },
    misplaced(servicesDir) {
      if (hints.dir === servicesDir) return []
      const found: number[] = []
      for (let i = 0; i < services.length; i++)
        if (!isServicePath(path(i), servicesDir, services[i] as string)) found.push(i)
      return found
    },
    at
  }
}

/** The indexes holding `service` in services that are in order: a binary search, then the run. */
function inOrderIndexesOf(services: readonly string[], service: string): number[] {
  let low = 0
  let high = services.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((services[middle] as string) < service) low = middle + 1
    else high = middle
  }
  const found: number[] = []
  for (let i = low; i < services.length && services[i] === service; i++) found.push(i)
  return found
}

/** path === `${dir}/${service}`, without building that string for each deployment. */
export function isServicePath(path: string, dir: string, service: string): boolean {
  return (
    path.length === dir.length + 1 + service.length &&
    path.startsWith(dir) &&
    path.endsWith(service) &&
    path[dir.length] === '/'
  )
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Accepts the whole `terraform output -json` document (uses `deployments.value`) or the bare
 * map, and checks every field of every deployment. `input` names where it came from, for errors.
 */
export function parseDeployments(json: unknown, input: string): Deployment[] {
  if (!isObj(json)) throw shapeError(input, 'is not a JSON object')
  let map: unknown = json
  // An output document is recognised by its shape ({"value": ...}), not by the key alone: a
  // deployment may be called "deployments" too (Terraform allows it, so the action must).
  const output = json.deployments
  if (isObj(output) && 'value' in output) {
    map = output.value
    if (!isObj(map)) throw shapeError(input, "'deployments.value' is not an object")
  } else if (isTerraformOutput(json[Object.keys(json)[0] ?? ''])) {
    // One look is enough: in an output document every value has this shape, and a deployment
    // never has (a mix fails the field checks below anyway).
    throw shapeError(input, "is a terraform output document without a 'deployments' output")
  }

  // Messages are built only for a problem: plan checks thousands of deployments on every run.
  const problems: string[] = []
  const deployments: Deployment[] = []
  // Object.keys, not Object.entries: with thousands of deployments, entries is several times slower.
  const entries = map as Obj
  // Targets and labels repeat across deployments: each distinct one is checked once.
  const goodTargets = new Set<string>()
  const goodLabels = new Set<string>()
  for (const name of Object.keys(entries)) {
    const raw = entries[name]
    if (!isValidName(name)) problems.push(`deployment '${name}': name ${nameRule}`)
    if (!isObj(raw)) {
      problems.push(`deployment '${name}': is not an object`)
      continue
    }
    const service = raw.service
    if (typeof service !== 'string' || !isValidName(service)) {
      problems.push(`deployment '${name}': service ${JSON.stringify(service)} ${nameRule}`)
    }
    const path =
      typeof raw.path === 'string' && isValidContractPath(raw.path) ? raw.path : undefined
    if (path === undefined) {
      problems.push(
        `deployment '${name}': path ${JSON.stringify(raw.path)} must be a relative path inside the repository: segments of letters, digits, '.', '_', '-' joined by '/', none of them '.' or '..'`
      )
    }
    const target = raw.target
    if (typeof target === 'string' && (goodTargets.has(target) || isValidName(target))) {
      goodTargets.add(target)
    } else {
      problems.push(`deployment '${name}': target ${JSON.stringify(target)} ${nameRule}`)
    }
    const labels = raw.runner_labels
    if (!Array.isArray(labels) || labels.length === 0) {
      problems.push(
        `deployment '${name}': runner_labels must be a non-empty array of label strings`
      )
    } else if (!allLabels(labels, goodLabels)) {
      const bad = labels.filter(l => typeof l !== 'string' || !isValidLabel(l))
      problems.push(
        `deployment '${name}': runner_labels ${bad.map(l => JSON.stringify(l)).join(', ')} are not valid labels (letters, digits, . _ -; no commas or spaces)`
      )
    }
    if (typeof raw.public !== 'boolean')
      problems.push(`deployment '${name}': public must be true or false`)
    const url = raw.url ?? null
    if (url !== null && (typeof url !== 'string' || !HTTP_URL.test(url))) {
      problems.push(
        `deployment '${name}': url ${JSON.stringify(url)} must be an http(s) URL or null`
      )
    }
    deployments.push({
      name,
      service: String(service),
      path: path ?? '',
      target: String(target),
      runnerLabels: Array.isArray(labels) ? (labels as string[]) : [],
      public: raw.public === true,
      url: url as string | null
    })
  }
  problems.push(...nameCollisions(deployments))
  if (problems.length > 0) {
    throw new InputError(
      input,
      `the deployments contract is violated:\n  - ${problems.join('\n  - ')}\n`,
      contractFix
    )
  }
  return deployments
}

const isTerraformOutput = (v: unknown) => isObj(v) && 'value' in v && 'type' in v
function allLabels(labels: unknown[], good: Set<string>): boolean {
  for (const label of labels) {
    if (typeof label !== 'string') return false
    if (good.has(label)) continue
    if (!isValidLabel(label)) return false
    good.add(label)
  }
  return true
}
const HTTP_URL = /^https?:\/\/[^\s]+$/

/**
 * Secrets are selected by `<SERVICE>__<KEY>` and `<DEPLOYMENT>__<KEY>`: a deployment named like
 * another service (deployment `api` of service `web`, and a service `api`) would receive the
 * other service's secrets, and `API__<KEY>` would mean two things.
 */
function nameCollisions(deployments: Deployment[]): string[] {
  const services = deployments.map(d => d.service)
  return namedLikeAService(
    deployments.map(d => d.name),
    services,
    new Set(services)
  ).map(i => {
    const d = deployments[i] as Deployment
    return `deployment '${d.name}' (of service '${d.service}') is named like the service '${d.name}': ${envPrefix(d.name)}<KEY> would select the secrets of both; rename the deployment, e.g. '${d.service}-${d.target}'`
  })
}

/**
 * The indexes of the deployments named like a service other than their own. Names that pass the
 * name rule (the others have failed already) map one-to-one onto their upper-case prefixes ('-' →
 * '_'), so equal prefixes are equal names: one set lookup each, no strings built (plan checks
 * thousands of deployments). `services[i]` is the i-th deployment's; `serviceSet` all of them.
 */
export function namedLikeAService(
  names: readonly string[],
  services: readonly string[],
  serviceSet: ReadonlySet<string>
): number[] {
  const found: number[] = []
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    if (name !== services[i] && serviceSet.has(name)) found.push(i)
  }
  return found
}

const nameRule = "must match ^[a-z0-9][a-z0-9-]{0,62}$ (and have no '--' and no trailing '-')"
const contractFix =
  'Fix the `deployments` output in infrastructure/outputs.tf (shape: README.md, "The deployments contract").'

function shapeError(input: string, problem: string): InputError {
  return new InputError(
    input,
    problem,
    'Pass `terraform output -json` (the whole document) or its `deployments` map.'
  )
}
