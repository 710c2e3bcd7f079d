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
      const run = await runAction({
        workspace: repo.checkout(),
        event: pushEvent({ before: first, after }),
        inputs,
        env: { GITHUB_SHA: after }
      })
      expect(run.stdout).not.toContain('::error::')
      const matrix = JSON.parse(run.outputs.matrix ?? '{}') as {
        include: Array<Record<string, unknown>>
      }
      const expected = Object.entries(contract).filter(([, d]) => d.service === service)
      expect(matrix.include.map(e => e.deployment).sort()).toEqual(
        expected.map(([name]) => name).sort()
      )

      // Every matrix.<field> the deploy job reads exists in each entry.
      const deploy = workflow.jobs.deploy as Job
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
