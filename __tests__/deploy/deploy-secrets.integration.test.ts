/**
 * Secrets and configs whose content comes from a .env variable (`secrets: {tok: {environment:
 * TOKEN}}`, `configs: {cfg: {content: "v=${CV}"}}`), run through the bundled action: compose
 * does not recreate a container when only such a value changes, and the resolved config keeps
 * the variable's name, so both a changed value and a rollback need the action's help.
 * Tests run in order and share the deployment.
 */
import { copyFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import {
  FIXTURES,
  containerIds,
  docker,
  freePort,
  httpGet,
  makeWorkspace,
  removeDir,
  removeProject,
  uniqueName,
  visibleOutput
} from './support.js'

const deployment = uniqueName()
const canary = `cnry${deployment.slice(-8)}`
const ws = makeWorkspace('web')
let port = 0

async function deploy(token: string, vars: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({
    inputs: {
      command: 'deploy',
      deployment,
      path: 'services/web',
      secrets: JSON.stringify({ WEB__TOKEN: `${canary}-${token}`, WEB__API_KEY: canary }),
      vars: JSON.stringify({ WEB__PORT: String(port), WEB__CV: 'one', ...vars }),
      'wait-timeout': '5'
    },
    workspace: ws.workspace,
    env: { LAUNCH_SERVICE_STATE_DIR: ws.stateRoot }
  })
  expect(visibleOutput(run.everything)).not.toContain(canary)
  return run
}

/** A file in the deployment's one container. */
function read(file: string): string {
  const [id] = containerIds(deployment)
  return docker('exec', id as string, 'cat', file)
}

function expectStatus(run: ActionRun, status: string): void {
  if (run.outputs.status !== status)
    throw new Error(`expected ${status}, got ${run.outputs.status}:\n${run.everything}`)
}

beforeAll(async () => {
  port = await freePort()
  copyFileSync(
    join(FIXTURES, 'variants', 'compose.secrets.yaml'),
    join(ws.serviceDir, 'compose.yaml')
  )
})

afterAll(() => {
  removeProject(deployment)
  removeDir(dirname(ws.workspace))
})

test('deploys with the secret and the config from .env', async () => {
  expectStatus(await deploy('first'), 'deployed')
  expect(read('/run/secrets/tok')).toBe(`${canary}-first`)
  expect(read('/cfg')).toBe('v=one')
  expectStatus(await deploy('first'), 'unchanged')
})

test('a changed secret value recreates the container: deployed, and it sees the new value', async () => {
  const before = containerIds(deployment)
  expectStatus(await deploy('second'), 'deployed')
  expect(containerIds(deployment)).not.toEqual(before)
  expect(read('/run/secrets/tok')).toBe(`${canary}-second`)
})

test('a changed config content recreates the container too', async () => {
  expectStatus(await deploy('second', { WEB__CV: 'two' }), 'deployed')
  expect(read('/cfg')).toBe('v=two')
})

test('a broken deploy with another secret rolls back to the old secret', async () => {
  const run = await deploy('broken', { WEB__CV: 'two', WEB__HEALTH_PATH: '/missing' })
  expectStatus(run, 'rolled-back')
  expect(read('/run/secrets/tok')).toBe(`${canary}-second`)
  expect(read('/cfg')).toBe('v=two')
  expect((await httpGet(port)).status).toBe(200)
})

test('remove takes it down from the saved config, which names TOKEN without its value', async () => {
  const run = await runAction({
    inputs: { command: 'remove', deployment, path: 'services/web' },
    workspace: ws.workspace,
    env: { LAUNCH_SERVICE_STATE_DIR: ws.stateRoot }
  })
  expectStatus(run, 'removed')
  expect(run.stdout).not.toContain('removing by project label instead')
  expect(containerIds(deployment)).toEqual([])
})
