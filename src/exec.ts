import { spawn } from 'node:child_process'
import { constants } from 'node:os'

export interface CommandResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  env?: Record<string, string>
  input?: Buffer
}

/**
 * Runs a program with an argument array (never a shell string); the seam tests replace. Output is
 * captured, not echoed: callers show it (deploy prints compose's output in a log group).
 */
export type Runner = (
  command: string,
  args: string[],
  options?: RunOptions
) => Promise<CommandResult>

/** The program could not be started: not on PATH (or not executable). */
export class CommandNotFoundError extends Error {
  constructor(
    readonly command: string,
    reason: string
  ) {
    super(`Cannot run ${command}: ${reason}`)
    this.name = 'CommandNotFoundError'
  }
}

// After the program exits, how long a grandchild that inherited its stdout may keep it open.
const DRAIN_MS = 10_000

/**
 * The real Runner: node's spawn, output collected as raw chunks and decoded once at the end (a
 * multi-byte character split across chunks stays whole; no per-line work on large outputs).
 */
export const runCommand: Runner = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: 'pipe'
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    let drain: NodeJS.Timeout | undefined
    child.on('exit', () => {
      drain = setTimeout(() => {
        child.stdout.destroy()
        child.stderr.destroy()
      }, DRAIN_MS)
      drain.unref()
    })
    child.on('error', error => {
      clearTimeout(drain)
      const code = (error as NodeJS.ErrnoException).code
      reject(
        code === 'ENOENT' || code === 'EACCES'
          ? new CommandNotFoundError(
              command,
              code === 'ENOENT' ? 'not found on PATH' : 'not executable'
            )
          : error
      )
    })
    child.on('close', (code, signal) => {
      clearTimeout(drain)
      resolve({
        exitCode: code ?? 128 + (signal ? constants.signals[signal] : 0),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    })
    // A program that exits without reading its input is judged by its exit code, not EPIPE.
    child.stdin.on('error', () => undefined)
    // Without input, stdin is at its end at once: nothing can wait for a keyboard.
    child.stdin.end(options.input)
  })
