import { spawn } from 'node:child_process'
import type { CommandResult, Runner } from '../exec.js'

/**
 * Runs deploy's docker commands each in a process group of its own, and keeps track of the
 * groups that live. A cancelled job must stop its `docker compose` children (which would
 * otherwise go on building and tagging after the job is gone), and the lock must cover them:
 * the groups are written into the lock, which is not taken over while any of them lives.
 */
export interface ProcessGroups {
  run: Runner
  /** Process group IDs of the commands running now. */
  live(): number[]
  /** Called with the live groups whenever one starts or ends. */
  onChange(listener: (groups: number[]) => void): void
  /** Sends a signal to every live group (each command and whatever it started). */
  signalAll(signal: NodeJS.Signals): void
}

export function createProcessGroups(): ProcessGroups {
  const groups = new Set<number>()
  const listeners: ((groups: number[]) => void)[] = []
  const changed = (): void => {
    for (const listener of listeners) listener([...groups])
  }
  const run: Runner = (command, args, options = {}) =>
    new Promise<CommandResult>((resolve, reject) => {
      // detached: the child leads a new session and process group, so a signal sent to the group
      // reaches docker, its compose plugin and their builders, and nothing else.
      const child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env,
        detached: true,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
      })
      const out: Buffer[] = []
      const err: Buffer[] = []
      child.stdout?.on('data', (d: Buffer) => out.push(d))
      child.stderr?.on('data', (d: Buffer) => err.push(d))
      if (options.input !== undefined) child.stdin?.end(options.input)
      child.stdin?.on('error', () => undefined) // the command may exit before reading it all
      const pid = child.pid
      if (pid !== undefined) {
        groups.add(pid)
        changed()
      }
      const done = (): void => {
        if (pid !== undefined && groups.delete(pid)) changed()
      }
      child.once('error', error => {
        done()
        reject(error)
      })
      child.once('close', (code, signal) => {
        done()
        resolve({
          exitCode: code ?? 128 + signalNumber(signal),
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8')
        })
      })
    })
  return {
    run,
    live: () => [...groups],
    onChange: listener => listeners.push(listener),
    signalAll: signal => {
      for (const group of groups) signalGroup(group, signal)
    }
  }
}

/** Sends a signal to a process group; false when no process of it lives. */
export function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-group, signal)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === 'SIGKILL' ? 9 : signal === 'SIGINT' ? 2 : 15
}
