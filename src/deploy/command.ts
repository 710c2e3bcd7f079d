import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { ActionError, InputError, errorMessage } from '../errors.js'
import { runCommand } from '../exec.js'
import { getDeployInputs, getRemoveInputs } from '../inputs.js'
import { deploy, serviceOf, type StepDeps } from './deploy.js'
import { redactingLog, type Log } from './log.js'
import { createMasker, type Masker } from './mask.js'
import { remove } from './remove.js'
import { lockTimeoutMs, stateRoot } from './state.js'
import { summaryRows, summaryTitle, type SummaryFacts } from './summary.js'

/** A pull request may come from a fork: it may plan, never change a host. */
function refusePullRequests(command: string): void {
  const event = process.env.GITHUB_EVENT_NAME ?? ''
  if (event === 'pull_request' || event === 'pull_request_target') {
    throw new InputError(
      'command',
      `${command} does not run for ${event} events`,
      'Deploy from push, merge_group or workflow_dispatch; use command: plan in pull requests.'
    )
  }
}

/** `command: deploy` — the @actions/core edges around deploy(). */
export async function deployCommand(): Promise<void> {
  const started = Date.now()
  refusePullRequests('deploy')
  const inputs = getDeployInputs(core.getInput)
  const masker = createMasker(core.setSecret)
  // Mask every secret handed to the step, not only the selected ones (vars are not secret).
  for (const value of Object.values(inputs.secrets)) masker.add(value)
  const facts: SummaryFacts = {
    command: 'deploy',
    deployment: inputs.deployment,
    service: serviceOf(inputs.path),
    commit: process.env.GITHUB_SHA,
    status: 'failed',
    durationMs: 0,
    url: inputs.url ?? inputs.healthUrl
  }
  let failure: string | undefined
  try {
    const result = await deploy(inputs, stepDeps(masker))
    facts.status = result.status
    failure = result.failure
  } catch (error) {
    failure = errorMessage(error)
  }
  await finish(facts, failure, started, masker)
}

/** `command: remove` — the @actions/core edges around remove(). */
export async function removeCommand(): Promise<void> {
  const started = Date.now()
  refusePullRequests('remove')
  const inputs = getRemoveInputs(core.getInput)
  const masker = createMasker(core.setSecret)
  const facts: SummaryFacts = {
    command: 'remove',
    deployment: inputs.deployment,
    service: inputs.path === undefined ? undefined : serviceOf(inputs.path),
    commit: process.env.GITHUB_SHA,
    status: 'failed',
    durationMs: 0
  }
  const scratchDir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'launch-service-'))
  let failure: string | undefined
  try {
    await remove(inputs, { ...stepDeps(masker), scratchDir })
    facts.status = 'removed'
  } catch (error) {
    failure = errorMessage(error)
  } finally {
    rmSync(scratchDir, { recursive: true, force: true })
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
  core.setOutput('status', done.status)
  core.setOutput('url', reason === undefined ? (done.url ?? '') : '')
  try {
    await core.summary
      .addHeading(escapeHtml(summaryTitle(done)), 3)
      .addTable(
        summaryRows(done).map(([name, value]) => [{ data: name, header: true }, escapeHtml(value)])
      )
      .write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
  if (reason !== undefined) throw new ActionError(reason)
}

/** The real edges: @actions/exec, the runner's workspace and state folder, core's log (redacted). */
function stepDeps(masker: Masker): StepDeps {
  return {
    run: runCommand,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    stateRoot: stateRoot(),
    lockTimeoutMs: lockTimeoutMs(),
    masker,
    log: redactingLog(coreLog, masker)
  }
}

const coreLog: Log = {
  info: message => core.info(message),
  warning: message => core.warning(message),
  group: (title, body) => {
    core.startGroup(title)
    core.info(body)
    core.endGroup()
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
