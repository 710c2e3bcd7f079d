import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { ActionError } from '../errors.js'
import { runCommand } from '../exec.js'
import { getPlanInputs } from '../inputs.js'
import { planSummary } from '../summary/plan-summary.js'
import type { EventContext } from './event.js'
import { createGit } from './git.js'
import { MAX_MATRIX_JOBS } from './matrix.js'
import { githubLastSuccessfulRun } from './last-success.js'
import { computePlan } from './plan.js'

/** `command: plan` — the @actions edges around computePlan. */
export async function planCommand(): Promise<void> {
  const inputs = getPlanInputs(core.getInput)
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const context = await readEventContext()
  if (inputs.githubToken !== '') core.setSecret(inputs.githubToken)
  const plan = await computePlan(inputs, context, {
    git: createGit(runCommand, workspace),
    run: runCommand,
    workspace,
    lastSuccessfulRun:
      inputs.compareWith === 'last-successful-run'
        ? githubLastSuccessfulRun({
            token: inputs.githubToken,
            repository: process.env.GITHUB_REPOSITORY ?? '',
            workflowRef: process.env.GITHUB_WORKFLOW_REF ?? ''
          })
        : undefined
  })

  for (const warning of plan.warnings) core.warning(warning)
  if (plan.unrouted.length > 0) {
    core.warning(
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
  core.setOutput('matrix', JSON.stringify({ include: plan.entries }))
  core.setOutput('services', JSON.stringify(services))
  core.setOutput('has-changes', plan.entries.length > 0 ? 'true' : 'false')
  core.setOutput('unrouted', JSON.stringify(plan.unrouted))
  core.info(
    plan.entries.length === 0
      ? `Nothing to deploy (${plan.range.why}).`
      : plan.entries
          .map(e => `${e.action} ${e.service} → ${e.deployment} [${e['runs-on'].join(', ')}]`)
          .join('\n')
  )
  await core.summary.addRaw(planSummary(plan)).write()
}

async function readEventContext(): Promise<EventContext> {
  const path = process.env.GITHUB_EVENT_PATH
  let payload: Record<string, unknown> = {}
  if (path) {
    try {
      payload = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
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
