import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { ActionError, InputError, errorMessage } from '../errors.js'
import { runCommand } from '../exec.js'
import { getDeployInputs, getRemoveInputs } from '../inputs.js'
import { deploy, type StepDeps } from './deploy.js'
import { redactingLog, type Log } from './log.js'
import { createMasker, type Masker } from './mask.js'
import { remove } from './remove.js'
import { lockTimeoutMs, stateRoot } from './state.js'
import { summaryRows, summaryTitle, type SummaryFacts } from './summary.js'

/**
 * A pull request may come from a fork, and a merge queue candidate may never be merged: both may
 * plan, neither may change a host.
 */
const REFUSED_EVENTS = ['pull_request', 'pull_request_target', 'merge_group']

function refuseUntrustedEvents(command: string): void {
  const event = process.env.GITHUB_EVENT_NAME ?? ''
  if (REFUSED_EVENTS.includes(event)) {
    throw new InputError(
      'command',
      `${command} does not run for ${event} events`,
      'Deploy from push or workflow_dispatch; use command: plan in pull requests and merge queues.'
    )
  }
}

/** `command: deploy` — the @actions/core edges around deploy(). */
export async function deployCommand(): Promise<void> {
  await step('deploy', async (facts, masker) => {
    refuseUntrustedEvents('deploy')
    const inputs = getDeployInputs(core.getInput)
    // Mask every secret handed to the step, not only the selected ones (vars are not secret).
    for (const value of Object.values(inputs.secrets)) masker.add(value)
    Object.assign(facts, {
      deployment: inputs.deployment,
      service: inputs.service,
      url: inputs.url ?? inputs.healthUrl
    })
    const result = await deploy(inputs, stepDeps(masker))
    facts.status = result.status
    return result.failure
  })
}

/** `command: remove` — the @actions/core edges around remove(). */
export async function removeCommand(): Promise<void> {
  await step('remove', async (facts, masker) => {
    refuseUntrustedEvents('remove')
    const inputs = getRemoveInputs(core.getInput)
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
  const masker = createMasker(core.setSecret)
  const facts: SummaryFacts = {
    command,
    deployment: core.getInput('deployment').trim() || '—',
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
