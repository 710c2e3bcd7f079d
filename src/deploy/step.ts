import type { Compose } from './compose.js'
import { acquireLock, type ReleaseLock } from './lock.js'
import type { Log } from './log.js'
import type { Masker } from './mask.js'
import type { ProcessGroups } from './processes.js'
import { lockTimeoutMs, statePaths } from './state.js'

/** What deploy and remove work with; tests pass a scripted Runner and a collecting Log. */
export interface StepDeps {
  /** Every docker and compose command (built with the process groups' runner in the action). */
  compose: Compose
  /** GITHUB_WORKSPACE: `path` is relative to it. */
  workspace: string
  stateRoot: string
  masker: Masker
  /** Already redacting (see redactingLog). */
  log: Log
  lockTimeoutMs?: number
  /** The groups `run` starts its commands in; recorded in the lock so it covers them. */
  groups?: ProcessGroups
  /** Set when the job is cancelled (SIGINT/SIGTERM), see Cancel. */
  cancel?: Cancel
}

/**
 * A cancelled job: GitHub's runner sends SIGINT, SIGTERM 7.5 s later and kills the process
 * 2.5 s after that. `deadline` (ms since the epoch) is when the kill is expected.
 */
export interface Cancel {
  signal: AbortSignal
  deadline: () => number
  /** Runs work (a rollback) whose commands a cancel must not stop: they bring the old version back. */
  spare: <T>(work: () => Promise<T>) => Promise<T>
}

/** Takes the deployment's lock on this host, waiting (and saying so) while another job holds it. */
export async function lockDeployment(deps: StepDeps, deployment: string): Promise<ReleaseLock> {
  const release = await acquireLock(statePaths(deps.stateRoot, deployment).lock, {
    timeoutMs: deps.lockTimeoutMs ?? lockTimeoutMs(),
    signal: deps.cancel?.signal,
    onWait: holder =>
      deps.log.info(
        `Waiting for another job on ${deployment}${holder ? ` (pid ${holder.pid})` : ''} to finish...`
      )
  })
  deps.groups?.onChange(groups => release.track(groups))
  return release
}
