/**
 * What a deploy leaves in the image store, run through the bundled action: a build context that
 * would bake .env (the secrets) into the image is warned about, and remove deletes the images it
 * built. Tests run in order and share the deployment.
 */
import { copyFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import type { ActionRun } from '../helpers/action.js'
import {
  FIXTURES,
  docker,
  expectNoLeak,
  removeTestDeployment,
  runStep,
  testDeployment
} from './support.js'

const web = await testDeployment('web')
const { deployment, canary } = web

async function deploy(): Promise<ActionRun> {
  const run = await runStep(web, 'deploy', {
    secrets: { WEB__API_KEY: `${canary}-key` },
    vars: { WEB__PORT: String(web.port) },
    inputs: { 'wait-timeout': '20' }
  })
  expectNoLeak(run, canary)
  if (run.exitCode !== 0) throw new Error(run.everything)
  return run
}

/** The images compose built for the deployment. */
const builtImages = (): string[] =>
  docker('image', 'ls', '--quiet', '--filter', `label=com.docker.compose.project=${deployment}`)
    .split('\n')
    .filter(Boolean)

/** /app/.env inside the deployment's built image, or undefined when there is none. */
function envInImage(): string | undefined {
  const result = spawnSync('docker', ['run', '--rm', `${deployment}-web`, 'cat', '/app/.env'], {
    encoding: 'utf8'
  })
  return result.status === 0 ? result.stdout : undefined
}

beforeAll(() => {
  copyFileSync(
    join(FIXTURES, 'variants', 'Dockerfile.copy-all'),
    join(web.serviceDir, 'Dockerfile')
  )
})

afterAll(() => removeTestDeployment(web))

test('a build context that holds .env without a .dockerignore excluding it is warned about', async () => {
  rmSync(join(web.serviceDir, '.dockerignore'))
  const run = await deploy()
  expect(run.stdout).toContain(
    "::warning::services/web/.env (this deployment's secrets) is inside the build context of service web, and no .dockerignore excludes it: a COPY of the context in services/web/Dockerfile puts the secrets into the image"
  )
  expect(envInImage()).toContain(`${canary}-key`) // what the warning is about
})

test('with a .dockerignore excluding .env there is no warning and no secret in the image', async () => {
  writeFileSync(join(web.serviceDir, '.dockerignore'), '.env\n')
  writeFileSync(join(web.serviceDir, 'www', 'index.html'), 'version 2\n')
  const run = await deploy()
  expect(run.stdout).not.toContain('no .dockerignore excludes it')
  expect(envInImage()).toBeUndefined()
})

test('remove deletes the images built for the deployment and its rollback tags', async () => {
  expect(builtImages()).not.toEqual([])
  const run = await runStep(web, 'remove')
  expect(run.outputs.status).toBe('removed')
  expect(builtImages()).toEqual([])
  expect(docker('image', 'ls', '--quiet', `launch-service-rollback/${deployment}`).trim()).toBe('')
})
