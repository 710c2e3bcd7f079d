/**
 * The workflows users copy are the ones we test: README's examples are the workflow files, and the
 * reusable workflow's plan step, run through the bundled action with the repository variables
 * Terraform publishes, produces a matrix whose fields are exactly what the deploy job reads.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT, runAction } from '../helpers/action.js'
import { pushEvent } from '../helpers/events.js'
import { startFakeGitHubApi } from '../helpers/fake-github-api.js'
import { TestRepo } from '../helpers/git.js'

const workflowText = readFileSync(join(REPO_ROOT, '.github/workflows/launch-service.yml'), 'utf8')
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
  return value.replace(/\$\{\{\s*([\w.()-]+)\s*\}\}/g, (_m, name: string) => context[name] ?? '')
}

const README_WORKFLOWS: Record<string, string> = {
  'deploy-service': '.github/workflows/deploy-service.yml',
  'launch-service': '.github/workflows/launch-service.yml',
  terraform: '.github/workflows/terraform.yml',
  caller: 'examples/caller-workflow.yml'
}

describe('the workflows in README', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
  const blocks = [
    ...readme.matchAll(/<!-- workflow:([\w-]+) -->\n```yaml\n([\s\S]*?)```\n<!-- \/workflow -->/g)
  ]

  test('every workflow block of README names a known file', () => {
    expect(blocks.length).toBeGreaterThan(0)
    for (const [, name] of blocks) expect(Object.keys(README_WORKFLOWS)).toContain(name)
  })

  test.each(blocks.map(([, name, text]) => [name as string, text as string]))(
    'README shows %s verbatim',
    (name, text) => {
      expect(text).toBe(readFileSync(join(REPO_ROOT, README_WORKFLOWS[name] ?? ''), 'utf8'))
    }
  )
})

/** The repository variables Terraform publishes for a contract (the root's published_variables). */
function published(contract: unknown): string {
  return JSON.stringify({
    WEB__PORT: '8080',
    LAUNCH_SERVICE_DEPLOYMENTS: '1',
    LAUNCH_SERVICE_DEPLOYMENTS_1: JSON.stringify(contract)
  })
}

describe('launch-service.yml', () => {
  test('its plan step, run on a push, yields a matrix the deploy job can consume', async () => {
    const repo = new TestRepo()
    try {
      const contract = JSON.parse(
        readFileSync(join(REPO_ROOT, 'infrastructure/deployments.json'), 'utf8')
      ) as Record<string, { service: string }>
      const service = Object.values(contract)[0]?.service ?? 'missing'
      const compose = 'services:\n  app:\n    image: busybox:1.36\n'
      const first = repo.commit({ [`services/${service}/compose.yaml`]: compose })
      const after = repo.commit({
        [`services/${service}/compose.yaml`]: compose + '    restart: always\n'
      })
      repo.push('origin', 'main')

      const planStep = workflow.jobs.plan?.steps.find(s => s.id === 'plan')
      expect(planStep?.uses).toBe('./.launch-service')
      const inputs = Object.fromEntries(
        Object.entries(planStep?.with ?? {}).map(([k, v]) => [
          k,
          evaluate(String(v), { 'inputs.services': '', 'toJSON(vars)': published(contract) })
        ])
      )
      expect(inputs.vars).toContain('LAUNCH_SERVICE_DEPLOYMENTS_1')
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
      const deploy = workflow.jobs.deploy as Job & { if?: string }
      expect(deploy.if).toContain('github.ref_name == github.event.repository.default_branch')
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
