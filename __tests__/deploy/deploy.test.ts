/** deploy() and remove() decisions that are hard to provoke with a real engine, on a scripted Runner. */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { deploy, type StepDeps } from '../../src/deploy/deploy.js'
import { redactingLog } from '../../src/deploy/log.js'
import { createMasker } from '../../src/deploy/mask.js'
import { remove } from '../../src/deploy/remove.js'
import { statePaths, writeLastGood } from '../../src/deploy/state.js'
import type { DeployInputs } from '../../src/inputs.js'
import { makeWorkspace, removeDir, scriptedRunner } from './support.js'

const running = JSON.stringify([
  {
    Id: 'c-new',
    Name: '/web-aws-web-1',
    Image: 'sha256:new',
    Config: { Image: 'web-aws-web', Labels: { 'com.docker.compose.service': 'web' } },
    State: {
      Status: 'running',
      ExitCode: 0,
      Health: { Status: 'unhealthy', Log: [{ Output: 'HTTP 500' }] }
    }
  }
])

let ws: ReturnType<typeof makeWorkspace>
beforeEach(() => (ws = makeWorkspace('web')))
afterEach(() => removeDir(dirname(ws.workspace)))

function inputs(extra: Partial<DeployInputs> = {}): DeployInputs {
  return {
    deployment: 'web-aws',
    path: 'services/web',
    secrets: { WEB__API_KEY: 'k3y-value' },
    vars: { WEB__PORT: '8080' },
    envFile: '.env',
    waitTimeoutSeconds: 5,
    rollback: true,
    ...extra
  }
}

/** Deps whose log collects into lines, redacted like the action's. */
function deps(run: ReturnType<typeof scriptedRunner>, lines: string[] = []): StepDeps {
  const masker = createMasker(() => undefined)
  const log = {
    info: (m: string) => lines.push(m),
    warning: (m: string) => lines.push(m),
    group: (t: string, b: string) => lines.push(t, b)
  }
  return {
    run,
    workspace: ws.workspace,
    stateRoot: ws.stateRoot,
    masker,
    log: redactingLog(log, masker),
    lockTimeoutMs: 0
  }
}

/** A deploy whose `up` fails, with containers running before and after. */
function failingUp(
  extra: Record<string, { exitCode?: number; stdout?: string; stderr?: string }> = {}
) {
  return scriptedRunner({
    ...extra,
    'up --detach --build': { exitCode: 1, stderr: 'container web-aws-web-1 is unhealthy\n' },
    'docker ps': { stdout: 'c-new\n' },
    'docker inspect': { stdout: running },
    'config --format json': { stdout: '{"services":{}}' }
  })
}

test('with rollback false a failed deploy is reported and left as it is', async () => {
  const run = failingUp()
  const result = await deploy(inputs({ rollback: false }), deps(run))
  expect(result).toEqual({
    status: 'failed',
    service: 'web',
    failure:
      'docker compose up failed (exit code 1): container web-aws-web-1 is unhealthy. rollback is false, so the failed version was left as it is.'
  })
  expect(run.calls.filter(c => c.includes(' up ') || c.includes(' down'))).toHaveLength(1)
})

test('containers started another way (no saved deploy) are not touched after a failure', async () => {
  const run = failingUp()
  const result = await deploy(inputs(), deps(run))
  expect(result.status).toBe('failed')
  expect(result.failure).toContain('no earlier deploy by launch-service to roll back to')
  expect(run.calls.some(c => c.includes(' down'))).toBe(false)
})

test('a rollback that fails too is reported as failed, with both reasons', async () => {
  writeLastGood(statePaths(ws.stateRoot, 'web-aws'), {
    config: '{"services":{}}',
    env: 'PORT="8080"\n',
    images: [
      {
        service: 'web',
        imageId: 'sha256:old',
        imageRef: 'web-aws-web',
        tag: 'launch-service-rollback/web-aws:web'
      }
    ],
    keys: ['PORT']
  })
  const run = failingUp({
    'up --detach --no-build': { exitCode: 1, stderr: 'port is already allocated\n' }
  })
  const lines: string[] = []
  const result = await deploy(inputs(), deps(run, lines))
  expect(result.status).toBe('failed')
  expect(result.failure).toMatch(
    /is unhealthy\. Rolling back failed too: port is already allocated$/
  )
  expect(run.calls).toContain('docker tag launch-service-rollback/web-aws:web web-aws-web')
  // The failing container's health output was shown, and the last good .env is back in place.
  expect(lines.join('\n')).toContain('last healthcheck output:\nHTTP 500')
  expect(readFileSync(join(ws.serviceDir, '.env'), 'utf8')).toBe('PORT="8080"\n')
})

test('a secret value never appears in what deploy logs, even when compose prints it', async () => {
  const run = failingUp({ 'docker logs': { stdout: 'booting with k3y-value\n' } })
  const lines: string[] = []
  await deploy(inputs({ rollback: false }), deps(run, lines))
  expect(lines.join('\n')).toContain('booting with ***')
  expect(lines.join('\n')).not.toContain('k3y-value')
})

test('values of the last good deploy are masked too, but not its public defaults', async () => {
  writeLastGood(statePaths(ws.stateRoot, 'web-aws'), {
    config: JSON.stringify({
      services: { web: { environment: { OLD_KEY: 'rotated-0ld', MODE: 'prod' } } }
    }),
    env: '',
    images: [],
    keys: ['OLD_KEY']
  })
  const run = failingUp({ 'docker logs': { stdout: 'old key rotated-0ld, mode prod\n' } })
  const lines: string[] = []
  await deploy(inputs({ rollback: false }), deps(run, lines))
  expect(lines.join('\n')).toContain('old key ***, mode prod')
})

test('remove falls back to the project label when the saved config cannot be used', async () => {
  const paths = statePaths(ws.stateRoot, 'web-aws')
  writeLastGood(paths, { config: '{"services":{}}', env: '', images: [], keys: [] })
  let downs = 0
  const run = scriptedRunner({
    ' down ': () => (++downs === 1 ? { exitCode: 1, stderr: 'invalid project' } : { exitCode: 0 })
  })
  const lines: string[] = []
  await remove(
    { deployment: 'web-aws', path: 'services/web', envFile: '.env' },
    { ...deps(run, lines), scratchDir: ws.workspace }
  )
  const downCalls = run.calls.filter(c => c.includes(' down '))
  expect(downCalls).toEqual([
    `docker compose --project-name web-aws --file ${paths.config} down --remove-orphans`,
    'docker compose --project-name web-aws down --remove-orphans'
  ])
  expect(existsSync(paths.dir)).toBe(false)
})
