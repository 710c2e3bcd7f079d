import { ActionError } from '../errors.js'

/**
 * The commit of the last successful push run of this workflow on a branch: everything up to it is
 * deployed. Comparing with it instead of the push's `before` makes a failed, cancelled or still
 * queued deploy count again on the next push (GitHub cancels pending jobs of a concurrency group,
 * and a failed run is otherwise never retried).
 */
export type LastSuccessfulRun = (branch: string) => Promise<string | undefined>

export interface RunsApiOptions {
  token: string
  /** owner/repo (GITHUB_REPOSITORY) */
  repository: string
  /** GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/<file>@<ref> */
  workflowRef: string
}

/** The real edge: GitHub's REST API "List workflow runs for a workflow", via Octokit (loaded lazily). */
export function githubLastSuccessfulRun(options: RunsApiOptions): LastSuccessfulRun {
  return async branch => {
    const [owner, repo] = options.repository.split('/')
    const workflow = /\/\.github\/workflows\/([^@/]+)@/.exec(options.workflowRef)?.[1]
    if (!owner || !repo || !workflow) {
      throw new ActionError(
        `Cannot tell which workflow this is (GITHUB_REPOSITORY='${options.repository}', GITHUB_WORKFLOW_REF='${options.workflowRef}').`
      )
    }
    if (options.token === '') throw new ActionError('the github-token input is empty')
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(options.token)
    const { data } = await octokit.rest.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: workflow,
      branch,
      event: 'push',
      status: 'success',
      per_page: 1
    })
    return data.workflow_runs[0]?.head_sha
  }
}
