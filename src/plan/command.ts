import { readFileSync } from 'node:fs'
import { ActionError } from '../errors.js'
import { runCommandInBackground, runCommandSync, startCommand } from '../exec.js'
import { getPlanInputs } from '../inputs.js'
import { planSummary } from '../summary/plan-summary.js'
import type { EventContext } from './event.js'
import { createGit, mayFetchLazily } from './git.js'
import { MAX_MATRIX_JOBS } from './matrix.js'
import { githubLastSuccessfulRun } from './last-success.js'
import { computePlan } from './plan.js'
import { appendSummary, getInput, info, setOutput, setSecret, warning } from '../workflow.js'

/** `command: plan` — the runner's edges (inputs, git, outputs, summary) around computePlan. */
export async function planCommand(): Promise<void> {
  const inputs = getPlanInputs(getInput)
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const context = await readEventContext()
  if (inputs.githubToken !== '') setSecret(inputs.githubToken)
  const plan = await computePlan(inputs, context, {
    // The comparison runs in the background while the deployments are read, and the reading of
    // the changed folders is started then too (computePlan).
    git: createGit(runCommandSync, workspace, runCommandInBackground, startCommand),
    run: runCommandSync,
    workspace,
    compareAhead: !mayFetchLazily(workspace),
    lastSuccessfulRun:
      inputs.compareWith === 'last-successful-run'
        ? githubLastSuccessfulRun({
            token: inputs.githubToken,
            repository: process.env.GITHUB_REPOSITORY ?? '',
            workflowRef: process.env.GITHUB_WORKFLOW_REF ?? ''
          })
        : undefined
  })

  for (const text of plan.warnings) warning(text)
  if (plan.unrouted.length > 0) {
    warning(
      `Changed services with no deployment in the Terraform output (not deployed): ${plan.unrouted.join(', ')}. ` +
        'Add an entry to `deployments` in infrastructure/terraform.tfvars; after the apply, the Terraform workflow deploys it.'
    )
  }
  if (plan.entries.length > MAX_MATRIX_JOBS) {
    throw new ActionError(
      `The plan has ${plan.entries.length} jobs; a GitHub matrix allows at most ${MAX_MATRIX_JOBS}. ` +
        'Narrow it with the services input, or split the workflow.'
    )
  }

  const services = [...new Set(plan.changes.map(c => c.service))].sort()
  setOutput('matrix', JSON.stringify({ include: plan.entries }))
  setOutput('services', JSON.stringify(services))
  setOutput('has-changes', plan.entries.length > 0 ? 'true' : 'false')
  setOutput('unrouted', JSON.stringify(plan.unrouted))
  info(
    plan.entries.length === 0
      ? `Nothing to deploy (${plan.range.why}).`
      : plan.entries
          .map(e => `${e.action} ${e.service} → ${e.deployment} [${e['runs-on'].join(', ')}]`)
          .join('\n')
  )
  appendSummary(planSummary(plan))
}

async function readEventContext(): Promise<EventContext> {
  const path = process.env.GITHUB_EVENT_PATH
  let payload: Record<string, unknown> = {}
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
    } catch (error) {
      throw new ActionError(
        `Cannot read the event payload at GITHUB_EVENT_PATH (${(error as Error).message}).`
      )
    }
  }
  return {
    eventName: process.env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
    payload,
    sha: process.env.GITHUB_SHA || 'HEAD',
    ref: process.env.GITHUB_REF ?? ''
  }
}
