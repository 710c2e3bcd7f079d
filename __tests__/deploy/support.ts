import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CommandResult, RunOptions, Runner } from '../../src/exec.js'
import { REPO_ROOT } from '../helpers/action.js'

export const FIXTURES = join(REPO_ROOT, '__tests__', 'fixtures', 'deploy')

export type Answer = Partial<CommandResult> | Error
/**
 * A Runner that answers from a script (first key the command line contains wins), recording
 * every call: its command line in calls, its options in options (same index).
 */
export function scriptedRunner(
  answers: Record<string, Answer | (() => Answer)>
): Runner & { calls: string[]; options: RunOptions[] } {
  const calls: string[] = []
  const options: RunOptions[] = []
  const runner = async (
    command: string,
    args: string[],
    runOptions: RunOptions = {}
  ): Promise<CommandResult> => {
    const line = [command, ...args].join(' ')
    calls.push(line)
    options.push(runOptions)
    const key = Object.keys(answers).find(k => line.includes(k))
    const scripted = key === undefined ? {} : answers[key]
    const answer = typeof scripted === 'function' ? scripted() : scripted
    if (answer instanceof Error) throw answer
    return { exitCode: 0, stdout: '', stderr: '', ...answer }
  }
  return Object.assign(runner, { calls, options })
}

/** A unique compose project / deployment name for one test file. */
export function uniqueName(prefix = 'ls-test'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`
}

/** A workspace with the fixture service copied to services/<service>, and a state root. */
export function makeWorkspace(
  service = 'web',
  fixture = 'web'
): { workspace: string; serviceDir: string; stateRoot: string } {
  const root = mkdtempSync(join(tmpdir(), 'ls-deploy-'))
  const workspace = join(root, 'repo')
  const serviceDir = join(workspace, 'services', service)
  mkdirSync(join(workspace, 'services'), { recursive: true })
  cpSync(join(FIXTURES, fixture), serviceDir, { recursive: true })
  return { workspace, serviceDir, stateRoot: join(root, 'state') }
}

/** A port that is free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Full IDs of the project's containers, sorted. */
export function containerIds(project: string): string[] {
  return docker(
    'ps',
    '--all',
    '--quiet',
    '--no-trunc',
    '--filter',
    `label=com.docker.compose.project=${project}`
  )
    .split('\n')
    .filter(Boolean)
    .sort()
}

/** The environment of a container's PID 1, exactly (NUL-separated in /proc, so multi-line safe). */
export function containerEnv(containerId: string): Record<string, string> {
  const raw = execFileSync('docker', ['exec', containerId, 'cat', '/proc/1/environ'], {
    encoding: 'utf8'
  })
  const env: Record<string, string> = {}
  for (const entry of raw.split('\0')) {
    const eq = entry.indexOf('=')
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1)
  }
  return env
}

export async function httpGet(port: number, path = '/'): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`)
  return { status: response.status, body: await response.text() }
}

/** Everything a user could see, minus the `::add-mask::` commands the runner consumes (never shown). */
export function visibleOutput(everything: string): string {
  return everything
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
}

/** Removes a project's containers, networks, built images and rollback tags. */
export function removeProject(project: string): void {
  const quiet = (...args: string[]): void => {
    try {
      docker(...args)
    } catch {
      /* already gone */
    }
  }
  const list = (...args: string[]): string[] => [
    ...new Set(
      docker(...args)
        .split('\n')
        .filter(Boolean)
    )
  ]
  const containers = containerIds(project)
  if (containers.length > 0) quiet('rm', '--force', '--volumes', ...containers)
  const networks = list(
    'network',
    'ls',
    '--quiet',
    '--filter',
    `label=com.docker.compose.project=${project}`
  )
  if (networks.length > 0) quiet('network', 'rm', ...networks)
  const tags = list(
    'image',
    'ls',
    '--format',
    '{{.Repository}}:{{.Tag}}',
    `launch-service-rollback/${project}`
  )
  if (tags.length > 0) quiet('image', 'rm', ...tags)
  const images = list(
    'image',
    'ls',
    '--all',
    '--quiet',
    '--filter',
    `label=com.docker.compose.project=${project}`
  )
  if (images.length > 0) quiet('image', 'rm', '--force', ...images)
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true })
}
