import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CommandResult, RunOptions, Runner } from '../../src/exec.js'
import { REPO_ROOT, runAction, type ActionOptions, type ActionRun } from '../helpers/action.js'

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

export interface Workspace {
  /** The temporary folder that holds the workspace and the state root. */
  root: string
  /** GITHUB_WORKSPACE. */
  workspace: string
  /** The service folder, as the `path` input names it: services/<service>. */
  path: string
  serviceDir: string
  /** LAUNCH_SERVICE_STATE_DIR. */
  stateRoot: string
}

/** A workspace with the fixture service copied to services/<service>, and a state root. */
export function makeWorkspace(service = 'web', fixture = 'web'): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'ls-deploy-'))
  const workspace = join(root, 'repo')
  const path = `services/${service}`
  const serviceDir = join(workspace, path)
  mkdirSync(join(workspace, 'services'), { recursive: true })
  cpSync(join(FIXTURES, fixture), serviceDir, { recursive: true })
  return { root, workspace, path, serviceDir, stateRoot: join(root, 'state') }
}

/**
 * One deployment of a fixture service, as a test file deploys it: its own workspace and state
 * root, a unique name (its compose project), a port free when it was made, and a canary to put in
 * its secrets (cnry + the name's random part), so that any leak of them can be searched for.
 */
export interface TestDeployment extends Workspace {
  deployment: string
  canary: string
  port: number
}

export async function testDeployment(service = 'web', fixture = 'web'): Promise<TestDeployment> {
  const deployment = uniqueName()
  return {
    deployment,
    canary: `cnry${deployment.slice(-8)}`,
    port: await freePort(),
    ...makeWorkspace(service, fixture)
  }
}

/** Removes the deployment's containers, networks and images, its workspace and its state. */
export function removeTestDeployment(d: TestDeployment): void {
  removeProject(d.deployment)
  removeDir(d.root)
}

export interface StepOptions {
  /** The `secrets` input: an object (sent as JSON) or the input's exact text. */
  secrets?: Record<string, string> | string
  /** The `vars` input, sent as JSON. */
  vars?: Record<string, string>
  /** Any other inputs (`wait-timeout`, `health-url`, …); these win over the ones set here. */
  inputs?: Record<string, string>
  /** More of the step's environment, after LAUNCH_SERVICE_STATE_DIR. */
  env?: Record<string, string>
  state?: ActionOptions['state']
  onSpawn?: ActionOptions['onSpawn']
}

/**
 * Runs the bundled action's `command` for the deployment as its job does: inputs `command`,
 * `deployment` and `path`, the workspace, and the deployment's state root.
 */
export async function runStep(
  d: Pick<TestDeployment, 'deployment' | 'path' | 'workspace' | 'stateRoot'>,
  command: 'deploy' | 'remove',
  options: StepOptions = {}
): Promise<ActionRun> {
  const { secrets, vars } = options
  return runAction({
    inputs: {
      command,
      deployment: d.deployment,
      path: d.path,
      ...(secrets === undefined
        ? {}
        : { secrets: typeof secrets === 'string' ? secrets : JSON.stringify(secrets) }),
      ...(vars === undefined ? {} : { vars: JSON.stringify(vars) }),
      ...options.inputs
    },
    workspace: d.workspace,
    env: { LAUNCH_SERVICE_STATE_DIR: d.stateRoot, ...options.env },
    state: options.state,
    onSpawn: options.onSpawn
  })
}

/**
 * Puts the service folder in a known state, whatever an earlier (maybe failed) test left: the page
 * it serves, and its compose file and Dockerfile copied from the fixtures (the web fixture's unless
 * named).
 */
export function setServiceVersion(
  serviceDir: string,
  version: { page: string; compose?: string; dockerfile?: string }
): void {
  writeFileSync(join(serviceDir, 'www', 'index.html'), version.page)
  const fixture = (file: string): string => join(FIXTURES, file)
  copyFileSync(fixture(version.compose ?? 'web/compose.yaml'), join(serviceDir, 'compose.yaml'))
  copyFileSync(fixture(version.dockerfile ?? 'web/Dockerfile'), join(serviceDir, 'Dockerfile'))
}

/** Fails, with everything the step wrote, unless its `status` output is `status`. */
export function expectStatus(run: ActionRun, status: string): void {
  if (run.outputs.status !== status)
    throw new Error(`expected ${status}, got ${run.outputs.status}:\n${run.everything}`)
}

/** Fails when the canary shows anywhere a user could see the step's output. */
export function expectNoLeak(run: ActionRun, canary: string): void {
  expect(visibleOutput(run.everything)).not.toContain(canary)
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
