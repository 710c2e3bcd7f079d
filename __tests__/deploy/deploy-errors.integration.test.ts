/**
 * Deploys that must fail cleanly, run through the bundled action: each says what was wrong and
 * how to fix it, leaks no secret value, and leaves the disk and the Docker engine as they were.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { ActionRun } from '../helpers/action.js'
import {
  FIXTURES,
  containerIds,
  expectNoLeak,
  removeDir,
  removeTestDeployment,
  runStep,
  testDeployment,
  uniqueName,
  visibleOutput,
  type TestDeployment
} from './support.js'

const canary = `cnry${uniqueName().slice(-8)}`
const deployments: TestDeployment[] = []
/** Folders a test makes outside any workspace. */
const outsideDirs: string[] = []

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
  prepare?: (serviceDir: string, deployment: string) => void
}): Promise<Attempt> {
  const web = await testDeployment('web')
  deployments.push(web)
  options.prepare?.(web.serviceDir, web.deployment)
  const run = await runStep(web, 'deploy', {
    secrets: options.secrets ?? { WEB__API_KEY: `${canary}-api`, OTHER__TOKEN: `${canary}-other` },
    vars: options.vars ?? { WEB__PORT: String(web.port) },
    inputs: { 'wait-timeout': '4', ...options.inputs },
    env: options.env
  })
  expectNoLeak(run, canary)
  if (run.exitCode !== 1)
    throw new Error(`expected the step to fail, got exit code ${run.exitCode}:\n${run.everything}`)
  const { deployment, serviceDir, stateRoot } = web
  return { run, deployment, serviceDir, stateRoot }
}

/** Nothing of the deployment exists: no .env, no state, no containers. */
function expectNothingLeft(a: Attempt): void {
  expect(existsSync(join(a.serviceDir, '.env'))).toBe(false)
  expect(existsSync(join(a.stateRoot, a.deployment))).toBe(false)
  expect(containerIds(a.deployment)).toEqual([])
}

afterAll(() => {
  for (const d of deployments) removeTestDeployment(d)
  for (const dir of outsideDirs) removeDir(dir)
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

test.each([
  'pull_request',
  'pull_request_target',
  'merge_group',
  'workflow_run',
  'pull_request_review',
  'issue_comment'
])('a %s event never deploys, whatever its matrix says', async event => {
  const a = await attempt({ env: { GITHUB_EVENT_NAME: event } })
  const message = `Input 'command': deploy does not run for ${event} events. Deploy from push, workflow_dispatch, schedule, repository_dispatch`
  expect(a.run.stdout).toContain(`::error::${message}`)
  expect(a.run.summary).toContain(message)
  expect(a.run.outputs.status).toBe('failed')
  expectNothingLeft(a)
})

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

test('a secret compose quotes in an error is masked in every escaped form (Go %q, JSON, lines)', async () => {
  // Each line starts with the canary: any form of either line that slips through contains it.
  const value = `${canary}-a "quoted"\ttab \\ backslash 'single'\n${canary}-b second line`
  const a = await attempt({
    secrets: JSON.stringify({ WEB__API_KEY: value }),
    prepare: dir =>
      copyFileSync(
        join(FIXTURES, 'variants', 'compose.interval-from-env.yaml'),
        join(dir, 'compose.yaml')
      )
  })
  expect(a.run.stdout).toContain('invalid duration')
  expect(a.run.stdout).toContain('::error::The compose file in services/web is not valid')
  expect(a.run.summary).toContain('invalid duration')
  // attempt() found the canary nowhere; the rest of each line is masked with it, in every form.
  const visible = visibleOutput(a.run.everything)
  for (const piece of ['"quoted', '\\"quoted', 'tab \\', '\\x09tab', '\\ttab', 'second line']) {
    expect(visible).not.toContain(piece)
  }
  expectNothingLeft(a)
})

test.each([
  ['compose.interval-from-env.yaml', 'invalid duration'], // Go's time quoting: \xc3\xa4
  ['compose.cpus-from-env.yaml', 'invalid syntax'] // strconv.Quote: \u00a0, \U000e0001
])(
  'a non-ASCII secret compose quotes in an error (%s) is masked in its Go escaped forms',
  async (variant, error) => {
    // Each piece ends with the canary, so an escaped form of any piece that slips through shows it.
    const pieces = [
      'p\u00e4ssw\u00f6rd',
      '\u00a0',
      '\u200b',
      '\u2028',
      '\u0085',
      '\u{1f600}',
      '\ud800',
      '\u{e0001}'
    ]
    const value = pieces.map(piece => `${piece}${canary}`).join('')
    const a = await attempt({
      secrets: JSON.stringify({ WEB__API_KEY: value }),
      prepare: dir => copyFileSync(join(FIXTURES, 'variants', variant), join(dir, 'compose.yaml'))
    })
    expect(a.run.stdout).toContain(error)
    expect(a.run.stdout).toContain('::error::The compose file in services/web is not valid')
    expect(visibleOutput(a.run.everything)).not.toMatch(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U0/)
    expectNothingLeft(a)
  }
)

describe('a deploy reads only its own service folder', () => {
  /** Another service's folder beside web, with a secret of its own in its .env. */
  const otherService = (dir: string): string => {
    const other = join(dirname(dir), 'other')
    mkdirSync(other, { recursive: true })
    writeFileSync(join(other, '.env'), `OTHER_TOKEN="${canary}-other-service"\n`, { mode: 0o600 })
    return other
  }
  const withCompose =
    (extra: (dir: string) => string) =>
    (dir: string): void => {
      otherService(dir)
      writeFileSync(
        join(dir, 'compose.yaml'),
        `services:\n  web:\n    build: .\n    init: true\n${extra(dir)}`
      )
    }

  test.each([
    ['env_file', withCompose(() => '    env_file: ../other/.env\n'), /env_file .*other\/\.env/],
    [
      'secrets file',
      withCompose(() => '    secrets: [tok]\nsecrets:\n  tok:\n    file: ../other/.env\n'),
      /secret tok .*other\/\.env/
    ],
    [
      'configs file',
      withCompose(() => '    configs: [c]\nconfigs:\n  c:\n    file: ../other/.env\n'),
      /config c .*other\/\.env/
    ],
    [
      'env_file in a merged anchor',
      (dir: string): void => {
        otherService(dir)
        writeFileSync(
          join(dir, 'compose.yaml'),
          'x-leak: &leak\n  env_file: ../other/.env\nservices:\n  web:\n    <<: *leak\n    build: .\n'
        )
      },
      /env_file .*other\/\.env/
    ],
    [
      'bind mount of another service folder',
      withCompose(() => "    volumes: ['../other:/other:ro']\n"),
      /may not bind mount .*other: it reaches into the workspace outside the service folder/
    ],
    [
      'build context',
      (dir: string): void => {
        otherService(dir)
        writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    build: ../other\n')
      },
      /build context of web .*other/
    ],
    [
      'env_file through a symlink',
      (dir: string): void => {
        const other = otherService(dir)
        symlinkSync(join(other, '.env'), join(dir, 'innocent.env'))
        writeFileSync(
          join(dir, 'compose.yaml'),
          'services:\n  web:\n    build: .\n    init: true\n    env_file: innocent.env\n'
        )
      },
      /env_file .*innocent\.env.* resolves to .*other\/\.env/
    ],
    [
      '.env.example linked to another deployment',
      (dir: string): void => {
        const other = otherService(dir)
        rmSync(join(dir, '.env.example'))
        symlinkSync(join(other, '.env'), join(dir, '.env.example'))
      },
      /services\/web\/\.env\.example resolves to .*other\/\.env/
    ]
  ])('%s outside the service folder is refused, naming the path', async (_what, prepare, error) => {
    const a = await attempt({ prepare })
    expect(a.run.stdout).toMatch(error)
    expect(a.run.stdout).toMatch(/must stay inside|may not bind mount/)
    expectNothingLeft(a)
  })

  test.each([
    [
      'a named volume binding another service folder',
      withCompose(
        dir =>
          `    volumes: ['data:/data']\nvolumes:\n  data:\n    driver_opts: {type: none, o: bind, device: '${dirname(dir)}/other'}\n`
      ),
      /may not use volume data, a bind of .*other: it reaches into the workspace outside/
    ],
    [
      "another container's processes",
      withCompose(() => '    pid: container:some-other-deployment-web-1\n'),
      /may not use pid: container:some-other-deployment-web-1: it reaches into a container outside/
    ],
    [
      "another container's volumes",
      withCompose(() => '    volumes_from: ["container:some-other-deployment-web-1"]\n'),
      /may not use volumes_from: container:some-other-deployment-web-1/
    ],
    [
      "a Dockerfile in another service's folder",
      (dir: string): void => {
        otherService(dir)
        writeFileSync(
          join(dir, 'compose.yaml'),
          'services:\n  web:\n    build: {context: ., dockerfile: ../other/.env}\n'
        )
      },
      /Dockerfile of web .*other\/\.env.* must stay inside the service folder/
    ],
    [
      'the env file as the Dockerfile',
      (dir: string): void => {
        writeFileSync(
          join(dir, 'compose.yaml'),
          'services:\n  web:\n    build: {context: ., dockerfile: .env}\n'
        )
      },
      /The Dockerfile of web in services\/web is \.env, an env file/
    ],
    [
      "an include whose project_directory is another service's folder",
      (dir: string): void => {
        otherService(dir)
        writeFileSync(
          join(dir, 'inc.yaml'),
          'services:\n  side:\n    image: busybox\n    env_file: .env\n'
        )
        writeFileSync(
          join(dir, 'compose.yaml'),
          'include:\n  - inc.yaml\n  - path: inc.yaml\n    project_directory: ../other\nservices:\n  web:\n    build: .\n'
        )
      },
      /include project_directory \.\.\/other .* must stay inside the service folder/
    ],
    [
      'a compose file with more aliases than the checker reads',
      (dir: string): void => {
        otherService(dir)
        const aliases = Array.from(
          { length: 120 },
          (_, i) => `  s${i}: {<<: *leak, image: busybox}\n`
        )
        writeFileSync(
          join(dir, 'compose.yaml'),
          `x-leak: &leak\n  env_file: ../other/.env\nservices:\n  web: {<<: *leak, build: .}\n${aliases.join('')}`
        )
      },
      /env_file .*other\/\.env/
    ],
    [
      'a compose file the checker cannot parse',
      (dir: string): void => {
        writeFileSync(
          join(dir, 'compose.yaml'),
          'services:\n  web:\n    build: .\n---\nservices:\n  web:\n    env_file: ../other/.env\n'
        )
      },
      /services\/web\/compose\.yaml could not be read as YAML/
    ]
  ])('%s is refused before anything runs', async (_what, prepare, error) => {
    const a = await attempt({
      prepare,
      secrets: JSON.stringify({ WEB__API_KEY: `lower${canary}` })
    })
    expect(a.run.stdout).toMatch(error)
    expect(visibleOutput(a.run.everything).toLowerCase()).not.toContain(canary.toLowerCase())
    expectNothingLeft(a)
  })

  test('a service folder that is a symlink out of the workspace is refused; no .env is written there', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ls-outside-'))
    outsideDirs.push(outside)
    const a = await attempt({
      prepare: dir => {
        cpSync(dir, join(outside, 'web'), { recursive: true })
        rmSync(dir, { recursive: true })
        symlinkSync(join(outside, 'web'), dir)
      }
    })
    expect(a.run.stdout).toContain("::error::Input 'path': services/web resolves to")
    expect(a.run.stdout).toContain('outside the workspace')
    expect(readdirSync(join(outside, 'web'))).not.toContain('.env')
    expect(containerIds(a.deployment)).toEqual([])
  })

  test('a service folder that is a symlink to a parent inside the workspace is refused; no .env is written', async () => {
    const a = await attempt({
      inputs: { path: 'services/evil' },
      prepare: dir => symlinkSync('.', join(dirname(dir), 'evil'))
    })
    expect(a.run.stdout).toContain("::error::Input 'path': services/evil resolves to")
    expect(a.run.stdout).toContain('is a symlink')
    expect(readdirSync(dirname(a.serviceDir))).not.toContain('.env')
    expect(containerIds(a.deployment)).toEqual([])
  })

  test('a bind mount of the state folder is refused', async () => {
    let stateRoot = ''
    const a = await attempt({
      prepare: dir => {
        stateRoot = join(dirname(dirname(dirname(dir))), 'state')
        mkdirSync(stateRoot, { recursive: true })
        writeFileSync(
          join(dir, 'compose.yaml'),
          `services:\n  web:\n    build: .\n    init: true\n    volumes: ['${stateRoot}:/stolen:ro']\n`
        )
      }
    })
    expect(a.run.stdout).toContain(`bind mount ${stateRoot}`)
    expect(a.run.stdout).toContain("the action's state folder")
    expectNothingLeft(a)
  })
})

test('a deployment named like another service is refused, naming both', async () => {
  const a = await attempt({
    prepare: (dir, deployment) => {
      const other = join(dirname(dir), deployment)
      mkdirSync(other)
      writeFileSync(join(other, 'compose.yaml'), 'services:\n  x:\n    image: busybox:1.36\n')
    }
  })
  expect(a.run.stdout).toContain(
    `::error::Input 'deployment': deployment '${a.deployment}' of service 'web' is named like the service '${a.deployment}' (services/${a.deployment})`
  )
  expectNothingLeft(a)
})

describe('remove touches only the service folder', () => {
  const removeRun = async (
    prepare: (serviceDir: string) => void,
    inputs: Record<string, string> = {}
  ): Promise<ActionRun> => {
    const web = await testDeployment('web')
    deployments.push(web)
    prepare(web.serviceDir)
    return runStep(web, 'remove', { inputs })
  }

  test('a service folder that is a symlink out of the workspace is refused; the .env there stays', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ls-outside-'))
    outsideDirs.push(outside)
    writeFileSync(join(outside, '.env'), 'KEEP=1\n')
    const run = await removeRun(dir => {
      rmSync(dir, { recursive: true })
      symlinkSync(outside, dir)
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::Input 'path': services/web resolves to")
    expect(existsSync(join(outside, '.env'))).toBe(true)
  })

  test('an env-file that names the compose file is refused; the compose file stays', async () => {
    let serviceDir = ''
    const run = await removeRun(
      dir => {
        serviceDir = dir
      },
      { 'env-file': 'compose.yaml' }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      "::error::Input 'env-file': 'compose.yaml' is a file of the service"
    )
    expect(existsSync(join(serviceDir, 'compose.yaml'))).toBe(true)
  })
})
