import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActionError, InputError, errorMessage } from '../errors.js'
import { getDeployInputs, getRemoveInputs } from '../inputs.js'
import { createCompose } from './compose.js'
import { createEngine, engineSocket } from './engine.js'
import { dockerEnvironment } from './environment.js'
import { deploy, finishInterrupted } from './deploy.js'
import { readOwner, stopLeftovers } from './lock.js'
import { redactingLog, type Log } from './log.js'
import { createMasker, type Masker } from './mask.js'
import { createProcessGroups, type ProcessGroups } from './processes.js'
import { remove } from './remove.js'
import { lockTimeoutMs, readPending, stateRoot, statePaths } from './state.js'
import { lockDeployment, type Cancel, type StepDeps } from './step.js'
import { summaryRows, summaryTitle, type SummaryFacts } from './summary.js'
import {
  appendSummary,
  endGroup,
  getInput,
  getState,
  info,
  saveState,
  setOutput,
  setSecret,
  startGroup,
  summaryTable,
  warning
} from '../workflow.js'

/**
 * The events deploy and remove run for: a push to a branch, a manual or scheduled run, and a
 * dispatch through the API (which needs a token with write access). Everything else is refused,
 * by allowlist: pull requests may come from forks, a merge queue candidate may never be merged,
 * and workflow_run, pull_request_review, issue_comment and the like are triggered by people who
 * cannot push. Any of them may plan, none may change a host.
 */
export const DEPLOY_EVENTS = ['push', 'workflow_dispatch', 'schedule', 'repository_dispatch']

function refuseUntrustedEvents(command: string): void {
  const event = process.env.GITHUB_EVENT_NAME ?? ''
  if (!DEPLOY_EVENTS.includes(event)) {
    throw new InputError(
      'command',
      `${command} does not run for ${event || 'an unknown'} event${event ? 's' : ''}`,
      `Deploy from ${DEPLOY_EVENTS.join(', ')}; use command: plan anywhere else (pull requests, merge queues, workflow_run, ...).`
    )
  }
}

/** How long after the first signal the runner kills the job: SIGINT, SIGTERM 7.5 s later, kill 2.5 s after. */
const KILL_AFTER_MS = 10_000

/**
 * `command: deploy` — the runner's edges around deploy(). A cancelled job (SIGINT, then
 * SIGTERM) stops the running docker commands and goes back to the last good version within
 * the runner's window; the post step (`post-if: always()`) finishes what did not fit.
 */
export async function deployCommand(): Promise<void> {
  const groups = createProcessGroups()
  const cancel = listenForCancel(groups)
  try {
    await step('deploy', async (facts, masker) => {
      refuseUntrustedEvents('deploy')
      const inputs = getDeployInputs(getInput)
      // Mask every secret handed to the step, not only the selected ones (vars are not secret).
      for (const value of Object.values(inputs.secrets)) masker.add(value)
      Object.assign(facts, {
        deployment: inputs.deployment,
        service: inputs.service,
        url: inputs.url ?? inputs.healthUrl
      })
      // Tells the post step which deployment to look at, if this step does not get to finish.
      saveState('deployment', inputs.deployment)
      // ...and which marker is its own: another job's marker is that job's to finish.
      saveState('pid', String(process.pid))
      const result = await deploy(inputs, { ...stepDeps(masker, groups), cancel })
      facts.status = result.status
      return result.failure
    })
  } finally {
    cancel.stop()
  }
}

/**
 * The post step of a deploy: nothing to do when the deploy ended, else (the job was cancelled or
 * killed before it got back to a good version) it stops the docker commands the main step left
 * running and finishes the deploy: back to the last good version, or a first deploy removed.
 */
export async function postDeployCommand(deployment: string): Promise<void> {
  const root = stateRoot()
  const paths = statePaths(root, deployment)
  const pending = readPending(paths)
  if (pending === undefined) {
    info(`The deploy of ${deployment} ended in its main step: nothing to finish.`)
    return
  }
  if (String(pending.pid) !== getState('pid')) {
    info(
      `The unfinished deploy of ${deployment} is another job's (pid ${pending.pid}): nothing of this job's to finish.`
    )
    return
  }
  await step('deploy', async (facts, masker) => {
    const inputs = getDeployInputs(getInput)
    for (const value of Object.values(inputs.secrets)) masker.add(value)
    Object.assign(facts, { deployment, service: inputs.service })
    if (await stopLeftovers(readOwner(paths.lock))) {
      info('Stopped the docker commands the cancelled deploy left running.')
    }
    const deps = stepDeps(masker, createProcessGroups())
    const release = await lockDeployment(deps, deployment)
    try {
      const result = await finishInterrupted(deps, inputs, paths)
      // Another job took the lock first and finished it already.
      facts.status = result?.status ?? 'finished by the next deploy'
      return result?.failure
    } finally {
      release()
    }
  })
}

/** SIGINT/SIGTERM: cancel the deploy and stop its docker commands (not those of a rollback, see spare). */
function listenForCancel(groups: ProcessGroups): Cancel & { stop(): void } {
  const controller = new AbortController()
  let deadline = 0
  let sparing = 0
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!controller.signal.aborted && sparing > 0) {
      deadline = Date.now() + KILL_AFTER_MS
      warning(
        `Received ${signal} during a rollback: letting it finish; the post step finishes it if the job is killed first.`
      )
      controller.abort(signal)
      return
    }
    if (controller.signal.aborted) {
      warning(
        `Received ${signal} again: still rolling back; the post step finishes it if the job is killed first.`
      )
      return
    }
    deadline = Date.now() + KILL_AFTER_MS
    warning(
      `Received ${signal}: the job is being cancelled. Stopping docker compose and going back to the last good version.`
    )
    groups.signalAll('SIGTERM')
    controller.abort(signal)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    deadline: () => deadline,
    spare: async work => {
      sparing++
      try {
        return await work()
      } finally {
        sparing--
      }
    },
    stop: () => {
      process.removeListener('SIGINT', onSignal)
      process.removeListener('SIGTERM', onSignal)
    }
  }
}

/** `command: remove` — the runner's edges around remove(). */
export async function removeCommand(): Promise<void> {
  await step('remove', async (facts, masker) => {
    refuseUntrustedEvents('remove')
    const inputs = getRemoveInputs(getInput)
    Object.assign(facts, { deployment: inputs.deployment, service: inputs.service })
    const scratchDir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'launch-service-'))
    try {
      await remove(inputs, { ...stepDeps(masker), scratchDir })
    } finally {
      rmSync(scratchDir, { recursive: true, force: true })
    }
    facts.status = 'removed'
    return undefined
  })
}

/**
 * Runs one command's body and always finishes with outputs and a job summary, also when the
 * body throws before it got far (an input error, a refused event): the summary then shows the
 * raw `deployment` input and the (redacted) error. The body returns the failure, if any.
 */
async function step(
  command: SummaryFacts['command'],
  body: (facts: SummaryFacts, masker: Masker) => Promise<string | undefined>
): Promise<void> {
  const started = Date.now()
  const masker = createMasker(setSecret)
  const facts: SummaryFacts = {
    command,
    deployment: getInput('deployment').trim() || '—',
    commit: process.env.GITHUB_SHA,
    status: 'failed',
    durationMs: 0
  }
  let failure: string | undefined
  try {
    failure = await body(facts, masker)
  } catch (error) {
    failure = errorMessage(error)
  }
  await finish(facts, failure, started, masker)
}

/** Outputs, job summary, and a failed step (with a redacted reason) when something failed. */
async function finish(
  facts: SummaryFacts,
  failure: string | undefined,
  started: number,
  masker: Masker
): Promise<void> {
  const reason = failure === undefined ? undefined : masker.redact(failure)
  const done: SummaryFacts = { ...facts, failure: reason, durationMs: Date.now() - started }
  setOutput('status', done.status)
  setOutput('url', reason === undefined ? (done.url ?? '') : '')
  try {
    appendSummary(
      summaryTable(
        escapeHtml(summaryTitle(done)),
        3,
        summaryRows(done).map(([name, value]) => [{ data: name, header: true }, escapeHtml(value)])
      )
    )
  } catch (error) {
    warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
  if (reason !== undefined) throw new ActionError(reason)
}

/**
 * The real edges: docker commands in process groups of their own, the runner's workspace and
 * state folder, the runner's log (redacted).
 */
function stepDeps(masker: Masker, groups: ProcessGroups = createProcessGroups()): StepDeps {
  const env = dockerEnvironment()
  const socket = engineSocket(env)
  return {
    compose: createCompose(
      groups.run,
      env,
      socket === undefined ? undefined : createEngine(socket)
    ),
    groups,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    stateRoot: stateRoot(),
    lockTimeoutMs: lockTimeoutMs(),
    masker,
    log: redactingLog(runnerLog, masker)
  }
}

const runnerLog: Log = {
  info,
  warning,
  group: (title, body) => {
    startGroup(title)
    info(body)
    endGroup()
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
