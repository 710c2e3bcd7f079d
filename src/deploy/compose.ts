import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ActionError, InputError, errorMessage } from '../errors.js'
import { COMPOSE_FILES } from '../compose-files.js'
import { compareNames } from '../names.js'
import type { CommandResult, RunOptions, Runner } from '../exec.js'
import type { Engine } from './engine.js'
import { dockerEnvironment } from './environment.js'

/** Which compose project a command acts on. Every command names the project and its files. */
export interface ComposeTarget {
  project: string
  /** Compose files; empty = act on the project by its labels only (down, for a vanished folder). */
  files: string[]
  /** A compose file's content, given on stdin (`--file -`) instead of files (a rollback). */
  config?: string
  /** Env file for interpolation (`--env-file`); undefined = compose's default. */
  envFile?: string
  /** Working directory; also where compose would look for a default .env. */
  cwd: string
}

/** The service's compose file: the compose-file input, or the one compose file in the folder. */
export function findComposeFile(serviceDir: string, path: string, composeFile?: string): string {
  if (composeFile !== undefined) {
    const file = join(serviceDir, composeFile)
    if (!existsSync(file)) {
      throw new InputError(
        'compose-file',
        `'${composeFile}' does not exist in ${path}`,
        'Give the name of a compose file in the service folder.'
      )
    }
    return file
  }
  const found = COMPOSE_FILES.filter(name => existsSync(join(serviceDir, name)))
  if (found.length === 0) {
    throw new ActionError(
      `No compose file in ${path}: expected one of ${COMPOSE_FILES.join(', ')}. Add a compose.yaml to the service folder, or set compose-file.`
    )
  }
  if (found.length > 1) {
    throw new InputError(
      'compose-file',
      `${path} has several compose files (${found.join(', ')})`,
      'Set compose-file to the one to deploy.'
    )
  }
  return join(serviceDir, found[0] as string)
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/**
 * Every docker and docker compose command of deploy and remove, built once with the runner and
 * the allowlisted environment (see environment.ts), as plan's Git is. Each compose command names
 * its project and files.
 */
export interface Compose {
  /** Fails with a message that says how to fix it when docker, its daemon or compose v2 is missing. */
  check(): Promise<void>
  /**
   * The fully resolved project (`docker compose config --format json`): env files and
   * interpolation applied, paths absolute, `$` escaped as `$$`. JSON, because compose's YAML
   * output is not valid YAML for values with tabs. It holds secret values: store it 0600 only.
   */
  config(target: ComposeTarget, path: string): Promise<string>
  up(target: ComposeTarget, options: UpOptions): Promise<CommandResult>
  down(target: ComposeTarget): Promise<CommandResult>
  /**
   * The project's containers, found by compose's project label (so no compose file is needed).
   * `detailed`: with the last healthcheck output (docker inspect), for reporting a failure.
   */
  containers(project: string, options?: { detailed?: boolean }): Promise<ProjectContainer[]>
  /** Only the IDs of the project's containers (one request or command instead of two). */
  containerIds(project: string): Promise<string[]>
  /** A docker command whose output is needed; fails with its stderr. */
  docker(args: string[]): Promise<string>
  /** A docker command whose failure the caller handles. */
  tryDocker(args: string[]): Promise<CommandResult>
}

export function createCompose(
  run: Runner,
  env: Record<string, string> = dockerEnvironment(),
  /** The daemon's API over its local socket, when the CLI would use that (see engine.ts). */
  engine?: Engine
): Compose {
  const tryDocker = (args: string[], options: Omit<RunOptions, 'env'> = {}) =>
    run('docker', args, { ...options, env })
  const docker = async (args: string[]): Promise<string> => {
    const result = await tryDocker(args)
    if (result.exitCode !== 0) {
      throw new ActionError(
        `docker ${args[0]} failed: ${result.stderr.trim() || `exit code ${result.exitCode}`}`
      )
    }
    return result.stdout
  }
  const containerIds = async (project: string): Promise<string[]> =>
    (
      await docker([
        'ps',
        '--all',
        '--quiet',
        '--no-trunc',
        '--filter',
        `label=${PROJECT_LABEL}=${project}`
      ])
    )
      .split('\n')
      .filter(id => id.trim() !== '')
  const compose = (target: ComposeTarget, ...args: string[]): Promise<CommandResult> => {
    const input = target.config === undefined ? undefined : Buffer.from(target.config)
    return tryDocker(composeArgs(target, ...args), { cwd: target.cwd, input })
  }
  return {
    async check() {
      let server: CommandResult
      try {
        server = await tryDocker(['version', '--format', '{{.Server.Version}}'])
      } catch (error) {
        throw new ActionError(
          `Docker is not installed on this runner (${errorMessage(error)}). Install Docker Engine on the runner host; the infrastructure boot script does this for hosts it creates.`
        )
      }
      if (server.exitCode !== 0) {
        throw new ActionError(
          `The Docker daemon is not reachable: ${firstLine(server.stderr)}. Start it (systemctl start docker) and make sure the runner's user may use it (member of the docker group), or set DOCKER_HOST.`
        )
      }
      const plugin = await tryDocker(['compose', 'version', '--short'])
      if (plugin.exitCode !== 0) {
        throw new ActionError(
          "The Docker Compose v2 plugin is missing (`docker compose version` failed). Install it: `apt-get install docker-compose-plugin` from Docker's apt repository, or put the docker-compose binary into /usr/libexec/docker/cli-plugins/ (or ~/.docker/cli-plugins/)."
        )
      }
    },
    async config(target, path) {
      const result = await compose(target, 'config', '--format', 'json')
      if (result.exitCode !== 0) {
        throw new ActionError(
          `The compose file in ${path} is not valid (docker compose config):\n${result.stderr.trim()}`
        )
      }
      return result.stdout
    },
    up(target, options) {
      const build = options.build ? ['--build'] : ['--no-build', '--pull', 'never']
      return compose(
        target,
        'up',
        '--detach',
        ...build,
        ...(options.forceRecreate ? ['--force-recreate'] : []),
        '--wait',
        '--wait-timeout',
        String(options.waitTimeoutSeconds),
        '--remove-orphans'
      )
    },
    down: target => compose(target, 'down', '--remove-orphans'),
    async containerIds(project) {
      return (await engine?.containerIds(project)) ?? containerIds(project)
    },
    async containers(project, options = {}) {
      const listed = options.detailed ? undefined : await engine?.containers(project)
      if (listed !== undefined) return listed
      const list = await containerIds(project)
      if (list.length === 0) return []
      return parseContainers(await docker(['inspect', ...list]))
    },
    docker,
    tryDocker
  }
}

export function composeArgs(target: ComposeTarget, ...args: string[]): string[] {
  const files =
    target.config === undefined ? target.files.flatMap(file => ['--file', file]) : ['--file', '-']
  const envFile = target.envFile === undefined ? [] : ['--env-file', target.envFile]
  return ['compose', '--project-name', target.project, ...files, ...envFile, ...args]
}

export interface UpOptions {
  waitTimeoutSeconds: number
  /** Build images (a deploy); false for a rollback, which must use the saved images as they are. */
  build: boolean
  /** Recreate every container, also those compose thinks unchanged. */
  forceRecreate?: boolean
}

/** One container of the project, as `docker inspect` reports it. */
export interface ProjectContainer {
  id: string
  name: string
  service: string
  /** Image ID (sha256:...) the container runs. */
  imageId: string
  /** The image reference the container was created from (e.g. `web-prod-app` or `nginx:1.27`). */
  imageRef: string
  state: string
  exitCode: number
  /** healthy | unhealthy | starting, or undefined without a healthcheck. */
  health?: string
  /** Output of the most recent healthcheck run. */
  healthOutput?: string
}

const PROJECT_LABEL = 'com.docker.compose.project'
const SERVICE_LABEL = 'com.docker.compose.service'

function parseContainers(json: string): ProjectContainer[] {
  return (JSON.parse(json) as InspectedContainer[])
    .map(c => {
      const log = c.State.Health?.Log ?? []
      return {
        id: c.Id,
        name: c.Name.replace(/^\//, ''),
        service: c.Config.Labels?.[SERVICE_LABEL] ?? '',
        imageId: c.Image,
        imageRef: c.Config.Image,
        state: c.State.Status,
        exitCode: c.State.ExitCode,
        health: c.State.Health?.Status,
        healthOutput: log[log.length - 1]?.Output
      }
    })
    .sort((a, b) => compareNames(a.name, b.name))
}

interface InspectedContainer {
  Id: string
  Name: string
  Image: string
  Config: { Image: string; Labels?: Record<string, string> }
  State: {
    Status: string
    ExitCode: number
    Health?: { Status: string; Log?: { Output: string }[] }
  }
}

export function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? ''
}

/** The last meaningful line of compose's output, usually the error (e.g. `container x is unhealthy`). */
export function lastLine(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .filter(l => l.trim() !== '')
  return lines[lines.length - 1]?.trim() ?? ''
}
