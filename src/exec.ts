import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  unlinkSync,
  writeSync
} from 'node:fs'
import { constants, tmpdir } from 'node:os'
import type { Socket } from 'node:net'
import { join } from 'node:path'

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

const exitCode = (code: number | null, signal: NodeJS.Signals | null) =>
  code ?? 128 + (signal ? constants.signals[signal] : 0)

function startError(command: string, error: Error, cwd: string | undefined): Error {
  const code = (error as NodeJS.ErrnoException).code
  // spawn says ENOENT for a missing working directory too: that is not the program's absence.
  if (code === 'ENOENT' && cwd !== undefined && !existsSync(cwd))
    return new Error(`Cannot run ${command} in ${cwd}: that folder does not exist`)
  return code === 'ENOENT' || code === 'EACCES'
    ? new CommandNotFoundError(command, code === 'ENOENT' ? 'not found on PATH' : 'not executable')
    : error
}

// After the program exits, how long a grandchild that inherited its stdout may keep it open.
const DRAIN_MS = 10_000

/**
 * The real Runner: node's spawn, output collected as raw chunks and decoded once at the end (a
 * multi-byte character split across chunks stays whole; no per-line work on large outputs).
 */
export const runCommand: Runner = (command, args, options) => spawnCommand(command, args, options)

/** How deploy starts its commands: each in a process group of its own, which it tracks. */
export interface GroupHooks {
  /** Start the program as the leader of a new process group (and session). */
  detached?: boolean
  /** Called with the program's process ID (its group ID when detached) once it started. */
  onStart?: (pid: number) => void
}

/** runCommand, with the hooks deploy's process groups need. */
export function spawnCommand(
  command: string,
  args: string[],
  options: RunOptions = {},
  hooks: GroupHooks = {}
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: hooks.detached ?? false,
      // Without input, stdin is /dev/null: at its end at once, nothing can wait for a keyboard.
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    if (child.pid !== undefined) hooks.onStart?.(child.pid)
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk))
    let drain: NodeJS.Timeout | undefined
    child.on('exit', () => {
      drain = setTimeout(() => {
        child.stdout?.destroy()
        child.stderr?.destroy()
      }, DRAIN_MS)
      drain.unref()
    })
    child.on('error', error => {
      clearTimeout(drain)
      reject(startError(command, error, options.cwd))
    })
    child.on('close', (code, signal) => {
      clearTimeout(drain)
      resolve({
        exitCode: exitCode(code, signal),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    })
    // A program that exits without reading its input is judged by its exit code, not EPIPE.
    child.stdin?.on('error', () => undefined)
    child.stdin?.end(options.input)
  })
}

/**
 * The same, blocking until the program ends: node's spawnSync gathers the output in native
 * buffers, without the streams spawn sets up (about 1.5 ms less CPU per process). For plan's short
 * git commands, run one after another; deploy's long ones keep runCommand, which leaves the event
 * loop free for signals.
 */
export const runCommandSync: Runner = async (command, args, options = {}) => {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env,
    input: options.input ?? '',
    maxBuffer: MAX_OUTPUT
  })
  if (result.error) throw startError(command, result.error, options.cwd)
  return {
    exitCode: exitCode(result.status, result.signal),
    stdout: result.stdout.toString('utf8'),
    stderr: result.stderr.toString('utf8')
  }
}

/**
 * Like runCommand, for a program that runs while the caller works on: its input comes from, and
 * its output goes to, unnamed temporary files (created 0600 and unlinked at once, so nothing is
 * left behind, even if the process is killed); the output is read when it exits. Unlike pipes,
 * files need no streams: the first spawn with pipes costs a few ms of set-up, about the time plan
 * wins by running git alongside.
 */
export const runCommandInBackground: Runner = (command, args, options = {}) => {
  const { input } = options
  if (input === undefined) return spawnToFiles(command, args, options, 'ignore').ended
  const stdin = unnamedFile()
  // Written at offset 0 without moving the file's offset: the program reads it from the start.
  writeSync(stdin, input, 0, input.length, 0)
  const { ended } = spawnToFiles(command, args, options, stdin)
  return ended.finally(() => closeSync(stdin))
}

/** A program already running that waits for its input (startCommand). */
export type StartedCommand = (input: Buffer) => Promise<CommandResult>

/**
 * Starts a program now and gives it its input later, through a pipe: for a short command whose
 * input is known only after other work, so that the program has started up by then. Output as
 * runCommandInBackground. Until it has its input, nothing of this process waits for it: given
 * none, it reads end-of-input when this process exits, and ends.
 */
export function startCommand(
  command: string,
  args: string[],
  options: Omit<RunOptions, 'input'> = {}
): StartedCommand {
  const { child, ended } = spawnToFiles(command, args, options, 'pipe')
  // A pipe is a socket, which can be left out of what keeps this process running.
  const stdin = child.stdin as Socket
  // A program that exits without reading its input is judged by its exit code, not EPIPE.
  stdin.on('error', () => undefined)
  child.unref()
  stdin.unref()
  // Never given its input, its failure to start is nobody's error.
  ended.catch(() => undefined)
  return input => {
    child.ref()
    stdin.end(input)
    return ended
  }
}

/** Starts a program whose output goes to two unnamed files, read when it has exited. */
function spawnToFiles(
  command: string,
  args: string[],
  options: RunOptions,
  stdin: 'ignore' | 'pipe' | number
): { child: ChildProcess; ended: Promise<CommandResult> } {
  const stdout = unnamedFile()
  const stderr = unnamedFile()
  const done = () => {
    closeSync(stdout)
    closeSync(stderr)
  }
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: [stdin, stdout, stderr]
  })
  const ended = new Promise<CommandResult>((resolve, reject) => {
    child.on('error', error => {
      done()
      reject(startError(command, error, options.cwd))
    })
    child.on('exit', (code, signal) => {
      const result = {
        exitCode: exitCode(code, signal),
        stdout: readWhole(stdout),
        stderr: readWhole(stderr)
      }
      done()
      resolve(result)
    })
  })
  return { child, ended }
}

function unnamedFile(): number {
  const path = join(
    tmpdir(),
    `launch-service-${process.pid}-${Math.random().toString(36).slice(2)}`
  )
  const fd = openSync(path, 'wx+', 0o600)
  unlinkSync(path)
  return fd
}

/** From the start: the program moved the shared file offset to the end. */
function readWhole(fd: number): string {
  const buffer = Buffer.alloc(fstatSync(fd).size)
  let at = 0
  while (at < buffer.length) {
    const read = readSync(fd, buffer, at, buffer.length - at, at)
    if (read === 0) break
    at += read
  }
  return buffer.toString('utf8', 0, at)
}

// spawnSync's default limit is 1 MiB; a recursive listing of a large repository is more.
const MAX_OUTPUT = 1024 ** 3
