import { InputError, errorMessage } from '../errors.js'
import type { Runner } from '../exec.js'
import type { PlanInputs } from '../inputs.js'
import type { Deployment, DeploymentTable } from '../deployments/contract.js'
import { loadDeployments } from '../deployments/source.js'
import { type EventContext, eventRange } from './event.js'
import type { Git, TreeChange } from './git.js'
import type { LastSuccessfulRun } from './last-success.js'
import { type Plan, type ServiceChange, buildPlan } from './matrix.js'
import { COMPOSE_FILES } from '../compose-files.js'
import { isValidName } from '../names.js'
import { type ResolvedRange, resolveRange, startComparison } from './range.js'
import { changedServices, servicesInTree, sharedPathMatcher } from './services.js'

export interface PlanResult extends Plan {
  range: ResolvedRange
  warnings: string[]
}

export interface PlanDeps {
  git: Git
  run: Runner
  workspace: string
  /** For compare-with: last-successful-run (GitHub's API in the action, a double in tests). */
  lastSuccessfulRun?: LastSuccessfulRun
  /**
   * Whether git may compare the commits while the deployments are read: not in a clone where
   * reading a missing commit fetches it (mayFetchLazily), as bad deployments must fail first.
   */
  compareAhead?: boolean
}

/** The whole `plan` command as one function of its inputs: event + git + deployments → matrix. */
export async function computePlan(
  inputs: PlanInputs,
  context: EventContext,
  deps: PlanDeps
): Promise<PlanResult> {
  let request = eventRange(context, {
    base: inputs.base,
    head: inputs.head,
    services: inputs.services
  })
  // In the common case git compares the two commits while the deployments are read. Nothing is
  // fetched before they are checked: bad deployments fail with no side effect on the clone.
  const started =
    deps.compareAhead === true && inputs.compareWith !== 'last-successful-run'
      ? startComparison(request, deps.git)
      : undefined
  const table = await loadDeployments(inputs, deps.workspace, deps.run)
  // The git process that will read the changed folders starts now, while git usually still
  // compares and plan would only wait for it, and waits for their trees. (Started with the
  // comparison, the two git processes started up at once, on the cores plan's reading needs.)
  const holdsFile = started
    ? deps.git.startHoldsFile(COMPOSE_FILES)
    : (trees: string[]) => deps.git.holdsFile(trees, COMPOSE_FILES)
  const warnings = table.misplaced(inputs.servicesDir).map(i => {
    const [name, service, path] = [table.names[i], table.services[i], table.path(i)]
    const expected = `${inputs.servicesDir}/${service as string}`
    return `Deployment '${name as string}' has path '${path}', but service '${service as string}' lives in '${expected}'; changes are detected in '${expected}'.`
  })
  if (
    inputs.compareWith === 'last-successful-run' &&
    context.eventName === 'push' &&
    request.kind === 'trees' &&
    inputs.base === undefined &&
    deps.lastSuccessfulRun
  ) {
    const branch = context.ref.replace(/^refs\/heads\//, '')
    try {
      const sha = await deps.lastSuccessfulRun(branch)
      if (sha !== undefined && sha !== request.head) {
        request = {
          ...request,
          base: sha,
          why: `push: last successful run (${sha.slice(0, 12)}) → after`
        }
      }
    } catch (error) {
      warnings.push(
        `Could not ask GitHub for the last successful run (${errorMessage(error)}); comparing with the push's previous commit instead. Grant the job permissions: actions: read.`
      )
    }
  }
  const range = await resolveRange(
    request,
    deps.git,
    { baseFromInput: inputs.base !== undefined, headFromInput: inputs.head !== undefined },
    started
  )
  if (range.kind === 'none') return { ...buildPlan([], []), range, warnings }
  if (range.kind === 'all' && range.warning) warnings.push(range.warning)

  const changes: ServiceChange[] = []
  let early: Map<number, Deployment> | undefined
  if (range.kind === 'diff') {
    const change = range.change ?? (await deps.git.compare(range.base, range.head))
    const { byService, sharedFiles } = changedServices(
      change.files,
      inputs.servicesDir,
      await sharedPathMatcher(inputs.sharedPaths)
    )
    // Only the folders the change touches are looked at (and the deployed ones when a shared
    // path changed): the cost follows the change, not the repository.
    const wanted = new Set(byService.keys())
    if (sharedFiles.length > 0) for (const service of table.serviceSet) wanted.add(service)
    const looking = servicesAt(
      deps.git,
      range.head,
      inputs.servicesDir,
      [...wanted],
      warnings,
      holdsFile,
      change
    )
    // While git reads those folders, the changed services' deployments are built: nearly all of
    // them are routed.
    early = routedDeployments(table, byService.keys(), inputs.onlyDeployments)
    const atHead = await looking
    for (const [service, reason] of byService) {
      if (atHead.has(service)) changes.push({ service, action: 'deploy', reason })
      // A folder without a compose file is only a removal if something is deployed from it.
      else if (table.serviceSet.has(service)) changes.push({ service, action: 'remove', reason })
    }
    if (sharedFiles.length > 0) {
      for (const service of atHead) {
        if (table.serviceSet.has(service) && !byService.has(service))
          changes.push({ service, action: 'deploy', reason: sharedFiles })
      }
    }
  } else {
    const named =
      range.kind === 'selection' && range.services !== 'all' ? range.services : undefined
    const atHead = await servicesAt(
      deps.git,
      range.head,
      inputs.servicesDir,
      named ?? 'all',
      warnings,
      holdsFile
    )
    const selected = named ?? [...atHead].sort()
    const unknown = selected.filter(s => !atHead.has(s))
    if (unknown.length > 0 && inputs.onlyDeployments !== undefined) {
      // A first deploy: a deployment whose service folder is not committed yet is not an error
      // for the others; the push that adds the folder deploys it.
      warnings.push(
        `No service folder with a compose file for: ${unknown.join(', ')}; their new deployments are deployed by the push that adds the folder.`
      )
    } else if (unknown.length > 0) {
      throw new InputError(
        'services',
        `no service folder with a compose file for: ${unknown.join(', ')}`,
        `Name folders under ${inputs.servicesDir}/ that hold a compose.yaml, or use 'all'.`
      )
    }
    for (const service of selected)
      if (atHead.has(service)) changes.push({ service, action: 'deploy', reason: [range.why] })
  }

  const routed = routedDeployments(
    table,
    new Set(changes.map(c => c.service)),
    inputs.onlyDeployments,
    early
  )
  return { ...buildPlan(changes, [...routed.values()]), range, warnings }
}

/**
 * The deployments of these services (only those named in `only`, if given), built in full and in
 * the table's order: only the changed services' deployments are built, there may be thousands of
 * others. `built`: deployments built already.
 */
function routedDeployments(
  table: DeploymentTable,
  services: Iterable<string>,
  only: string[] | undefined,
  built?: Map<number, Deployment>
): Map<number, Deployment> {
  const indexes: number[] = []
  for (const service of services) {
    for (const i of table.indexesOf(service))
      if (only === undefined || only.includes(table.names[i] as string)) indexes.push(i)
  }
  // In order: each deployment is found in the text from where the one before it was.
  indexes.sort((a, b) => a - b)
  return new Map(indexes.map(i => [i, built?.get(i) ?? table.at(i)]))
}

// Up to this many folders, one ls-tree names them all. git matches every entry of services/
// against every folder named, so for more, reading services/ once and asking for the compose files
// by tree ID is cheaper (at 5,000 services and 250 changed: 33 ms of git's CPU against 14).
const FOLDERS_BY_NAME = 32

/**
 * Which of these service folders hold a compose file (not a folder of that name) at `revision`
 * ('all': every folder under servicesDir, for events that compare nothing), asking `holdsFile`
 * (Git's, maybe started ahead) about the folders' trees. `change`: the diff to
 * `revision`, which gives the changed folders' trees (so only the others are looked up) and shows
 * the compose files it adds or edits (so those folders need no look at all: for a push that bumps
 * an image tag, git reads no folder). Folders holding one whose names are not valid service names
 * are ignored, with a warning. Only trees are read: a blob-less clone fetches nothing.
 */
async function servicesAt(
  git: Git,
  revision: string,
  servicesDir: string,
  names: string[] | 'all',
  warnings: string[],
  holdsFile: (trees: string[]) => Promise<boolean[]>,
  change?: TreeChange
): Promise<Set<string>> {
  let found: { services: Set<string>; invalid: Set<string> }
  if (names === 'all') {
    found = servicesInTree(await git.listFolders(revision, [servicesDir], true), servicesDir)
  } else {
    const known = change?.folders ?? new Map<string, string | undefined>()
    const trees = new Map<string, string>()
    const unknown: string[] = []
    for (const name of names) {
      const path = `${servicesDir}/${name}`
      const tree = known.get(path)
      if (tree !== undefined) trees.set(name, tree)
      else if (!known.has(path)) unknown.push(name)
    }
    found = { services: new Set(), invalid: new Set() }
    if (unknown.length > 0 && unknown.length <= FOLDERS_BY_NAME) {
      const listing = await git.listFolders(
        revision,
        unknown.map(name => `${servicesDir}/${name}`)
      )
      found = servicesInTree(listing, servicesDir)
    } else if (unknown.length > 0) {
      const all = await git.subfolders(revision, servicesDir)
      for (const name of unknown) {
        const tree = all.get(name)
        if (tree !== undefined) trees.set(name, tree)
      }
    }
    const shown = servicesInTree(
      (change?.files ?? []).filter(
        file => /compose\.ya?ml$/.test(file) && !change?.deleted.has(file)
      ),
      servicesDir
    )
    const named: string[] = []
    for (const name of trees.keys()) {
      if (shown.services.has(name)) found.services.add(name)
      else if (shown.invalid.has(name)) found.invalid.add(name)
      else named.push(name)
    }
    const holds = await holdsFile(named.map(name => trees.get(name) as string))
    named.forEach((name, i) => {
      if (holds[i]) (isValidName(name) ? found.services : found.invalid).add(name)
    })
  }
  for (const name of found.invalid) {
    warnings.push(
      `Folder '${servicesDir}/${name}' is not a valid service name (^[a-z0-9][a-z0-9-]{0,62}$) and is ignored.`
    )
  }
  return found.services
}
