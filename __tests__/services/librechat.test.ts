/**
 * services/librechat as a user checks it before going live: compose accepts it with a .env made
 * from .env.example and the deployment's URL, its domain settings are that URL, nothing is
 * published on the host, every image is pinned by digest, a deploy without a URL stops before
 * anything changes, the README names every secret, and the first-admin command works. LibreChat's
 * image cannot be pulled here, so the admin command runs against the TEST DOUBLE
 * launch-service/librechat-stand-in:test (__tests__/fixtures/stand-ins/README.md).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import { REPO_ROOT, runAction } from '../helpers/action.js'
import { tempDir } from '../helpers/git.js'
import { docker, removeDir, removeProject, uniqueName, visibleOutput } from '../deploy/support.js'
import { serviceConfig, type ComposeService } from './support.js'

const SERVICE_DIR = join(REPO_ROOT, 'services', 'librechat')
const composeConfig = (env: Record<string, string>) => serviceConfig('librechat', env)
const example = parseDotenv(readFileSync(join(SERVICE_DIR, '.env.example')))
const requiredKeys = Object.keys(example).filter(k => example[k] === '')
const URL = 'https://chat.example.org'

/** .env as deploy writes it: the example's defaults, placeholders for secrets, the deployment's URL. */
const deployedEnv = {
  ...example,
  ...Object.fromEntries(requiredKeys.map(k => [k, `placeholder-${k.toLowerCase()}`])),
  DEPLOYMENT_URL: URL,
  CLOUDFLARE_TUNNEL_TOKEN: 'token-from-terraform'
}

describe('compose config with a .env from .env.example', () => {
  const services = composeConfig(deployedEnv)

  test('the domain settings are the deployment URL', () => {
    expect(services.api?.environment?.DOMAIN_CLIENT).toBe(URL)
    expect(services.api?.environment?.DOMAIN_SERVER).toBe(URL)
  })

  test('no service publishes a port: the tunnel connector is the only way in', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'meilisearch', 'mongodb', 'tunnel'])
    for (const service of Object.values(services)) expect(service.ports ?? []).toEqual([])
    expect(services.tunnel?.environment?.TUNNEL_TOKEN).toBe('token-from-terraform')
  })

  test('every image is pinned by digest', () => {
    for (const [name, service] of Object.entries(services))
      expect(`${name}: ${service.image}`).toMatch(/^[\w-]+: \S+:[\w.-]+@sha256:[0-9a-f]{64}$/)
  })

  test('meilisearch gets its own key and none of the application secrets', () => {
    const env = services.meilisearch?.environment ?? {}
    expect(env.MEILI_MASTER_KEY).toBe('placeholder-meili_master_key')
    expect(Object.keys(env)).not.toContain('CREDS_KEY')
    expect(Object.keys(env)).not.toContain('JWT_SECRET')
  })

  test("the connector is the same as test-service's (README: copy it), sending to the healthy api", () => {
    const withoutTarget = (service: ComposeService | undefined) => ({
      ...service,
      depends_on: undefined
    })
    const testService = serviceConfig('test-service', {
      COMPOSE_PROFILES: 'tunnel',
      CLOUDFLARE_TUNNEL_TOKEN: 'token-from-terraform'
    })
    expect(withoutTarget(services.tunnel)).toEqual(withoutTarget(testService.tunnel))
    expect(services.tunnel?.depends_on).toEqual({
      api: expect.objectContaining({ condition: 'service_healthy' })
    })
  })

  test('without COMPOSE_PROFILES=tunnel there is no connector', () => {
    expect(Object.keys(composeConfig({ ...deployedEnv, COMPOSE_PROFILES: '' })).sort()).toEqual([
      'api',
      'meilisearch',
      'mongodb'
    ])
  })
})

test('a deploy without the deployment URL stops before anything changes and says why', async () => {
  const workspace = tempDir('ls-librechat-ws-')
  const serviceDir = join(workspace, 'services', 'librechat')
  cpSync(SERVICE_DIR, serviceDir, { recursive: true })
  const secrets = Object.fromEntries(
    requiredKeys.filter(k => k !== 'DEPLOYMENT_URL').map(k => [`LIBRECHAT__${k}`, `cnry-${k}`])
  )
  try {
    const run = await runAction({
      workspace,
      eventName: 'workflow_dispatch',
      inputs: {
        command: 'deploy',
        deployment: uniqueName('ls-chat'),
        path: 'services/librechat',
        secrets: JSON.stringify(secrets)
      }
    })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain('needs values for: DEPLOYMENT_URL.')
    expect(run.stdout).toContain('make the deployment public with a hostname in Terraform')
    expect(existsSync(join(serviceDir, '.env'))).toBe(false)
    expect(visibleOutput(run.everything)).not.toContain('cnry-')
  } finally {
    removeDir(workspace)
  }
})

test('README.md names every secret and variable .env.example requires, and the tunnel token', () => {
  const readme = readFileSync(join(SERVICE_DIR, 'README.md'), 'utf8')
  for (const key of [
    ...requiredKeys.filter(k => k !== 'DEPLOYMENT_URL'),
    'CLOUDFLARE_TUNNEL_TOKEN'
  ])
    expect(readme).toContain(`LIBRECHAT__${key}`)
  expect(readme).toContain('DEPLOYMENT_URL')
  expect(readme).not.toMatch(/flexible/i)
})

describe('create-admin.sh (against the LibreChat TEST DOUBLE)', () => {
  const project = uniqueName('ls-chat')
  const script = join(SERVICE_DIR, 'create-admin.sh')
  const password = `cnry-${project.slice(-8)}-pass word`
  let container = ''

  const createAdmin = (args: string[], input: string, env: Record<string, string> = {}) =>
    spawnSync('bash', [script, ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, LIBRECHAT_PROJECT: project, ...env }
    })
  const inContainer = (file: string) => docker('exec', container, 'cat', file)

  beforeAll(() => {
    execFileSync(
      'docker',
      [
        'build',
        '--quiet',
        '--tag',
        'launch-service/librechat-stand-in:test',
        join(REPO_ROOT, '__tests__/fixtures/stand-ins/librechat')
      ],
      { env: { ...process.env, DOCKER_BUILDKIT: '0' }, stdio: ['ignore', 'ignore', 'pipe'] }
    )
    const dir = tempDir('ls-chat-admin-')
    writeFileSync(
      join(dir, 'compose.yaml'),
      'services:\n  api:\n    image: launch-service/librechat-stand-in:test\n'
    )
    execFileSync('docker', ['compose', '-p', project, 'up', '--detach', '--wait'], {
      cwd: dir,
      stdio: 'ignore'
    })
    removeDir(dir)
    container = docker(
      'ps',
      '--quiet',
      '--filter',
      `label=com.docker.compose.project=${project}`,
      '--filter',
      'label=com.docker.compose.service=api'
    ).trim()
  }, 120_000)

  afterAll(() => removeProject(project))

  test('creates the first account as ADMIN with the password from stdin, never on a command line', () => {
    const run = createAdmin(['admin@example.org', 'Ada Admin', 'ada'], `${password}\n`)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('User created successfully!')
    const [email, username, name, role, verified, hash] = inContainer('/app/users.tsv')
      .trim()
      .split('\t')
    expect({ email, username, name, role, verified }).toEqual({
      email: 'admin@example.org',
      username: 'ada',
      name: 'Ada Admin',
      role: 'ADMIN',
      verified: 'true'
    })
    expect(hash).toBe(
      execFileSync('sha256sum', { input: password, encoding: 'utf8' }).split(' ')[0]
    )
    expect(inContainer('/app/calls.log')).not.toContain(password)
    expect(run.stdout + run.stderr).not.toContain(password)
  })

  test('refuses bad input before touching LibreChat, and an existing account', () => {
    const before = inContainer('/app/calls.log')
    for (const [args, input, message] of [
      [['not-an-email'], `${password}\n`, "'not-an-email' is not an email address"],
      [['bob@example.org'], 'short\n', 'at least 8 characters'],
      [['b@example.org', 'B', 'b; rm -rf /'], `${password}\n`, "username 'b; rm -rf /'"],
      [[], '', 'usage: create-admin.sh EMAIL']
    ] as const) {
      const run = createAdmin([...args], input)
      expect(run.status).not.toBe(0)
      expect(run.stderr).toContain(message)
    }
    expect(inContainer('/app/calls.log')).toBe(before)

    const again = createAdmin(['admin@example.org'], `${password}\n`)
    expect(again.status).not.toBe(0)
    expect(again.stdout).toContain('A user with that email or username already exists')
  })

  test('says what to do when LibreChat is not running', () => {
    const run = createAdmin(['admin@example.org'], `${password}\n`, {
      LIBRECHAT_PROJECT: `${project}-absent`
    })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('no running api container')
  })
})
