/**
 * The whole life of one deployment, run as the runner runs the action (bundled dist/index.js),
 * against a real Docker engine and Compose v2, checked from the outside: HTTP, the container's
 * environment, file modes, container IDs. Tests run in order and share the deployment.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { acquireLock } from '../../src/deploy/lock.js'
import type { ActionRun } from '../helpers/action.js'
import {
  containerEnv,
  containerIds,
  docker,
  expectNoLeak,
  httpGet,
  removeTestDeployment,
  runStep,
  setServiceVersion,
  testDeployment
} from './support.js'

const web = await testDeployment('web')
const { deployment, canary, port } = web

/** Values that break naive .env writers; each carries the canary so any leak is found. */
const corpus: Record<string, string> = {
  QUOTES: `${canary}01 it's "double" and 'single' and \`back\``,
  DOLLARS: `${canary}02 $HOME \${HOME} $$ \\$ \${X:-y} $(id) $`,
  BACKSLASHES: `${canary}03 \\ \\\\ \\n \\t \\" \\' ends with a backslash \\`,
  HASH_EQUALS: `#${canary}04 = not # a comment ==`,
  SPACES: `   ${canary}05 leading and trailing   `,
  UNICODE: `${canary}06 ünïcødé 🚀 日本語 \t tab`,
  PEM: `-----BEGIN PRIVATE KEY-----\n${canary}07MIIEvQIBADANBgkqhkiG9w0B+/=\n${canary}08\\nnot-a-newline\n-----END PRIVATE KEY-----\n`,
  CRLF: `${canary}09 windows\r\nline`,
  BACKSLASH_QUOTE: `${canary}10\\'`,
  EMPTY: '',
  ONLY_QUOTE: "'"
}
const deploymentPrefix = `${deployment.toUpperCase().replace(/-/g, '_')}__`
const secrets: Record<string, string> = {
  ...Object.fromEntries(Object.entries(corpus).map(([k, v]) => [`WEB__${k}`, v])),
  WEB__API_KEY: `${canary}11-api-key`,
  [`${deploymentPrefix}MODE`]: 'deployment secret',
  OTHER__API_KEY: `${canary}12-other-service`,
  github_token: `ghs_${canary}13`
}

function vars(): Record<string, string> {
  return { WEB__PORT: String(port), WEB__MODE: 'service variable' }
}

async function deploy(
  extra: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<ActionRun> {
  return runStep(web, 'deploy', {
    secrets,
    vars: vars(),
    inputs: { 'wait-timeout': '20', ...extra },
    env: { GITHUB_SHA: 'c0ffee0000000000000000000000000000000000', ...env }
  })
}

function expectExit(run: ActionRun, code: number): void {
  if (run.exitCode !== code)
    throw new Error(`expected exit code ${code}, got ${run.exitCode}:\n${run.everything}`)
}

const envFile = join(web.serviceDir, '.env')
const page = async (): Promise<string> => (await httpGet(port)).body

/** The corpus values the running container has, by corpus key. */
function runningCorpus(): Record<string, string | undefined> {
  const [id] = containerIds(deployment)
  const env = containerEnv(id as string)
  return Object.fromEntries(Object.keys(corpus).map(k => [k, env[k]]))
}

afterAll(() => removeTestDeployment(web))

test('deploys: the service answers over HTTP and .env is 0600', async () => {
  const run = await deploy()
  expectExit(run, 0)
  expect(run.outputs.status).toBe('deployed')
  expect(await page()).toBe('version 1\n')
  expect(statSync(envFile).mode & 0o777).toBe(0o600)
  expect(statSync(join(web.stateRoot, deployment)).mode & 0o777).toBe(0o700)
  for (const file of ['compose.json', 'env', 'record.json']) {
    expect(statSync(join(web.stateRoot, deployment, file)).mode & 0o777).toBe(0o600)
  }
  expect(run.summary).toContain(deployment)
  expect(run.summary).toContain('<td>web</td>')
  expect(run.summary).toContain('c0ffee000000')
  expect(run.summary).toContain('deployed')
  expectNoLeak(run, canary)
})

test('every value reaches the container byte for byte; nothing else is written', () => {
  expect(runningCorpus()).toEqual(corpus)
  const [id] = containerIds(deployment)
  const env = containerEnv(id as string)
  expect(env.API_KEY).toBe(secrets.WEB__API_KEY)
  expect(env.MODE).toBe('deployment secret')
  expect(env.GREETING).toBe('hello from .env.example')
  expect(env.PORT).toBe(String(port))
  const written = readFileSync(envFile, 'utf8')
  expect(written).not.toContain(`${canary}12`) // another service's secret
  expect(written).not.toContain(`${canary}13`) // github_token
  expect(Object.keys(env)).not.toContain('GITHUB_TOKEN')
})

test('a re-run with nothing changed recreates no container and reports unchanged', async () => {
  const before = containerIds(deployment)
  const run = await deploy()
  expectExit(run, 0)
  expect(run.outputs.status).toBe('unchanged')
  expect(containerIds(deployment)).toEqual(before)
  expectNoLeak(run, canary)
})

test('a deploy waits for the lock another job holds, and gives up naming it, changing nothing', async () => {
  const before = containerIds(deployment)
  const envBefore = readFileSync(envFile, 'utf8')
  const release = await acquireLock(join(web.stateRoot, `${deployment}.lock`), { timeoutMs: 0 })
  try {
    const run = await deploy({}, { LAUNCH_SERVICE_LOCK_TIMEOUT: '2' })
    expectExit(run, 1)
    expect(run.stdout).toContain(`Waiting for another job on ${deployment} (pid ${process.pid})`)
    expect(run.stdout).toContain(`Another job holds the deploy lock`)
    expect(containerIds(deployment)).toEqual(before)
    expect(readFileSync(envFile, 'utf8')).toBe(envBefore)
  } finally {
    release()
  }
})

test('a lock left by a job that died is taken over', async () => {
  const dead = spawnSync(process.execPath, ['-e', '0']).pid
  const lock = join(web.stateRoot, `${deployment}.lock`)
  mkdirSync(lock)
  writeFileSync(join(lock, 'owner.json'), JSON.stringify({ host: hostname(), pid: dead }))
  const run = await deploy({}, { LAUNCH_SERVICE_LOCK_TIMEOUT: '2' })
  expectExit(run, 0)
  expect(run.outputs.status).toBe('unchanged')
  expect(existsSync(lock)).toBe(false)
})

test('a failing healthcheck in a changed compose file rolls back to the previous version', async () => {
  const goodEnv = readFileSync(envFile, 'utf8')
  setServiceVersion(web.serviceDir, {
    page: 'version 2\n',
    compose: 'broken/compose.unhealthy.yaml'
  })
  // The failed version brings other nasty values: the rollback must restore the old ones exactly.
  const changed = {
    ...secrets,
    WEB__QUOTES: `${canary}21 "new" 'values'`,
    WEB__DOLLARS: `${canary}22 \${NEW} $$`,
    WEB__PEM: `-----BEGIN NEW KEY-----\n${canary}23\n-----END NEW KEY-----\n`
  }
  const run = await deploy({ 'wait-timeout': '5', secrets: JSON.stringify(changed) })
  expectExit(run, 1)
  expect(run.outputs.status).toBe('rolled-back')
  expect(await page()).toBe('version 1\n')
  expect(readFileSync(envFile, 'utf8')).toBe(goodEnv)
  expect(runningCorpus()).toEqual(corpus)
  // The failing service's health and logs are shown, with the secret it printed masked.
  expect(run.stdout).toContain('health unhealthy')
  expect(run.stdout).toContain('starting with key ***')
  expect(run.stdout).toContain('::error::docker compose up failed')
  expect(run.summary).toContain('rolled-back')
  expect(run.summary).toContain('is unhealthy')
  expectNoLeak(run, canary)
})

test('a failing build rolls back to the previous version', async () => {
  setServiceVersion(web.serviceDir, {
    page: 'version 2\n',
    dockerfile: 'broken/Dockerfile.build-fails'
  })
  const run = await deploy()
  expectExit(run, 1)
  expect(run.outputs.status).toBe('rolled-back')
  expect(run.stdout).toContain('this build step fails')
  expect(await page()).toBe('version 1\n')
  expectNoLeak(run, canary)
})

test('a health-url that does not answer 2xx/3xx rolls back to the previous version', async () => {
  setServiceVersion(web.serviceDir, { page: 'version 2\n' })
  const run = await deploy({
    'health-url': `http://127.0.0.1:${port}/missing`,
    'wait-timeout': '3'
  })
  expectExit(run, 1)
  expect(run.outputs.status).toBe('rolled-back')
  expect(run.stdout).toContain('health-url check failed')
  expect(run.stdout).toContain('(last: HTTP 404)')
  expect(run.outputs.url).toBe('')
  expect(await page()).toBe('version 1\n')
  expectNoLeak(run, canary)
})

test('a good new version replaces the old one and outputs its URL', async () => {
  setServiceVersion(web.serviceDir, { page: 'version 2\n' })
  const url = `http://127.0.0.1:${port}/`
  const run = await deploy({ 'health-url': url })
  expectExit(run, 0)
  expect(run.outputs.status).toBe('deployed')
  expect(run.outputs.url).toBe(url)
  expect(await page()).toBe('version 2\n')
  expectNoLeak(run, canary)
})

const removeDeployment = (): Promise<ActionRun> => runStep(web, 'remove')

test('remove tears the deployment down even after its folder was deleted', async () => {
  expect(containerIds(deployment)).toHaveLength(1)
  rmSync(web.serviceDir, { recursive: true })
  const run = await removeDeployment()
  expectExit(run, 0)
  expect(run.outputs.status).toBe('removed')
  expect(containerIds(deployment)).toEqual([])
  expect(existsSync(join(web.stateRoot, deployment))).toBe(false)
  expect(docker('image', 'ls', '--quiet', `launch-service-rollback/${deployment}`).trim()).toBe('')
  expectNoLeak(run, canary)
})

test('removing a deployment that is already gone succeeds', async () => {
  const run = await removeDeployment()
  expectExit(run, 0)
  expect(run.outputs.status).toBe('removed')
})
