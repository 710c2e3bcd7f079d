import { type Runner, spawnCommand } from '../exec.js'

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
  // Output as buffers, start errors named (a missing program or working directory), like every
  // command; detached: the child leads a new session and process group, so a signal sent to the
  // group reaches docker, its compose plugin and their builders, and nothing else.
  const run: Runner = async (command, args, options = {}) => {
    let pid: number | undefined
    try {
      return await spawnCommand(command, args, options, {
        detached: true,
        onStart: started => {
          pid = started
          groups.add(started)
          changed()
        }
      })
    } finally {
      if (pid !== undefined && groups.delete(pid)) changed()
    }
  }
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
