import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { compareNames } from '../names.js'
import type { ProjectContainer } from './compose.js'

/**
 * The Docker daemon's own API, for the one read a deploy repeats: listing the project's
 * containers (`GET /containers/json` has each one's image ID, state and labels), one request
 * instead of starting `docker ps` and `docker inspect`. Used only where the docker CLI would use a
 * local unix socket as it is; everything else (a context, tcp, ssh, TLS) goes through the CLI.
 */
export interface Engine {
  /** The project's containers, or undefined when the answer cannot be used as is (then: the CLI). */
  containers(project: string): Promise<ProjectContainer[] | undefined>
  /** Only their IDs (any image), or undefined when the daemon did not answer (then: the CLI). */
  containerIds(project: string): Promise<string[] | undefined>
}

/**
 * The socket the CLI would talk to, or undefined when it would use something else: DOCKER_HOST
 * wins (unix:// only), then DOCKER_CONTEXT, then the config's currentContext (only "default").
 */
export function engineSocket(env: Record<string, string | undefined>): string | undefined {
  const host = env.DOCKER_HOST?.trim()
  if (host) return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined
  const context = env.DOCKER_CONTEXT?.trim()
  if (context && context !== 'default') return undefined
  if (!context) {
    const config = join(env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'), 'config.json')
    try {
      const current = (JSON.parse(readFileSync(config, 'utf8')) as { currentContext?: string })
        .currentContext
      if (current && current !== 'default') return undefined
    } catch {
      /* no config: the default context */
    }
  }
  return '/var/run/docker.sock'
}

export function createEngine(socketPath: string, timeoutMs = 10_000): Engine {
  /** `docker ps --all --filter label=com.docker.compose.project=<project>`, or undefined. */
  const list = async (project: string): Promise<Listed[] | undefined> => {
    const filters = JSON.stringify({ label: [`com.docker.compose.project=${project}`] })
    const path = `/containers/json?all=1&filters=${encodeURIComponent(filters)}`
    try {
      return JSON.parse(await get(socketPath, path, timeoutMs)) as Listed[]
    } catch {
      return undefined
    }
  }
  return {
    async containerIds(project) {
      return (await list(project))?.map(c => c.Id)
    },
    async containers(project) {
      const listed = await list(project)
      if (listed === undefined) return undefined
      const containers = listed.map(toContainer)
      return containers.every(c => c !== undefined)
        ? containers.sort((a, b) => compareNames(a.name, b.name))
        : undefined
    }
  }
}

interface Listed {
  Id: string
  Names?: string[]
  Image: string
  ImageID: string
  Labels?: Record<string, string>
  State: string
  Status?: string
}

/**
 * Health and exit code are only in the Status text before API 1.52 ("Up 3 seconds (healthy)",
 * "Exited (1) 2 seconds ago"). A container whose image name now points elsewhere is listed by
 * image ID instead of its name: that one needs `docker inspect` (undefined).
 */
function toContainer(c: Listed): ProjectContainer | undefined {
  const status = c.Status ?? ''
  if (c.Image.startsWith('sha256:') || c.ImageID.replace(/^sha256:/, '').startsWith(c.Image)) {
    return undefined
  }
  const health = /\((healthy|unhealthy|health: starting)\)/.exec(status)?.[1]
  return {
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''),
    service: c.Labels?.['com.docker.compose.service'] ?? '',
    imageId: c.ImageID,
    imageRef: c.Image,
    state: c.State,
    exitCode: Number(/^Exited \((\d+)\)/.exec(status)?.[1] ?? 0),
    health: health === 'health: starting' ? 'starting' : health
  }
}

function get(socketPath: string, path: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: 'GET', timeout: timeoutMs }, res => {
      const chunks: Buffer[] = []
      res.on('data', (d: Buffer) => chunks.push(d))
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(Buffer.concat(chunks).toString('utf8'))
          : reject(new Error(`HTTP ${res.statusCode}`))
      )
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end()
  })
}
