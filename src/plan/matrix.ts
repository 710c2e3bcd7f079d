import type { Deployment } from '../deployments/contract.js'
import { compareNames } from '../names.js'

export type MatrixAction = 'deploy' | 'remove'

/** One job of the deploy matrix; the field names are the action's public interface. */
export interface MatrixEntry {
  deployment: string
  service: string
  path: string
  target: string
  'runs-on': string[]
  action: MatrixAction
  url: string | null
}

/** Why a service is in the plan: the files that changed, or a sentence. */
export interface ServiceChange {
  service: string
  action: MatrixAction
  reason: string[]
}

export interface Plan {
  entries: MatrixEntry[]
  changes: ServiceChange[]
  /** Changed services that should deploy but have no deployment in the Terraform output. */
  unrouted: string[]
}

/** GitHub rejects a matrix of more than 256 jobs. */
export const MAX_MATRIX_JOBS = 256

/**
 * Crosses the changed services with the deployments. A service without a compose file at head
 * is removed from each of its deployments; one with a compose file is deployed to each.
 */
export function buildPlan(changes: ServiceChange[], deployments: Deployment[]): Plan {
  // Only the changed services' deployments: there may be thousands of others.
  const byService = new Map<string, Deployment[]>(changes.map(c => [c.service, []]))
  for (const d of deployments) byService.get(d.service)?.push(d)
  const entries: MatrixEntry[] = []
  const unrouted: string[] = []
  for (const change of [...changes].sort((a, b) => compareNames(a.service, b.service))) {
    const targets = (byService.get(change.service) ?? []).sort((a, b) =>
      compareNames(a.name, b.name)
    )
    if (targets.length === 0 && change.action === 'deploy') unrouted.push(change.service)
    for (const d of targets) {
      entries.push({
        deployment: d.name,
        service: d.service,
        path: d.path,
        target: d.target,
        'runs-on': d.runnerLabels,
        action: change.action,
        url: d.url
      })
    }
  }
  return { entries, changes, unrouted }
}
