/**
 * README's first command, `npm run demo`, keeps working: Terraform's local example → plan →
 * deploy of services/test-service on this machine → the page answers; then `--remove`.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { REPO_ROOT } from './helpers/action.js'
import { tempDir } from './helpers/git.js'
import { freePort, removeDir, removeProject, uniqueName } from './deploy/support.js'

// The example's one deployment under a name of this run's: as test-service-local (its compose
// project), a demo of another checkout on this Docker engine would take over its container.
const deployment = uniqueName('ls-demo')
const stateDir = tempDir('ls-demo-state-')

afterAll(() => {
  removeProject(deployment)
  removeDir(stateDir)
})

test('npm run demo deploys test-service and --remove takes it down', async () => {
  const port = String(await freePort())
  const env = {
    ...process.env,
    DEMO_PORT: port,
    LAUNCH_SERVICE_STATE_DIR: stateDir,
    TF_VAR_deployments: `{ "${deployment}" = { service = "test-service" } }`
  }
  const demo = (...args: string[]) =>
    spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/demo.mjs'), '--no-setup', ...args], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
      timeout: 300_000
    })

  const up = demo()
  const upLog = `${up.stdout}\n${up.stderr}`
  if (up.status !== 0) throw new Error(`demo failed:\n${upLog}`)
  expect(upLog).toContain(`${deployment}: deployed`)
  const page = await (await fetch(`http://127.0.0.1:${port}/`)).text()
  expect(page).toContain('<h1>Hello from npm run demo</h1>')

  const down = demo('--remove')
  if (down.status !== 0) throw new Error(`demo --remove failed:\n${down.stdout}\n${down.stderr}`)
  await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow()
})
