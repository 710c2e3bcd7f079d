/**
 * Deploys that must fail cleanly, run through the bundled action: each says what was wrong and
 * how to fix it, leaks no secret value, and leaves the disk and the Docker engine as they were.
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import {
  FIXTURES,
  containerIds,
  freePort,
  makeWorkspace,
  removeDir,
  removeProject,
  uniqueName,
  visibleOutput
} from './support.js'

const canary = `cnry${uniqueName().slice(-8)}`
const projects: string[] = []
const workspaces: string[] = []

interface Attempt {
  run: ActionRun
  deployment: string
  serviceDir: string
  stateRoot: string
}

/** Deploys the web fixture (after `prepare` changes it) under a fresh deployment name. */
async function attempt(options: {
  secrets?: string
  vars?: Record<string, string>
  inputs?: Record<string, string>
  env?: Record<string, string>
  prepare?: (serviceDir: string) => void
}): Promise<Attempt> {
  const deployment = uniqueName()
  projects.push(deployment)
  const ws = makeWorkspace('web')
  workspaces.push(dirname(ws.workspace))
  options.prepare?.(ws.serviceDir)
  const run = await runAction({
    inputs: {
      command: 'deploy',
      deployment,
      path: 'services/web',
      secrets:
        options.secrets ??
        JSON.stringify({ WEB__API_KEY: `${canary}-api`, OTHER__TOKEN: `${canary}-other` }),
      vars: JSON.stringify(options.vars ?? { WEB__PORT: String(await freePort()) }),
      'wait-timeout': '4',
      ...options.inputs
    },
    workspace: ws.workspace,
    env: { LAUNCH_SERVICE_STATE_DIR: ws.stateRoot, ...options.env }
  })
  expect(visibleOutput(run.everything)).not.toContain(canary)
  if (run.exitCode !== 1)
    throw new Error(`expected the step to fail, got exit code ${run.exitCode}:\n${run.everything}`)
  return { run, deployment, ...ws }
}

/** Nothing of the deployment exists: no .env, no state, no containers. */
function expectNothingLeft(a: Attempt): void {
  expect(existsSync(join(a.serviceDir, '.env'))).toBe(false)
  expect(existsSync(join(a.stateRoot, a.deployment))).toBe(false)
  expect(containerIds(a.deployment)).toEqual([])
}

afterAll(() => {
  for (const project of projects) removeProject(project)
  for (const dir of workspaces) removeDir(dir)
})

test('a first deploy that fails leaves nothing running and no .env', async () => {
  const a = await attempt({
    prepare: dir =>
      copyFileSync(join(FIXTURES, 'broken', 'compose.unhealthy.yaml'), join(dir, 'compose.yaml'))
  })
  expect(a.run.outputs.status).toBe('failed')
  expect(a.run.stdout).toContain('This was the first deploy, so nothing was left running.')
  expect(a.run.summary).toContain('failed')
  expectNothingLeft(a)
})

test('a first deploy that fails puts back the .env that was there before it', async () => {
  const handWritten = 'PORT="1"\n'
  const a = await attempt({
    prepare: dir => {
      copyFileSync(join(FIXTURES, 'broken', 'compose.unhealthy.yaml'), join(dir, 'compose.yaml'))
      writeFileSync(join(dir, '.env'), handWritten)
    }
  })
  expect(a.run.outputs.status).toBe('failed')
  expect(readFileSync(join(a.serviceDir, '.env'), 'utf8')).toBe(handWritten)
  expect(containerIds(a.deployment)).toEqual([])
})

test('.env.example keys without a value fail before anything changes, naming the keys only', async () => {
  const a = await attempt({ vars: {} })
  expect(a.run.stdout).toContain(
    '::error::services/web/.env.example needs values for: PORT. Add a secret or variable named WEB__<KEY>'
  )
  expectNothingLeft(a)
})

test('bad JSON in secrets names the input and echoes none of it, in the log and the summary', async () => {
  const a = await attempt({ secrets: `{"WEB__API_KEY": "${canary}-truncated` })
  const message = "Input 'secrets': is not valid JSON. Pass ${{ toJSON(secrets) }}"
  expect(a.run.stdout).toContain(`::error::${message}`)
  expect(a.run.summary).toContain(`deploy ${a.deployment}: failed`)
  expect(a.run.summary).toContain(message)
  expectNothingLeft(a)
})

test.each(['pull_request', 'merge_group'])(
  'a %s event never deploys, whatever its matrix says',
  async event => {
    const a = await attempt({ env: { GITHUB_EVENT_NAME: event } })
    const message = `Input 'command': deploy does not run for ${event} events. Deploy from push or workflow_dispatch`
    expect(a.run.stdout).toContain(`::error::${message}`)
    expect(a.run.summary).toContain(message)
    expect(a.run.outputs.status).toBe('failed')
    expectNothingLeft(a)
  }
)

test('an invalid compose file shows compose’s own error and puts the old .env back', async () => {
  const oldEnv = 'OLD="kept"\n'
  const a = await attempt({
    prepare: dir => {
      copyFileSync(join(FIXTURES, 'broken', 'compose.invalid.yaml'), join(dir, 'compose.yaml'))
      writeFileSync(join(dir, '.env'), oldEnv)
    }
  })
  expect(a.run.stdout).toContain(
    'The compose file in services/web is not valid (docker compose config):'
  )
  expect(a.run.stdout).toContain('services.web.ports must be a list')
  expect(readFileSync(join(a.serviceDir, '.env'), 'utf8')).toBe(oldEnv)
  expect(existsSync(join(a.stateRoot, a.deployment))).toBe(false)
})

test('a folder without a compose file, or with several, gets a clear error', async () => {
  const none = await attempt({ prepare: dir => rmSync(join(dir, 'compose.yaml')) })
  expect(none.run.stdout).toContain('No compose file in services/web: expected one of compose.yaml')
  expectNothingLeft(none)
  const several = await attempt({
    prepare: dir => copyFileSync(join(dir, 'compose.yaml'), join(dir, 'docker-compose.yml'))
  })
  expect(several.run.stdout).toContain(
    "Input 'compose-file': services/web has several compose files (compose.yaml, docker-compose.yml)"
  )
  expectNothingLeft(several)
})

test('an unreachable Docker daemon is named as such', async () => {
  // The test's own DOCKER_HOST must win over the one the test process has (set one to prove it).
  const saved = process.env.DOCKER_HOST
  process.env.DOCKER_HOST = saved || 'unix:///var/run/docker.sock'
  let a: Attempt
  try {
    a = await attempt({ env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } })
  } finally {
    if (saved === undefined) delete process.env.DOCKER_HOST
    else process.env.DOCKER_HOST = saved
  }
  expect(a.run.stdout).toContain('::error::The Docker daemon is not reachable')
  expect(a.run.stdout).toContain('/nonexistent/docker.sock')
  expectNothingLeft(a)
})
