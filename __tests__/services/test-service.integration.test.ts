/**
 * The update story of services/test-service, rehearsed as a user lives it: a push that changes
 * index.html plans only test-service (not librechat, which shares the repository), the deploy of
 * the planned job rebuilds the page, and the page shows the change. Real git, the bundled action,
 * the real compose file and Docker; this machine plays the deployment's runner.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT, runAction, type ActionRun } from '../helpers/action.js'
import { pushEvent } from '../helpers/events.js'
import { TestRepo, git } from '../helpers/git.js'
import { freePort, httpGet, removeProject, uniqueName } from '../deploy/support.js'

const deployment = uniqueName('ls-update')
const DEPLOYMENTS = {
  [deployment]: {
    service: 'test-service',
    path: 'services/test-service',
    target: 'proxmox',
    runner_labels: ['self-hosted', 'proxmox', deployment],
    public: false,
    url: null
  },
  'librechat-aws': {
    service: 'librechat',
    path: 'services/librechat',
    target: 'aws',
    runner_labels: ['self-hosted', 'aws', 'librechat-aws'],
    public: true,
    url: 'https://chat.example.org'
  }
}

/** The repository's own service folders, as a commit. */
function serviceFiles(service: string): Record<string, string> {
  const dir = join(REPO_ROOT, 'services', service)
  return Object.fromEntries(
    readdirSync(dir).map(f => [`services/${service}/${f}`, readFileSync(join(dir, f), 'utf8')])
  )
}

const repo = new TestRepo()
let port = 0

beforeAll(async () => {
  port = await freePort()
  repo.commit({ ...serviceFiles('test-service'), ...serviceFiles('librechat') })
  repo.push('origin', 'main')
})

afterAll(() => {
  removeProject(deployment)
  repo.cleanup()
})

function expectOk(run: ActionRun): void {
  if (run.exitCode !== 0) throw new Error(`action failed:\n${run.stdout}\n${run.stderr}`)
}

async function deploy(workspace: string, job: { deployment: string; path: string }) {
  const run = await runAction({
    workspace,
    eventName: 'push',
    // Its state with the rest of the test's files, not in the home folder.
    env: { LAUNCH_SERVICE_STATE_DIR: join(repo.root, 'state') },
    inputs: {
      command: 'deploy',
      deployment: job.deployment,
      path: job.path,
      vars: JSON.stringify({ TEST_SERVICE__TEST_SERVICE_PORT: String(port) })
    }
  })
  expectOk(run)
  return run
}

test('change index.html, push: plan routes only test-service, deploy, the page shows it', async () => {
  const before = repo.head()
  await deploy(repo.checkout({ depth: 1 }), { deployment, path: 'services/test-service' })
  const first = await httpGet(port)
  expect(first.status).toBe(200)
  expect(first.body).toContain('<h1>Hello from launch-service</h1>')
  expect(first.body).not.toContain('Now with a visible change')

  const index = readFileSync(join(REPO_ROOT, 'services/test-service/index.html'), 'utf8')
  const after = repo.commit({
    'services/test-service/index.html': index.replace(
      '</body>',
      '  <p>Now with a visible change.</p>\n  </body>'
    )
  })
  repo.push('origin', 'main')
  const checkout = repo.checkout({ depth: 1 })
  const plan = await runAction({
    workspace: checkout,
    eventName: 'push',
    event: pushEvent({ before, after }),
    inputs: { command: 'plan', deployments: JSON.stringify(DEPLOYMENTS) },
    env: { GITHUB_SHA: git(checkout, 'rev-parse', 'HEAD') }
  })
  expectOk(plan)
  const jobs = (
    JSON.parse(plan.outputs.matrix ?? '{}') as {
      include: { deployment: string; path: string; action: string }[]
    }
  ).include
  expect(jobs.map(j => `${j.action}:${j.deployment}`)).toEqual([`deploy:${deployment}`])

  const run = await deploy(checkout, jobs[0] as { deployment: string; path: string })
  expect(run.outputs.status).toBe('deployed')
  const page = await httpGet(port)
  expect(page.body).toContain('<p>Now with a visible change.</p>')
  expect(page.body).toContain('<h1>Hello from launch-service</h1>')
}, 300_000)
