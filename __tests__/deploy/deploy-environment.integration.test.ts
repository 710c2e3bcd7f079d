/**
 * Compose interpolates a compose file from its own environment before --env-file, so the action
 * must not hand it the runner's: run through the bundled action with a PORT in the environment
 * and a compose file that asks for INPUT_SECRETS.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  FIXTURES,
  containerEnv,
  containerIds,
  docker,
  expectNoLeak,
  httpGet,
  removeTestDeployment,
  runStep,
  testDeployment
} from './support.js'

const web = await testDeployment('web')

afterAll(() => removeTestDeployment(web))

test('compose interpolates only from .env: not the runner’s PORT, never INPUT_SECRETS', async () => {
  const { deployment, canary, port } = web
  copyFileSync(
    join(FIXTURES, 'variants', 'compose.environment.yaml'),
    join(web.serviceDir, 'compose.yaml')
  )
  const run = await runStep(web, 'deploy', {
    secrets: { WEB__API_KEY: `${canary}-api`, OTHER__TOKEN: `${canary}-other` },
    vars: { WEB__PORT: String(port) },
    inputs: { 'wait-timeout': '20' },
    env: { PORT: '1' }
  })
  if (run.exitCode !== 0) throw new Error(`the deploy failed:\n${run.everything}`)
  const [id] = containerIds(deployment)
  const env = containerEnv(id as string)
  expect(env.FROM_INPUTS).toBe('absent')
  expect(env.FROM_RUNNER).toBe('absent')
  expect(env.PORT).toBe(String(port))
  expect(docker('port', id as string, '8080').trim()).toBe(`127.0.0.1:${port}`)
  expect((await httpGet(port)).status).toBe(200)
  expectNoLeak(run, canary)
})
