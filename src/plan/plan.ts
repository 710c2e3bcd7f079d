import { InputError, errorMessage } from '../errors.js'
import type { Runner } from '../exec.js'
import type { PlanInputs } from '../inputs.js'
import type { Deployment } from '../deployments/contract.js'
import { loadDeployments } from '../deployments/source.js'
import { type EventContext, eventRange } from './event.js'
import type { Git } from './git.js'
import type { LastSuccessfulRun } from './last-success.js'
import { type Plan, type ServiceChange, buildPlan } from './matrix.js'
import { type ResolvedRange, resolveRange } from './range.js'
import { changedServices, servicesInTree } from './services.js'

export interface PlanResult extends Plan {
  range: ResolvedRange
  deployments: Deployment[]
  warnings: string[]
}

export interface PlanDeps {
  git: Git
  run: Runner
  workspace: string
  /** For compare-with: last-successful-run (GitHub's API in the action, a double in tests). */
  lastSuccessfulRun?: LastSuccessfulRun
}

/** The whole `plan` command as one function of its inputs: event + git + deployments → matrix. */
export async function computePlan(
  inputs: PlanInputs,
  context: EventContext,
  deps: PlanDeps
): Promise<PlanResult> {
  // Bad deployments fail before any git work, so the error is about the input, not a side effect.
  const deployments = await loadDeployments(inputs, deps.workspace, deps.run)
  const warnings: string[] = []
  for (const d of deployments) {
    const expected = `${inputs.servicesDir}/${d.service}`
    if (d.path !== expected) {
      warnings.push(
        `Deployment '${d.name}' has path '${d.path}', but service '${d.service}' lives in '${expected}'; changes are detected in '${expected}'.`
      )
    }
  }

  let request = eventRange(context, {
    base: inputs.base,
    head: inputs.head,
    services: inputs.services
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
  const range = await resolveRange(request, deps.git, {
    baseFromInput: inputs.base !== undefined,
    headFromInput: inputs.head !== undefined
  })
  if (range.kind === 'none') return { ...buildPlan([], deployments), range, deployments, warnings }
  if (range.kind === 'all' && range.warning) warnings.push(range.warning)

  const tree = servicesInTree(
    await deps.git.listFiles(range.head, inputs.servicesDir),
    inputs.servicesDir
  )
  for (const name of tree.invalid) {
    warnings.push(
      `Folder '${inputs.servicesDir}/${name}' is not a valid service name (^[a-z0-9][a-z0-9-]{0,62}$) and is ignored.`
    )
  }
  const atHead = tree.services
  const changes: ServiceChange[] = []

  if (range.kind === 'diff') {
    const files = await deps.git.changedFiles(range.base, range.head)
    const { byService, sharedFiles } = changedServices(
      files,
      inputs.servicesDir,
      inputs.sharedPaths
    )
    const deployed = new Set(deployments.map(d => d.service))
    for (const [service, reason] of byService) {
      if (atHead.has(service)) changes.push({ service, action: 'deploy', reason })
      // A folder without a compose file is only a removal if something is deployed from it.
      else if (deployed.has(service)) changes.push({ service, action: 'remove', reason })
    }
    if (sharedFiles.length > 0) {
      for (const service of atHead) {
        if (deployed.has(service) && !byService.has(service))
          changes.push({ service, action: 'deploy', reason: sharedFiles })
      }
    }
  } else {
    const selected =
      range.kind === 'selection' && range.services !== 'all' ? range.services : [...atHead]
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

  const only = inputs.onlyDeployments
  const routed = only === undefined ? deployments : deployments.filter(d => only.includes(d.name))
  return { ...buildPlan(changes, routed), range, deployments, warnings }
}
