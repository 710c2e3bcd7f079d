/**
 * The workflow users copy is the one we test: README's example is the workflow file, and the plan
 * step's `with:` block, run through the bundled action, produces a matrix whose fields are exactly
 * what the deploy job reads.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT, runAction } from '../helpers/action.js'
import { pushEvent } from '../helpers/events.js'
import { startFakeGitHubApi } from '../helpers/fake-github-api.js'
import { TestRepo } from '../helpers/git.js'

const workflowText = readFileSync(join(REPO_ROOT, '.github/workflows/deploy-service.yml'), 'utf8')
interface Step {
  id?: string
  uses?: string
  with?: Record<string, string>
}
interface Job {
  'runs-on': string | string[]
  steps: Step[]
  strategy?: { matrix: string }
}
const workflow = parse(workflowText) as { jobs: Record<string, Job> }

/** Evaluates the few expressions the plan step uses, for a push event. */
function evaluate(value: string, context: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, name: string) => context[name] ?? '')
}

describe('deploy-service.yml', () => {
  test('README shows the workflow file verbatim', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
    const block =
      /<!-- workflow:deploy-service -->\n```yaml\n([\s\S]*?)```\n<!-- \/workflow -->/.exec(readme)
    expect(block?.[1]).toBe(workflowText)
  })

  test('its plan step, run on a push, yields a matrix the deploy job can consume', async () => {
    const repo = new TestRepo()
    try {
      const contract = JSON.parse(
        readFileSync(join(REPO_ROOT, 'infrastructure/deployments.json'), 'utf8')
      ) as Record<string, { service: string }>
      const service = Object.values(contract)[0]?.service ?? 'missing'
      const compose = 'services:\n  app:\n    image: busybox:1.36\n'
      const first = repo.commit({
        [`services/${service}/compose.yaml`]: compose,
        'infrastructure/deployments.json': JSON.stringify(contract)
      })
      const after = repo.commit({
        [`services/${service}/compose.yaml`]: compose + '    restart: always\n'
      })
      repo.push('origin', 'main')

      const planStep = workflow.jobs.plan?.steps.find(s => s.id === 'plan')
      expect(planStep?.uses).toBe('./')
      const inputs = Object.fromEntries(
        Object.entries(planStep?.with ?? {}).map(([k, v]) => [
          k,
          evaluate(String(v), { 'inputs.services': '' })
        ])
      )
      // The runner fills in action.yml's default for github-token; the API is a test double.
      const token = 'ghs_workflow_test_token'
      const api = await startFakeGitHubApi({
        token,
        repository: 'octo-org/homelab',
        workflow: 'deploy-service.yml',
        runs: [
          {
            head_sha: first,
            head_branch: 'main',
            event: 'push',
            status: 'completed',
            conclusion: 'success'
          }
        ]
      })
      const run = await runAction({
        workspace: repo.checkout(),
        event: pushEvent({ before: first, after }),
        inputs: { 'github-token': token, ...inputs },
        env: {
          GITHUB_SHA: after,
          GITHUB_API_URL: api.url,
          GITHUB_WORKFLOW_REF:
            'octo-org/homelab/.github/workflows/deploy-service.yml@refs/heads/main'
        }
      }).finally(() => api.close())
      expect(run.stdout).not.toContain('::warning::')
      expect(run.stdout).not.toContain('::error::')
      const matrix = JSON.parse(run.outputs.matrix ?? '{}') as {
        include: Array<Record<string, unknown>>
      }
      const expected = Object.entries(contract).filter(([, d]) => d.service === service)
      expect(expected.length).toBeGreaterThan(0)
      expect(matrix.include.map(e => e.deployment).sort()).toEqual(
        expected.map(([name]) => name).sort()
      )

      // Every matrix.<field> the deploy job reads exists in each entry.
      const deploy = workflow.jobs.deploy as Job & { if?: string; concurrency?: unknown }
      // Only the default branch deploys; no concurrency group (it would cancel queued deploys).
      expect(deploy.if).toContain('github.ref_name == github.event.repository.default_branch')
      expect(deploy.concurrency).toBeUndefined()
      expect(deploy.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}')
      expect(deploy['runs-on']).toBe('${{ matrix.runs-on }}')
      const used = [...JSON.stringify(deploy).matchAll(/matrix\.([\w-]+)/g)].map(
        m => m[1] as string
      )
      for (const entry of matrix.include)
        for (const field of used) expect(entry).toHaveProperty([field])
    } finally {
      repo.cleanup()
    }
  })
})
