import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCompose } from '../../src/deploy/compose.js'
import { createEngine, engineSocket } from '../../src/deploy/engine.js'
import { runCommand } from '../../src/exec.js'
import { uniqueName } from './support.js'

describe('engineSocket', () => {
  let config: string
  beforeEach(() => (config = mkdtempSync(join(tmpdir(), 'ls-docker-config-'))))
  afterEach(() => rmSync(config, { recursive: true, force: true }))

  it('is the socket the CLI would use, and nothing when it would use anything else', () => {
    const none = { DOCKER_CONFIG: config }
    expect(engineSocket(none)).toBe('/var/run/docker.sock')
    expect(engineSocket({ ...none, DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toBe(
      '/run/user/1000/docker.sock'
    )
    expect(engineSocket({ ...none, DOCKER_HOST: 'tcp://10.0.0.5:2376' })).toBeUndefined()
    expect(engineSocket({ ...none, DOCKER_HOST: 'ssh://me@host' })).toBeUndefined()
    expect(engineSocket({ ...none, DOCKER_CONTEXT: 'remote' })).toBeUndefined()
    expect(engineSocket({ ...none, DOCKER_CONTEXT: 'default' })).toBe('/var/run/docker.sock')
    writeFileSync(join(config, 'config.json'), JSON.stringify({ currentContext: 'remote' }))
    expect(engineSocket(none)).toBeUndefined()
    // DOCKER_HOST wins over any context, as in the CLI.
    expect(engineSocket({ ...none, DOCKER_HOST: 'unix:///d.sock' })).toBe('/d.sock')
  })
})

describe('createEngine', () => {
  const project = uniqueName()
  afterAll(() => {
    const ids = execFileSync(
      'docker',
      ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`],
      {
        encoding: 'utf8'
      }
    )
      .split('\n')
      .filter(Boolean)
    if (ids.length > 0) execFileSync('docker', ['rm', '--force', ...ids])
  })

  it('lists the project’s containers as docker ps + inspect do, in one request', async () => {
    const labels = ['--label', `com.docker.compose.project=${project}`]
    // Worker sorts first by code unit (plan's order), last by a locale collator.
    for (const service of ['web', 'Worker']) {
      execFileSync('docker', [
        'create',
        ...labels,
        '--label',
        `com.docker.compose.service=${service}`,
        '--name',
        `${project}-${service}-1`,
        'busybox:1.36',
        'true'
      ])
    }
    spawnSync('docker', [
      'run',
      ...labels,
      '--label',
      'com.docker.compose.service=job',
      '--name',
      `${project}-job-1`,
      'busybox:1.36',
      'sh',
      '-c',
      'exit 3'
    ])
    // Exits 3: the run fails, the container stays (exited).
    const socket = engineSocket(process.env)
    expect(socket).toBeDefined()
    const listed = await createEngine(socket as string).containers(project)
    const inspected = await createCompose(runCommand).containers(project)
    expect(listed).toEqual(inspected.map(({ healthOutput: _, ...c }) => c))
    expect(listed?.map(c => [c.service, c.state, c.exitCode])).toEqual([
      ['Worker', 'created', 0],
      ['job', 'exited', 3],
      ['web', 'created', 0]
    ])
    // The IDs alone, as `docker ps --all --quiet --no-trunc` gives them (the CLI's own list).
    const ids = await createEngine(socket as string).containerIds(project)
    const cli = await createCompose(runCommand).containerIds(project)
    expect(ids?.sort()).toEqual([...cli].sort())
    expect(ids).toHaveLength(3)
  })

  it('answers undefined (use the CLI) when the socket does not answer', async () => {
    const engine = createEngine('/nonexistent/docker.sock')
    expect(await engine.containers(project)).toBeUndefined()
    expect(await engine.containerIds(project)).toBeUndefined()
  })
})
