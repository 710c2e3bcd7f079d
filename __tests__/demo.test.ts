/**
 * README's first command, `npm run demo`, keeps working: Terraform's local example → plan →
 * deploy of services/test-service on this machine → the page answers; then `--remove`.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { REPO_ROOT } from './helpers/action.js'
import { tempDir } from './helpers/git.js'
import { freePort } from './deploy/support.js'

test('npm run demo deploys test-service and --remove takes it down', async () => {
  const port = String(await freePort())
  const env = {
    ...process.env,
    DEMO_PORT: port,
    LAUNCH_SERVICE_STATE_DIR: tempDir('ls-demo-state-')
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
  expect(upLog).toContain('test-service-local: deployed')
  const page = await (await fetch(`http://127.0.0.1:${port}/`)).text()
  expect(page).toContain('<h1>Hello from npm run demo</h1>')

  const down = demo('--remove')
  if (down.status !== 0) throw new Error(`demo --remove failed:\n${down.stdout}\n${down.stderr}`)
  await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow()
})
