/**
 * Secrets and configs whose content comes from a .env variable (`secrets: {tok: {environment:
 * TOKEN}}`, `configs: {cfg: {content: "v=${CV}"}}`), run through the bundled action: compose
 * does not recreate a container when only such a value changes, and the resolved config keeps
 * the variable's name, so both a changed value and a rollback need the action's help.
 * Tests run in order and share the deployment.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ActionRun } from '../helpers/action.js'
import {
  FIXTURES,
  containerIds,
  docker,
  expectNoLeak,
  expectStatus,
  httpGet,
  removeTestDeployment,
  runStep,
  testDeployment
} from './support.js'

const web = await testDeployment('web')
const { deployment, canary, port } = web

async function deploy(token: string, vars: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runStep(web, 'deploy', {
    secrets: { WEB__TOKEN: `${canary}-${token}`, WEB__API_KEY: canary },
    vars: { WEB__PORT: String(port), WEB__CV: 'one', ...vars },
    inputs: { 'wait-timeout': '5' }
  })
  expectNoLeak(run, canary)
  return run
}

/** A file in the deployment's one container. */
function read(file: string): string {
  const [id] = containerIds(deployment)
  return docker('exec', id as string, 'cat', file)
}

beforeAll(() => {
  copyFileSync(
    join(FIXTURES, 'variants', 'compose.secrets.yaml'),
    join(web.serviceDir, 'compose.yaml')
  )
})

afterAll(() => removeTestDeployment(web))

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
  const run = await runStep(web, 'remove')
  expectStatus(run, 'removed')
  expect(run.stdout).not.toContain('removing by project label instead')
  expect(containerIds(deployment)).toEqual([])
})
