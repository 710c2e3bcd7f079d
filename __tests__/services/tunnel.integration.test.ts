/**
 * The Cloudflare Tunnel connector as services/test-service/compose.yaml defines it, deployed by the
 * bundled action the way the AWS deployment's runner deploys it: the token is the deployment's
 * secret <DEPLOYMENT>__CLOUDFLARE_TUNNEL_TOKEN, reaches the connector only through .env, and the
 * connector registers with the edge before the deploy counts as healthy. cloudflared and
 * Cloudflare's edge are unreachable here, so the test swaps in the TEST DOUBLES of
 * __tests__/fixtures/stand-ins (README there); everything else is the real compose file.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { REPO_ROOT, runAction, type ActionRun } from '../helpers/action.js'
import {
  containerEnv,
  docker,
  freePort,
  removeDir,
  removeProject,
  uniqueName,
  visibleOutput
} from '../deploy/support.js'

const STAND_INS = join(REPO_ROOT, '__tests__', 'fixtures', 'stand-ins')
const CLOUDFLARED = 'launch-service/cloudflared-stand-in:test'
const EDGE = 'launch-service/cloudflare-edge-stand-in:test'

const deployment = uniqueName('ls-tunnel')
const prefix = `${deployment.toUpperCase().replace(/-/g, '_')}__`
const tunnelId = '8f3a2b1c-0d4e-4f5a-9b6c-7d8e9f0a1b2c'
const canary = `cnry${deployment.slice(-8)}`
/** A token in cloudflared's format: base64 of {"a": account tag, "t": tunnel ID, "s": secret}. */
const token = Buffer.from(
  JSON.stringify({ a: '0123456789abcdef0123456789abcdef', t: tunnelId, s: `${canary}-secret` })
).toString('base64')

const root = mkdtempSync(join(tmpdir(), 'ls-tunnel-'))
const workspace = join(root, 'repo')
const serviceDir = join(workspace, 'services', 'test-service')
let port = 0

/** compose.yaml with only the unreachable images swapped for the stand-ins, plus the edge. */
function writeStandInCompose(): void {
  const compose = parse(readFileSync(join(serviceDir, 'compose.yaml'), 'utf8')) as {
    services: Record<string, Record<string, unknown>>
  }
  const tunnel = compose.services.tunnel as {
    image: string
    environment: Record<string, string>
    depends_on: Record<string, unknown>
  }
  expect(tunnel.image).toMatch(/^cloudflare\/cloudflared:[\w.]+@sha256:[0-9a-f]{64}$/)
  tunnel.image = CLOUDFLARED
  tunnel.environment.TUNNEL_EDGE = 'edge:8080'
  tunnel.depends_on.edge = { condition: 'service_started' }
  compose.services.edge = { image: EDGE }
  writeFileSync(join(serviceDir, 'compose.stand-in.yaml'), stringify(compose))
}

function deploy(secrets: Record<string, string>): Promise<ActionRun> {
  return runAction({
    workspace,
    eventName: 'workflow_dispatch',
    // Its state with the rest of the test's files, not in the home folder.
    env: { LAUNCH_SERVICE_STATE_DIR: join(root, 'state') },
    inputs: {
      command: 'deploy',
      deployment,
      path: 'services/test-service',
      'compose-file': 'compose.stand-in.yaml',
      'wait-timeout': '60',
      secrets: JSON.stringify(secrets),
      // The AWS deployment's variable that turns the connector on.
      vars: JSON.stringify({
        [`${prefix}COMPOSE_PROFILES`]: 'tunnel',
        TEST_SERVICE__TEST_SERVICE_PORT: String(port)
      })
    }
  })
}

function tunnelContainer(): string {
  return docker(
    'ps',
    '--quiet',
    '--filter',
    `label=com.docker.compose.project=${deployment}`,
    '--filter',
    'label=com.docker.compose.service=tunnel'
  ).trim()
}

beforeAll(async () => {
  for (const [image, dir] of [
    [CLOUDFLARED, 'cloudflared'],
    [EDGE, 'cloudflare-edge']
  ] as const) {
    execFileSync('docker', ['build', '--quiet', '--tag', image, join(STAND_INS, dir)], {
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
      stdio: ['ignore', 'ignore', 'pipe']
    })
  }
  cpSync(join(REPO_ROOT, 'services', 'test-service'), serviceDir, { recursive: true })
  writeStandInCompose()
  port = await freePort()
}, 120_000)

afterAll(() => {
  removeProject(deployment)
  removeDir(root)
})

test('the connector gets its token from the deployment secret via .env and registers with the edge', async () => {
  const run = await deploy({ [`${prefix}CLOUDFLARE_TUNNEL_TOKEN`]: token })
  if (run.exitCode !== 0) throw new Error(`deploy failed:\n${run.stdout}\n${run.stderr}`)
  expect(run.outputs.status).toBe('deployed')

  const container = tunnelContainer()
  expect(container).not.toBe('')
  expect(docker('inspect', '--format', '{{.State.Health.Status}}', container).trim()).toBe(
    'healthy'
  )
  // The token reaches the connector as TUNNEL_TOKEN only, never on its command line.
  expect(containerEnv(container).TUNNEL_TOKEN).toBe(token)
  const args = docker('inspect', '--format', '{{json .Args}}', container)
  expect(JSON.parse(args)).toEqual([
    '--no-autoupdate',
    'tunnel',
    '--metrics',
    '127.0.0.1:20241',
    'run'
  ])
  // Only the token: the page's other settings stay out of the connector.
  expect(Object.keys(containerEnv(container))).not.toContain('GREETING')
  // The edge saw this tunnel connect.
  const edgeLog = execFileSync(
    'docker',
    ['compose', '-p', deployment, '-f', join(serviceDir, 'compose.stand-in.yaml'), 'logs', 'edge'],
    { cwd: serviceDir, encoding: 'utf8' }
  )
  expect(edgeLog).toContain(`tunnel=${tunnelId}`)
  expect(visibleOutput(run.everything)).not.toContain(canary)
  expect(visibleOutput(run.everything)).not.toContain(token)
}, 180_000)

test('a token that is not a tunnel token fails the deploy and the connected one keeps running', async () => {
  const run = await deploy({ [`${prefix}CLOUDFLARE_TUNNEL_TOKEN`]: `${canary}-not-a-token` })
  expect(run.exitCode).not.toBe(0)
  expect(run.outputs.status).toBe('rolled-back')
  const container = tunnelContainer()
  expect(containerEnv(container).TUNNEL_TOKEN).toBe(token)
  expect(docker('inspect', '--format', '{{.State.Health.Status}}', container).trim()).toBe(
    'healthy'
  )
  expect(visibleOutput(run.everything)).not.toContain(canary)
}, 240_000)
