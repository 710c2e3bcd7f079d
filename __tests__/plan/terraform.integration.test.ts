/** `plan` with `terraform-dir`: a real `terraform apply` (local backend), then the action runs `terraform output -json`. */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT, runAction } from '../helpers/action.js'
import { workflowDispatchEvent } from '../helpers/events.js'
import { TestRepo, git, tempDir } from '../helpers/git.js'

const hasTerraform = (() => {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
if (!hasTerraform)
  console.warn(
    'terraform is not on PATH: install Terraform >= 1.10 to run these tests (CI requires it)'
  )
const describeTf = hasTerraform || process.env.CI ? describe : describe.skip

describeTf('plan reads terraform output -json', () => {
  let repo: TestRepo
  beforeAll(() => {
    repo = new TestRepo()
    repo.commit({
      'services/api/compose.yaml': 'services:\n  api:\n    image: busybox:1.36\n',
      'services/web/compose.yaml': 'services:\n  web:\n    image: busybox:1.36\n',
      'services/test-service/compose.yaml': 'services:\n  web:\n    image: busybox:1.36\n'
    })
    repo.push('origin', 'main')
  })
  afterAll(() => repo.cleanup())

  /**
   * `terraform init` and `apply` in `terraformDir` (the local backend), then plan with it as
   * `terraform-dir`, as a workflow_dispatch.
   */
  async function applyThenPlan(
    workspace: string,
    terraformDir: string,
    inputs: Record<string, string> = {}
  ) {
    // The machine's TF_CLI_CONFIG_FILE may point nowhere; an empty config keeps terraform quiet.
    const cliConfig = join(tempDir(), 'terraformrc')
    writeFileSync(cliConfig, '')
    const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1' }
    for (const args of [['init'], ['apply', '-auto-approve']])
      execFileSync('terraform', [...args, '-input=false', '-no-color'], {
        cwd: join(workspace, terraformDir),
        env,
        stdio: 'pipe'
      })
    return runAction({
      workspace,
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent(),
      inputs: { command: 'plan', 'terraform-dir': terraformDir, ...inputs },
      env: { GITHUB_SHA: git(workspace, 'rev-parse', 'HEAD'), TF_CLI_CONFIG_FILE: cliConfig }
    })
  }

  test('deployments come from the applied state, routed by their labels', async () => {
    const workspace = repo.checkout({ depth: 1 })
    const infra = join(workspace, 'infrastructure')
    cpSync(join(REPO_ROOT, '__tests__/fixtures/terraform-outputs'), infra, { recursive: true })
    const run = await applyThenPlan(workspace, 'infrastructure')
    expect(run.stderr + run.stdout).not.toContain('::error::')
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.matrix ?? '')).toEqual({
      include: [
        {
          deployment: 'api-aws',
          service: 'api',
          path: 'services/api',
          target: 'aws',
          'runs-on': ['self-hosted', 'aws', 'api-aws'],
          action: 'deploy',
          url: 'https://api.example.com'
        },
        {
          deployment: 'web-homelab',
          service: 'web',
          path: 'services/web',
          target: 'proxmox',
          'runs-on': ['self-hosted', 'proxmox', 'web-homelab'],
          action: 'deploy',
          url: null
        }
      ]
    })
  })

  test('a state without a deployments output fails naming terraform-dir and the fix', async () => {
    const workspace = repo.checkout({ depth: 1 })
    const infra = join(workspace, 'infrastructure')
    mkdirSync(infra)
    writeFileSync(join(infra, 'main.tf'), 'output "other" {\n  value = 1\n}\n')

    const run = await applyThenPlan(workspace, 'infrastructure')
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      "::error::Input 'terraform-dir': the state in 'infrastructure' has no `deployments` output."
    )
    expect(run.stdout).toContain('Declare output "deployments"')
    expect(run.outputs.matrix).toBeUndefined()
  })

  test('the local example of infrastructure/ routes test-service to this machine', async () => {
    const workspace = repo.checkout({ depth: 1 })
    // The example and the module it calls, copied as a user's repository would hold them.
    for (const part of ['examples/local', 'modules/runner', 'modules/contract', 'templates']) {
      cpSync(join(REPO_ROOT, 'infrastructure', part), join(workspace, 'infrastructure', part), {
        recursive: true,
        filter: src => !/\.terraform|tfstate|\/tests(\/|$)/.test(src)
      })
    }
    const run = await applyThenPlan(workspace, 'infrastructure/examples/local', {
      services: 'all'
    })
    expect(run.stdout).not.toContain('::error::')
    expect(JSON.parse(run.outputs.matrix ?? '')).toEqual({
      include: [
        {
          deployment: 'test-service-local',
          service: 'test-service',
          path: 'services/test-service',
          target: 'local',
          'runs-on': ['self-hosted', 'local', 'test-service-local'],
          action: 'deploy',
          url: null
        }
      ]
    })
    expect(JSON.parse(run.outputs.unrouted ?? '')).toEqual(['api', 'web'])
  })
})
