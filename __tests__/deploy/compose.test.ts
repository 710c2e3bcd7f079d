import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeArgs, createCompose, findComposeFile } from '../../src/deploy/compose.js'
import { scriptedRunner } from './support.js'

describe('findComposeFile', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ls-compose-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('finds the one compose file', () => {
    writeFileSync(join(dir, 'docker-compose.yml'), '')
    expect(findComposeFile(dir, 'services/web')).toBe(join(dir, 'docker-compose.yml'))
  })

  it('says what to add when there is none', () => {
    expect(() => findComposeFile(dir, 'services/web')).toThrow(
      'No compose file in services/web: expected one of compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml'
    )
  })

  it('asks for compose-file when there are several', () => {
    writeFileSync(join(dir, 'compose.yaml'), '')
    writeFileSync(join(dir, 'docker-compose.yml'), '')
    expect(() => findComposeFile(dir, 'services/web')).toThrow(
      "Input 'compose-file': services/web has several compose files (compose.yaml, docker-compose.yml). Set compose-file"
    )
    expect(findComposeFile(dir, 'services/web', 'docker-compose.yml')).toBe(
      join(dir, 'docker-compose.yml')
    )
  })

  it('names the compose-file input when the given file does not exist', () => {
    expect(() => findComposeFile(dir, 'services/web', 'prod.yaml')).toThrow(
      "Input 'compose-file': 'prod.yaml' does not exist in services/web"
    )
  })
})

describe('Compose.check', () => {
  it('passes when the daemon and the compose plugin answer', async () => {
    const run = scriptedRunner({
      'docker version': { stdout: '20.10.24' },
      'docker compose version': { stdout: '2.26.1' }
    })
    await expect(createCompose(run).check()).resolves.toBeUndefined()
  })

  it('says docker is not installed', async () => {
    const run = scriptedRunner({
      'docker version': new Error('Unable to locate executable file: docker')
    })
    await expect(createCompose(run).check()).rejects.toThrow(
      'Docker is not installed on this runner'
    )
  })

  it('says the daemon is not reachable and how to fix it', async () => {
    const run = scriptedRunner({
      'docker version': {
        exitCode: 1,
        stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.\n'
      }
    })
    await expect(createCompose(run).check()).rejects.toThrow(
      'The Docker daemon is not reachable: Cannot connect to the Docker daemon at unix:///var/run/docker.sock.. Start it (systemctl start docker)'
    )
  })

  it('says the compose plugin is missing and how to install it', async () => {
    const run = scriptedRunner({
      'docker compose version': {
        exitCode: 1,
        stderr: "docker: 'compose' is not a docker command."
      }
    })
    await expect(createCompose(run).check()).rejects.toThrow(
      /Compose v2 plugin is missing.*apt-get install docker-compose-plugin/
    )
  })
})

describe('composeArgs', () => {
  it('always names the project, its files and env file, as separate arguments', () => {
    expect(
      composeArgs(
        { project: 'web-aws', files: ['/s/compose.yaml'], envFile: '/s/.env', cwd: '/s' },
        'up',
        '--detach'
      )
    ).toEqual([
      'compose',
      '--project-name',
      'web-aws',
      '--file',
      '/s/compose.yaml',
      '--env-file',
      '/s/.env',
      'up',
      '--detach'
    ])
    expect(composeArgs({ project: 'web-aws', files: [], cwd: '/tmp' }, 'down')).toEqual([
      'compose',
      '--project-name',
      'web-aws',
      'down'
    ])
  })

  it('hands a compose config held in memory over on stdin, with the env file', async () => {
    const run = scriptedRunner({})
    const target = { project: 'web-aws', files: [], envFile: '/s/.env', cwd: '/s' }
    await createCompose(run).down({ ...target, config: '{"services":{}}' })
    expect(run.calls).toEqual([
      'docker compose --project-name web-aws --file - --env-file /s/.env down --remove-orphans'
    ])
    expect(run.options[0]).toMatchObject({ cwd: '/s', input: Buffer.from('{"services":{}}') })
  })
})

describe('Compose.containers', () => {
  it('finds containers by the project label and reads service, image and health', async () => {
    const inspected = [
      {
        Id: 'c1',
        Name: '/web-aws-web-1',
        Image: 'sha256:aaa',
        Config: { Image: 'web-aws-web', Labels: { 'com.docker.compose.service': 'web' } },
        State: {
          Status: 'running',
          ExitCode: 0,
          Health: { Status: 'unhealthy', Log: [{ Output: 'old' }, { Output: '404' }] }
        }
      }
    ]
    const run = scriptedRunner({
      'docker ps': { stdout: 'c1\n' },
      'docker inspect': { stdout: JSON.stringify(inspected) }
    })
    expect(await createCompose(run).containers('web-aws')).toEqual([
      {
        id: 'c1',
        name: 'web-aws-web-1',
        service: 'web',
        imageId: 'sha256:aaa',
        imageRef: 'web-aws-web',
        state: 'running',
        exitCode: 0,
        health: 'unhealthy',
        healthOutput: '404'
      }
    ])
    expect(run.calls[0]).toBe(
      'docker ps --all --quiet --no-trunc --filter label=com.docker.compose.project=web-aws'
    )
  })

  it('lists containers by name in code-unit order, the order plan uses, not the locale’s', async () => {
    // A locale collator puts `_` before `-` and lower case before upper case.
    const names = ['p-web-1', 'p-db_backup-1', 'p-Worker-1', 'p-db-admin-1']
    const inspected = names.map((name, i) => ({
      Id: `c${i}`,
      Name: `/${name}`,
      Image: 'sha256:aaa',
      Config: { Image: 'img' },
      State: { Status: 'running', ExitCode: 0 }
    }))
    const run = scriptedRunner({
      'docker ps': { stdout: 'c0\nc1\nc2\nc3\n' },
      'docker inspect': { stdout: JSON.stringify(inspected) }
    })
    const listed = await createCompose(run).containers('p')
    expect(listed.map(c => c.name)).toEqual([
      'p-Worker-1',
      'p-db-admin-1',
      'p-db_backup-1',
      'p-web-1'
    ])
  })

  it('is empty without containers (and does not call inspect)', async () => {
    const run = scriptedRunner({})
    expect(await createCompose(run).containers('web-aws')).toEqual([])
    expect(run.calls).toHaveLength(1)
  })
})

describe('createCompose', () => {
  it('runs every command with the environment it was built with, nothing else', async () => {
    const run = scriptedRunner({})
    const compose = createCompose(run, { PATH: '/usr/bin', DOCKER_HOST: 'unix:///d.sock' })
    await compose.tryDocker(['version'])
    await compose.up(
      { project: 'web-aws', files: ['/s/compose.yaml'], cwd: '/s' },
      { waitTimeoutSeconds: 5, build: true }
    )
    expect(run.options.map(o => o.env)).toEqual([
      { PATH: '/usr/bin', DOCKER_HOST: 'unix:///d.sock' },
      { PATH: '/usr/bin', DOCKER_HOST: 'unix:///d.sock' }
    ])
  })
})
