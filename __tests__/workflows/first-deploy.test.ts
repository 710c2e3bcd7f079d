/**
 * The promise of README "From an empty fork to a deployed service", rehearsed on one machine: ONE
 * commit adds a service and its deployment → the deploy workflow's push run does not fail on the
 * deployment that does not exist yet → the Terraform workflow's apply job (real `terraform plan
 * -out`, `show -json`, `new-deployments`, `apply`) → its deploy job (the reusable workflow's plan
 * and deploy steps, read from the workflow files) deploys the service for real with Docker.
 * Terraform is infrastructure/examples/local (the root's shape with the `local` target). Where
 * GitHub would be called (the github provider publishing the variables and environments, the
 * `vars` context, the plan's run lookup), a test double of GitHub's REST API stands in.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT, runAction, type ActionRun } from '../helpers/action.js'
import { pushEvent } from '../helpers/events.js'
import { type FakeGitHubApi, startFakeGitHubApi } from '../helpers/fake-github-api.js'
import { TestRepo, tempDir } from '../helpers/git.js'
import {
  freePort,
  httpGet,
  removeDir,
  removeProject,
  uniqueName,
  visibleOutput
} from '../deploy/support.js'

interface Step {
  id?: string
  uses?: string
  with?: Record<string, string>
}
const reusable = parse(
  readFileSync(join(REPO_ROOT, '.github/workflows/launch-service.yml'), 'utf8')
) as { jobs: Record<string, { steps: Step[] }> }
const terraformWorkflow = parse(
  readFileSync(join(REPO_ROOT, '.github/workflows/terraform.yml'), 'utf8')
) as { jobs: Record<string, { steps: Step[]; with?: Record<string, string> }> }

/** The expressions these steps use, from a context of already-evaluated values. */
function evaluate(step: Step | undefined, context: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step?.with ?? {}).map(([key, value]) => [
      key,
      String(value).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expression: string) => {
        if (!(expression in context))
          throw new Error(`no value for \${{ ${expression} }} in the test`)
        return context[expression] as string
      })
    ])
  )
}

/** Every file under a folder of the repository, as TestRepo.commit takes them. */
function filesOf(folder: string, skip = /\/(tests|\.terraform)(\/|$)/): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry)
      if (skip.test(full)) continue
      if (statSync(full).isDirectory()) walk(full)
      else files[relative(REPO_ROOT, full)] = readFileSync(full, 'utf8')
    }
  }
  walk(join(REPO_ROOT, folder))
  return files
}

const token = 'ghs_first_deploy_test_token'
const deployment = uniqueName('ls-first')
const canary = `cnry${deployment.slice(-8)}`
const repo = new TestRepo()
const work = tempDir('ls-first-tf-')
const state = join(work, 'terraform.tfstate')
const tfDir = 'infrastructure/examples/local'
let api: FakeGitHubApi
let port = 0

/** What the github provider does with the root's published_variables and environments. */
async function publish(outputs: Record<string, { value: unknown }>): Promise<void> {
  const wanted = outputs.published_variables?.value as Record<string, string>
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${api.url}/repos/octo-org/homelab${path}`, {
      method,
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
  for (const name of [...api.variables.keys()])
    if (name.startsWith('LAUNCH_SERVICE_DEPLOYMENTS') && !(name in wanted))
      expect((await call('DELETE', `/actions/variables/${name}`)).status).toBe(204)
  for (const [name, value] of Object.entries(wanted)) {
    const created = await call('POST', '/actions/variables', { name, value })
    if (created.status === 409)
      expect((await call('PATCH', `/actions/variables/${name}`, { name, value })).status).toBe(204)
    else expect(created.status).toBe(201)
  }
  for (const name of Object.keys(outputs.deployments?.value as object))
    expect((await call('PUT', `/environments/${name}`, {})).status).toBe(200)
}

/** A workflow run's `vars` context: the repository variables, as GitHub's API lists them. */
async function varsContext(): Promise<string> {
  const response = await fetch(`${api.url}/repos/octo-org/homelab/actions/variables?per_page=30`, {
    headers: { authorization: `token ${token}` }
  })
  const body = (await response.json()) as { variables: Array<{ name: string; value: string }> }
  return JSON.stringify(Object.fromEntries(body.variables.map(v => [v.name, v.value])))
}

function terraform(checkout: string, ...args: string[]): string {
  const result = spawnSync('terraform', [`-chdir=${join(checkout, tfDir)}`, ...args, '-no-color'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      TF_DATA_DIR: join(work, 'data')
    }
  })
  if (result.status !== 0)
    throw new Error(`terraform ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

/** The Terraform workflow's apply job, on a checkout of the pushed commit. */
async function applyJob(checkout: string): Promise<ActionRun> {
  terraform(checkout, 'init')
  terraform(checkout, 'plan', `-state=${state}`, `-out=${join(work, 'tfplan')}`)
  writeFileSync(
    join(work, 'tfplan.json'),
    terraform(checkout, 'show', '-json', join(work, 'tfplan'))
  )
  const step = terraformWorkflow.jobs.apply?.steps.find(s => s.id === 'new')
  if (step === undefined) throw new Error("terraform.yml's apply job has no step 'new' any more")
  const found = await runAction({
    workspace: checkout,
    inputs: evaluate(step, { 'runner.temp': work })
  })
  terraform(checkout, 'apply', `-state=${state}`, join(work, 'tfplan'))
  await publish(JSON.parse(terraform(checkout, 'output', `-state=${state}`, '-json')) as never)
  return found
}

beforeAll(async () => {
  port = await freePort()
  api = await startFakeGitHubApi({
    token,
    repository: 'octo-org/homelab',
    workflow: 'deploy-service.yml',
    runs: [],
    // Set once by the user: the service's port (a repository variable).
    variables: { WEB__PORT: String(port) }
  })
})

afterAll(async () => {
  removeProject(deployment)
  await api.close()
  repo.cleanup()
  removeDir(work)
})

test('one commit adds a service and its deployment; the apply deploys it', async () => {
  // One-time setup done: the infrastructure with no deployment yet, applied and published.
  const infrastructure = {
    ...filesOf('infrastructure/modules/runner'),
    ...filesOf('infrastructure/modules/contract'),
    ...filesOf('infrastructure/templates'),
    ...filesOf('infrastructure/examples/local'),
    [`${tfDir}/terraform.tfvars`]: 'deployments = {}\n'
  }
  const setup = repo.commit(infrastructure, 'one-time setup')
  repo.push('origin', 'main')
  await applyJob(repo.checkout())
  expect(api.variables.get('LAUNCH_SERVICE_DEPLOYMENTS')).toBe('0')

  // THE one commit: the service and its deployment together.
  const web = filesOf('__tests__/fixtures/deploy/web', /$^/)
  const service = Object.fromEntries(
    Object.entries(web).map(([path, text]) => [
      path.replace('__tests__/fixtures/deploy/web', 'services/web'),
      text
    ])
  )
  const commit = repo.commit(
    {
      ...service,
      // A second deployment whose service folder is not committed yet: not an error for web's.
      [`${tfDir}/terraform.tfvars`]:
        `deployments = {\n  "${deployment}" = { service = "web" }\n` +
        `  "${deployment}-api" = { service = "api" }\n}\n`
    },
    'web: the service and its deployment'
  )
  repo.push('origin', 'main')
  const event = pushEvent({ before: setup, after: commit })
  const env = {
    GITHUB_SHA: commit,
    GITHUB_API_URL: api.url,
    GITHUB_WORKFLOW_REF: 'octo-org/homelab/.github/workflows/deploy-service.yml@refs/heads/main'
  }
  const planStep = reusable.jobs.plan?.steps.find(s => s.id === 'plan')

  // 1. The deploy workflow's run for the push: the deployment is not there yet. No failure.
  const pushRun = await runAction({
    workspace: repo.checkout(),
    event,
    env,
    inputs: {
      'github-token': token,
      ...evaluate(planStep, {
        'toJSON(vars)': await varsContext(),
        'inputs.services': '',
        'inputs.deployments': '',
        'steps.head.outputs.sha': commit
      })
    }
  })
  expect(pushRun.exitCode).toBe(0)
  expect(pushRun.outputs['has-changes']).toBe('false')
  expect(JSON.parse(pushRun.outputs.unrouted ?? '[]')).toEqual(['web'])
  expect(pushRun.stdout).toContain('the Terraform workflow deploys it')

  // 2. The Terraform workflow's apply job: the new deployment is found in the saved plan.
  const found = await applyJob(repo.checkout())
  expect(found.exitCode).toBe(0)
  expect(JSON.parse(found.outputs.deployments ?? '[]')).toEqual([deployment, `${deployment}-api`])
  expect(found.outputs.services).toBe('api,web')
  expect(api.environments.has(deployment)).toBe(true)
  expect(api.variables.get('LAUNCH_SERVICE_DEPLOYMENTS')).toBe('1')

  // Meanwhile (the apply took minutes) a fix to the service lands. Its deploy run found no
  // deployment either; only the first deploy can bring it.
  const fixed = '<h1>fixed while the apply ran</h1>\n'
  const fix = repo.commit({ 'services/web/www/index.html': fixed }, 'web: a fix during the apply')
  repo.push('origin', 'main')

  // 3. Its deploy job: the reusable workflow with services from the apply job, at the default
  // branch's newest commit (resolved once by the plan job), not at the apply's commit.
  const called = evaluate(
    { with: terraformWorkflow.jobs.deploy?.with },
    {
      'needs.apply.outputs.services': found.outputs.services ?? '',
      'needs.apply.outputs.deployments': found.outputs.deployments ?? '',
      'github.event.repository.default_branch': 'main'
    }
  )
  // actions/checkout with an empty ref takes the run's commit (GITHUB_SHA): the apply's.
  const planCheckout = repo.checkout({ sha: called.ref || commit })
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: planCheckout, encoding: 'utf8' })
  expect(head.stdout.trim()).toBe(fix)
  const planRun = await runAction({
    workspace: planCheckout,
    event,
    env,
    inputs: {
      'github-token': token,
      ...evaluate(planStep, {
        'toJSON(vars)': await varsContext(),
        'inputs.services': called.services ?? '',
        'inputs.deployments': called.deployments ?? '',
        'steps.head.outputs.sha': head.stdout.trim()
      })
    }
  })
  expect(planRun.exitCode).toBe(0)
  const matrix = JSON.parse(planRun.outputs.matrix ?? '{}') as {
    include: Array<Record<string, unknown>>
  }
  expect(planRun.stdout).toContain('No service folder with a compose file for: api;')
  expect(matrix.include).toEqual([
    expect.objectContaining({
      deployment,
      service: 'web',
      action: 'deploy',
      'runs-on': ['self-hosted', 'local', deployment]
    })
  ])

  // This machine is the deployment's runner; the job's secrets are its environment's.
  const deployStep = reusable.jobs.deploy?.steps.at(-1)
  const environmentSecrets = { WEB__API_KEY: `${canary}-api-key`, github_token: `ghs_${canary}` }
  const stateDir = join(work, 'runner-state')
  for (const entry of matrix.include) {
    const matrixContext = Object.fromEntries(
      Object.entries(entry).map(([k, v]) => [`matrix.${k}`, v === null ? '' : String(v)])
    )
    const run = await runAction({
      workspace: repo.checkout({
        sha:
          evaluate(reusable.jobs.deploy?.steps[0], {
            'needs.plan.outputs.sha': head.stdout.trim()
          }).ref || commit
      }),
      env: { GITHUB_SHA: commit, LAUNCH_SERVICE_STATE_DIR: stateDir },
      inputs: evaluate(deployStep, {
        ...matrixContext,
        'toJSON(secrets)': JSON.stringify(environmentSecrets),
        'toJSON(vars)': await varsContext()
      })
    })
    if (run.exitCode !== 0) throw new Error(run.everything)
    expect(run.outputs.status).toBe('deployed')
    expect(visibleOutput(run.everything)).not.toContain(canary)
  }
  const page = await httpGet(port)
  expect(page.status).toBe(200)
  expect(page.body).toBe(fixed)
}, 600_000)
