/** deploy() and remove() decisions that are hard to provoke with a real engine, on a scripted Runner. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCompose } from '../../src/deploy/compose.js'
import { deploy } from '../../src/deploy/deploy.js'
import type { StepDeps } from '../../src/deploy/step.js'
import { isDockerVariable } from '../../src/deploy/environment.js'
import { redactingLog } from '../../src/deploy/log.js'
import { createMasker } from '../../src/deploy/mask.js'
import { remove } from '../../src/deploy/remove.js'
import { encodeEnvFile } from '../../src/deploy/env-file.js'
import { readLastGood, statePaths, writeLastGood, type SavedImage } from '../../src/deploy/state.js'
import type { DeployInputs } from '../../src/inputs.js'
import { makeWorkspace, removeDir, scriptedRunner, type Answer, type Workspace } from './support.js'

/** `docker inspect` of the new container, with the given health (and image ID). */
function inspected(
  health: 'healthy' | 'unhealthy',
  image: string | null = 'sha256:new',
  id = 'c-new'
): string {
  return JSON.stringify([
    {
      Id: id,
      Name: '/web-aws-web-1',
      Image: image,
      Config: { Image: 'web-aws-web', Labels: { 'com.docker.compose.service': 'web' } },
      State: {
        Status: 'running',
        ExitCode: 0,
        Health: { Status: health, Log: [{ Output: health === 'healthy' ? 'OK' : 'HTTP 500' }] }
      }
    }
  ])
}

let ws: Workspace
beforeEach(() => (ws = makeWorkspace('web')))
afterEach(() => removeDir(ws.root))

function inputs(extra: Partial<DeployInputs> = {}): DeployInputs {
  return {
    deployment: 'web-aws',
    path: 'services/web',
    service: 'web',
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
    compose: createCompose(run),
    workspace: ws.workspace,
    stateRoot: ws.stateRoot,
    masker,
    log: redactingLog(log, masker),
    lockTimeoutMs: 0
  }
}

type Script = Record<string, Answer | (() => Answer)>

/** The defaults with extra's answers: extra's keys first (the first key that matches wins). */
function script(extra: Script, defaults: Script) {
  return scriptedRunner({ ...extra, ...defaults, ...extra })
}

/** A deploy whose `up` fails, with containers running before and after. */
function failingUp(extra: Script = {}) {
  const run = script(extra, {
    'up --detach --build': { exitCode: 1, stderr: 'container web-aws-web-1 is unhealthy\n' },
    'docker ps': { stdout: 'c-new\n' },
    'docker inspect': () => ({ stdout: afterRollback(run) ?? inspected('unhealthy') }),
    'config --format json': { stdout: '{"services":{}}' }
  })
  return run
}

/** Once the rollback's up ran: the saved image runs again, healthy. */
function afterRollback(run: ReturnType<typeof scriptedRunner>): string | undefined {
  return startedRollback(run) ? inspected('healthy', 'sha256:old', 'c-old') : undefined
}

/** docker ps finds no container the first time (before a first deploy), then c-new. */
function firstDeploy(): Script {
  let listed = 0
  return { 'docker ps': () => ({ stdout: ++listed === 1 ? '' : 'c-new\n' }) }
}

/** A deploy whose `up` succeeds with a healthy container; `first`: nothing ran before it. */
function healthyUp(extra: Script = {}, first = false) {
  const run = script(
    { ...(first ? firstDeploy() : {}), ...extra },
    {
      'docker ps': { stdout: 'c-new\n' },
      'docker inspect': () => ({ stdout: afterRollback(run) ?? inspected('healthy') }),
      'config --format json': { stdout: '{"services":{}}' }
    }
  )
  return run
}

const rollbackUp = 'up --detach --no-build --pull never --wait'
/** Whether the runner was asked to bring the last good deploy back up. */
const startedRollback = (run: ReturnType<typeof scriptedRunner>): boolean =>
  run.calls.some(c => c.includes(rollbackUp))

const lastGoodEnv = 'PORT="8080"\nAPI_KEY="old \\$ key"\n'

/** Records a last good deploy of web-aws whose one image is referenced as imageRef. */
function savedDeploy(imageRef = 'web-aws-web'): SavedImage {
  const image = {
    service: 'web',
    imageId: 'sha256:old',
    imageRef,
    tag: 'launch-service-rollback/web-aws:web'
  }
  writeLastGood(statePaths(ws.stateRoot, 'web-aws'), {
    config: '{"services":{}}',
    env: lastGoodEnv,
    images: [image],
    keys: ['PORT']
  })
  return image
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
  savedDeploy()
  const run = failingUp({ [rollbackUp]: { exitCode: 1, stderr: 'port is already allocated\n' } })
  const lines: string[] = []
  const result = await deploy(inputs(), deps(run, lines))
  expect(result.status).toBe('failed')
  expect(result.failure).toMatch(
    /is unhealthy\. Rolling back failed too: docker compose up of the previous version failed: port is already allocated\. Running now: service web \(container web-aws-web-1\): running, health healthy, image sha256:old\./
  )
  expect(run.calls).toContain('docker tag sha256:old web-aws-web')
  // The failing container's health output was shown, and the last good .env is back in place.
  expect(lines.join('\n')).toContain('last healthcheck output:\nHTTP 500')
  expect(readFileSync(join(ws.serviceDir, '.env'), 'utf8')).toBe(lastGoodEnv)
})

test('rollback of a digest-pinned image does not retag it (Docker refuses) and brings it back', async () => {
  savedDeploy('nginx:1.27@sha256:0123abcd')
  const run = failingUp({
    'nginx:1.27@sha256': {
      exitCode: 1,
      stderr:
        'Error parsing reference: "nginx:1.27@sha256:0123abcd": refusing to create a tag with a digest reference'
    }
  })
  const result = await deploy(inputs(), deps(run))
  expect(result.status).toBe('rolled-back')
  expect(run.calls.filter(c => c.startsWith('docker tag'))).toEqual([
    'docker tag sha256:old launch-service-rollback/web-aws:web'
  ])
  expect(startedRollback(run)).toBe(true)
})

test('a saved image that is gone stops the rollback before compose would start the wrong one', async () => {
  savedDeploy()
  const run = failingUp({
    'docker tag sha256:old': { exitCode: 1, stderr: 'No such image: sha256:old' }
  })
  const result = await deploy(inputs(), deps(run))
  expect(result.status).toBe('failed')
  expect(result.failure).toContain(
    'Rolling back failed too: the saved image of web (sha256:old) is no longer on this host'
  )
  expect(result.failure).toContain(
    'Running now: service web (container web-aws-web-1): running, health unhealthy, image sha256:new.'
  )
  expect(startedRollback(run)).toBe(false)
})

test('a rollback whose containers do not run the saved image is failed, not rolled-back', async () => {
  savedDeploy()
  const run = failingUp({ 'docker inspect': { stdout: inspected('healthy') } })
  const result = await deploy(inputs(), deps(run))
  expect(result.status).toBe('failed')
  expect(result.failure).toContain(
    'Rolling back failed too: after docker compose up, web does not run the saved image'
  )
})

test('a rollback that throws is reported in the result, not thrown', async () => {
  savedDeploy()
  const run = failingUp({ [rollbackUp]: new Error('spawn docker EAGAIN') })
  const result = await deploy(inputs(), deps(run))
  expect(result).toEqual({
    status: 'failed',
    service: 'web',
    failure:
      'docker compose up failed (exit code 1): container web-aws-web-1 is unhealthy. Rolling back failed too: spawn docker EAGAIN'
  })
  expect(readFileSync(join(ws.serviceDir, '.env'), 'utf8')).toBe(lastGoodEnv)
})

test('an error after a healthy up (recording the images) rolls back; the record stays the old one', async () => {
  savedDeploy()
  const paths = statePaths(ws.stateRoot, 'web-aws')
  const record = readFileSync(paths.record, 'utf8')
  const run = healthyUp({
    'docker tag sha256:new': { exitCode: 1, stderr: 'no space left on device' }
  })
  const result = await deploy(inputs(), deps(run))
  expect(result).toEqual({
    status: 'rolled-back',
    service: 'web',
    failure:
      'The deploy failed after docker compose up had started: docker tag failed: no space left on device. Rolled back to the previous version, which is running again (its image IDs and health checked).'
  })
  expect(startedRollback(run)).toBe(true)
  expect(readFileSync(join(ws.serviceDir, '.env'), 'utf8')).toBe(lastGoodEnv)
  expect(readFileSync(paths.record, 'utf8')).toBe(record)
})

/** docker inspect without an image ID: writeLastGood refuses the record. */
const unrecordable = { 'docker inspect': { stdout: inspected('healthy', null) } }

test('a first deploy whose record cannot be written is taken down, leaving no .env and no state', async () => {
  const paths = statePaths(ws.stateRoot, 'web-aws')
  const run = healthyUp(unrecordable, true)
  const result = await deploy(inputs(), deps(run))
  expect(result.status).toBe('failed')
  expect(result.failure).toMatch(
    /^The deploy failed after docker compose up had started: Cannot save the deploy: .*\. This was the first deploy, so nothing was left running\.$/
  )
  expect(run.calls.some(c => c.endsWith('down --remove-orphans'))).toBe(true)
  expect(existsSync(join(ws.serviceDir, '.env'))).toBe(false)
  expect(existsSync(paths.dir)).toBe(false)
})

test('a failed first deploy whose removal fails too says so, not that nothing was left running', async () => {
  const run = failingUp({
    ...firstDeploy(),
    'down --remove-orphans': { exitCode: 1, stderr: 'Error response from daemon: device busy\n' }
  })
  const result = await deploy(inputs(), deps(run))
  expect(result).toEqual({
    status: 'failed',
    service: 'web',
    failure:
      'docker compose up failed (exit code 1): container web-aws-web-1 is unhealthy. Removing the failed first deploy failed too: Error response from daemon: device busy'
  })
})

test('a deploy that cannot be recorded points our tag back at the saved image, also with rollback false', async () => {
  const saved = savedDeploy()
  const run = healthyUp(unrecordable)
  const result = await deploy(inputs({ rollback: false }), deps(run))
  expect(result.status).toBe('failed')
  // keepImages moved the tag to the new image; the record still names the old one.
  const tags = run.calls.filter(c => c.startsWith('docker tag'))
  expect(tags).toHaveLength(2)
  expect(tags[1]).toBe(`docker tag sha256:old ${saved.tag}`)
  expect(readLastGood(statePaths(ws.stateRoot, 'web-aws'))?.images).toEqual([saved])
  expect(startedRollback(run)).toBe(false)
})

/** Answers docker inspect with container c-old for the first `kept` listings, then c-new. */
/** The first `kept` listings (docker ps, then its inspect) find c-old, later ones c-new. */
function containersKept(kept: number): Script {
  let listed = 0
  const id = (): string => (listed <= kept ? 'c-old' : 'c-new')
  return {
    'docker ps': () => (++listed, { stdout: `${id()}\n` }),
    'docker inspect': () => ({ stdout: inspected('healthy', 'sha256:new', id()) })
  }
}

test('when compose keeps every container but the .env changed, they are recreated: deployed', async () => {
  savedDeploy()
  const run = healthyUp(containersKept(2))
  const result = await deploy(inputs(), deps(run))
  expect(result).toEqual({ status: 'deployed', service: 'web' })
  expect(run.calls.filter(c => c.includes(' up '))).toEqual([
    expect.stringContaining('up --detach --build --wait --wait-timeout 5 --remove-orphans'),
    expect.stringContaining(
      'up --detach --no-build --pull never --force-recreate --wait --wait-timeout 5 --remove-orphans'
    )
  ])
})

test('with the same containers, compose config and .env as the last good deploy: unchanged', async () => {
  const env = encodeEnvFile(
    new Map([
      ['API_KEY', 'k3y-value'],
      ['GREETING', 'hello from .env.example'],
      ['PORT', '8080']
    ]),
    'web-aws'
  )
  writeLastGood(statePaths(ws.stateRoot, 'web-aws'), {
    config: '{"services":{}}',
    env,
    images: [savedDeploy()],
    keys: ['API_KEY']
  })
  const run = healthyUp(containersKept(3))
  const result = await deploy(inputs(), deps(run))
  expect(result).toEqual({ status: 'unchanged', service: 'web' })
  expect(run.calls.filter(c => c.includes(' up '))).toHaveLength(1)
})

test('once the record is written nothing rolls back, even if something throws', async () => {
  savedDeploy()
  const run = healthyUp(containersKept(1))
  const base = deps(run)
  const log = {
    ...base.log,
    info: (m: string) => {
      if (m.startsWith('Deployed')) throw new Error('the log is gone')
    }
  }
  await expect(deploy(inputs(), { ...base, log })).rejects.toThrow('the log is gone')
  expect(startedRollback(run)).toBe(false)
  expect(readLastGood(statePaths(ws.stateRoot, 'web-aws'))?.images[0]?.imageId).toBe('sha256:new')
})

test('a damaged record stops deploy and remove with what to do, before anything changes', async () => {
  const paths = statePaths(ws.stateRoot, 'web-aws')
  savedDeploy()
  writeFileSync(paths.record, '{"images": [')
  const run = healthyUp()
  const message = `The saved state of this deployment is damaged: ${paths.record} is not valid JSON`
  await expect(deploy(inputs(), deps(run))).rejects.toThrow(message)
  await expect(
    remove(
      { deployment: 'web-aws', path: 'services/web', envFile: '.env' },
      { ...deps(run), scratchDir: ws.workspace }
    )
  ).rejects.toThrow(`Delete ${paths.dir} on the runner and re-run`)
  expect(existsSync(join(ws.serviceDir, '.env'))).toBe(false)
  expect(run.calls.some(c => c.includes(' up ') || c.includes(' down '))).toBe(false)
})

test('the service input, not the folder name, picks the <SERVICE>__ secrets', async () => {
  const other = makeWorkspace('web-v2')
  try {
    const run = healthyUp({}, true)
    const result = await deploy(
      inputs({
        path: 'services/web-v2',
        service: 'web',
        secrets: { WEB__API_KEY: 'from-web', WEB_V2__API_KEY: 'from-folder' }
      }),
      { ...deps(run), workspace: other.workspace, stateRoot: other.stateRoot }
    )
    expect(result).toEqual({ status: 'deployed', service: 'web' })
    const written = readFileSync(join(other.serviceDir, '.env'), 'utf8')
    expect(written).toContain('API_KEY="from-web"')
    expect(written).not.toContain('from-folder')
  } finally {
    removeDir(other.root)
  }
})

test('every docker command gets only the allowlisted environment, never inputs or PORT', async () => {
  const saved = { ...process.env }
  Object.assign(process.env, {
    INPUT_SECRETS: '{"WEB__API_KEY":"k3y-value"}',
    PORT: '1',
    DOCKER_HOST: 'unix:///run/user/1000/docker.sock',
    https_proxy: 'http://proxy:3128'
  })
  try {
    const run = healthyUp()
    await deploy(inputs(), deps(run))
    expect(run.calls.length).toBeGreaterThan(5)
    for (const [i, options] of run.options.entries()) {
      const env = options.env ?? {}
      expect([run.calls[i], Object.keys(env).filter(name => !isDockerVariable(name))]).toEqual([
        run.calls[i],
        []
      ])
      expect(env).toMatchObject({
        PATH: process.env.PATH,
        DOCKER_HOST: 'unix:///run/user/1000/docker.sock',
        https_proxy: 'http://proxy:3128'
      })
    }
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  }
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

test('a deploy of a changed value runs five docker commands: config, ps, up, ps, inspect', async () => {
  writeLastGood(statePaths(ws.stateRoot, 'web-aws'), {
    config: '{"services":{}}',
    env: 'API_KEY="the old value"\n',
    // The build gives the same image (only .env changed): its rollback tag already names it.
    images: [
      {
        service: 'web',
        imageId: 'sha256:new',
        imageRef: 'web-aws-web',
        tag: 'launch-service-rollback/web-aws:web'
      }
    ],
    keys: ['API_KEY']
  })
  const run = healthyUp(containersKept(1))
  const result = await deploy(inputs(), deps(run))
  expect(result).toEqual({ status: 'deployed', service: 'web' })
  expect(run.calls.map(c => c.replace(/ --.*/, '').replace(/^docker compose$/, 'compose'))).toEqual(
    [
      'compose', // config
      'docker ps',
      'compose', // up
      'docker ps',
      'docker inspect c-new'
    ]
  )
  expect(run.calls[0]).toMatch(/ config --format json$/)
  expect(run.calls[2]).toMatch(/ up --detach --build /)
})
