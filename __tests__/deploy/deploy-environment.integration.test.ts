/**
 * Compose interpolates a compose file from its own environment before --env-file, so the action
 * must not hand it the runner's: run through the bundled action with a PORT in the environment
 * and a compose file that asks for INPUT_SECRETS.
 */
import { copyFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { runAction } from '../helpers/action.js'
import {
  FIXTURES,
  containerEnv,
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
const ws = makeWorkspace('web')

afterAll(() => {
  removeProject(deployment)
  removeDir(dirname(ws.workspace))
})

test('compose interpolates only from .env: not the runner’s PORT, never INPUT_SECRETS', async () => {
  const port = await freePort()
  const canary = `cnry${deployment.slice(-8)}`
  copyFileSync(
    join(FIXTURES, 'variants', 'compose.environment.yaml'),
    join(ws.serviceDir, 'compose.yaml')
  )
  const run = await runAction({
    inputs: {
      command: 'deploy',
      deployment,
      path: 'services/web',
      secrets: JSON.stringify({ WEB__API_KEY: `${canary}-api`, OTHER__TOKEN: `${canary}-other` }),
      vars: JSON.stringify({ WEB__PORT: String(port) }),
      'wait-timeout': '20'
    },
    workspace: ws.workspace,
    env: { LAUNCH_SERVICE_STATE_DIR: ws.stateRoot, PORT: '1' }
  })
  if (run.exitCode !== 0) throw new Error(`the deploy failed:\n${run.everything}`)
  const [id] = containerIds(deployment)
  const env = containerEnv(id as string)
  expect(env.FROM_INPUTS).toBe('absent')
  expect(env.FROM_RUNNER).toBe('absent')
  expect(env.PORT).toBe(String(port))
  expect(docker('port', id as string, '8080').trim()).toBe(`127.0.0.1:${port}`)
  expect((await httpGet(port)).status).toBe(200)
  expect(visibleOutput(run.everything)).not.toContain(canary)
})
