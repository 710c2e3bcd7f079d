import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { ActionError } from '../errors.js'
import { signalGroup } from './processes.js'

/**
 * A per-deployment lock on the runner host, so two jobs never interleave their deploys.
 *
 * - Atomic: taking it is one `mkdir`, which exactly one process wins.
 * - Released on exit: the holder removes it in `finally` and, as a backstop, on process exit.
 * - Stale-lock safe: the folder holds owner.json (host, pid, the pid's start time, and the process
 *   groups of the commands it runs); a lock whose process is gone (or whose pid now belongs to a
 *   process started later) and none of whose command groups lives is taken over. A `docker
 *   compose` left behind by a killed job still holds the lock until it ends. A lock
 *   without owner.json (its holder died between mkdir and writing it) is stale after a grace time.
 *   Taking over happens under a second mkdir lock, so two waiters never both break the same lock.
 */
export interface LockOwner {
  host: string
  pid: number
  /** Process start time from /proc/<pid>/stat (clock ticks since boot), guards against pid reuse. */
  start?: string
  /** Process groups of the commands the owner runs now (see processes.ts). */
  groups?: number[]
}

export interface LockOptions {
  timeoutMs: number
  pollMs?: number
  /** How long a lock folder without owner.json counts as being created. */
  graceMs?: number
  owner?: LockOwner
  isAlive?: (owner: LockOwner) => boolean
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  onWait?: (owner: LockOwner | undefined) => void
  /** A cancelled job stops waiting. */
  signal?: AbortSignal
}

/** Releases the lock; `track` records the owner's live command groups in it. */
export type ReleaseLock = (() => void) & { track(groups: number[]): void }

export async function acquireLock(lockDir: string, options: LockOptions): Promise<ReleaseLock> {
  const owner = options.owner ?? currentOwner()
  const isAlive = options.isAlive ?? ownerIsAlive
  const sleep = options.sleep ?? ((ms: number) => wakeableSleep(ms, options.signal))
  const now = options.now ?? Date.now
  const graceMs = options.graceMs ?? 30_000
  const deadline = now() + options.timeoutMs
  mkdirSync(dirname(lockDir), { recursive: true, mode: 0o700 })
  let waited = false
  for (;;) {
    if (tryCreate(lockDir, owner)) return releaser(lockDir, owner)
    const holder = readOwner(lockDir)
    if (isStale(lockDir, holder, isAlive, now(), graceMs)) {
      breakStale(lockDir, holder, isAlive, now, graceMs)
      continue
    }
    if (options.signal?.aborted) {
      throw new ActionError(
        `The job was cancelled while waiting for another job${holder ? ` (pid ${holder.pid})` : ''} to release the deploy lock ${lockDir}; nothing was changed.`
      )
    }
    if (now() >= deadline) {
      throw new ActionError(
        `Another job holds the deploy lock ${lockDir}${holder ? ` (pid ${holder.pid} on ${holder.host})` : ''} and did not release it within ${Math.round(options.timeoutMs / 1000)} s. If no deploy is running, delete that folder.`
      )
    }
    if (!waited) options.onWait?.(holder)
    waited = true
    await sleep(options.pollMs ?? 1000)
  }
}

function wakeableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>(resolve => {
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done)
  })
}

function tryCreate(lockDir: string, owner: LockOwner): boolean {
  try {
    mkdirSync(lockDir, { mode: 0o700 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  writeFileSync(join(lockDir, 'owner.json'), JSON.stringify(owner))
  return true
}

function releaser(lockDir: string, owner: LockOwner): ReleaseLock {
  let released = false
  const track = (groups: number[]): void => {
    if (released) return
    // Replaced atomically, so a waiter never reads half an owner.
    const temp = join(lockDir, `owner.json.${process.pid}.tmp`)
    writeFileSync(temp, JSON.stringify({ ...owner, groups }))
    renameSync(temp, join(lockDir, 'owner.json'))
  }
  const release = (): void => {
    if (released) return
    released = true
    process.removeListener('exit', release)
    // Only remove the lock if it is still ours (it is, unless someone wrongly broke it).
    const holder = readOwner(lockDir)
    if (
      holder &&
      holder.pid === owner.pid &&
      holder.host === owner.host &&
      holder.start === owner.start
    ) {
      rmSync(lockDir, { recursive: true, force: true })
    }
  }
  process.once('exit', release)
  return Object.assign(release, { track })
}

export function readOwner(lockDir: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8')) as LockOwner
  } catch {
    return undefined
  }
}

function isStale(
  lockDir: string,
  holder: LockOwner | undefined,
  isAlive: (owner: LockOwner) => boolean,
  now: number,
  graceMs: number
): boolean {
  if (holder) return holder.host === hostname() && !isAlive(holder)
  try {
    return now - statSync(lockDir).mtimeMs > graceMs
  } catch {
    return false // gone meanwhile: the next mkdir decides
  }
}

/** Removes a stale lock, under a short-lived guard lock so a fresh lock is never removed. */
function breakStale(
  lockDir: string,
  holder: LockOwner | undefined,
  isAlive: (owner: LockOwner) => boolean,
  now: () => number,
  graceMs: number
): void {
  const guard = `${lockDir}.breaking`
  try {
    mkdirSync(guard)
  } catch {
    // Someone else is breaking it; a guard left by a crashed breaker expires after the grace time.
    try {
      if (now() - statSync(guard).mtimeMs > graceMs) rmSync(guard, { recursive: true, force: true })
    } catch {
      /* gone meanwhile */
    }
    return
  }
  try {
    const again = readOwner(lockDir)
    const same = JSON.stringify(again) === JSON.stringify(holder)
    if (same && isStale(lockDir, again, isAlive, now(), graceMs)) {
      const doomed = `${lockDir}.stale-${process.pid}-${now()}`
      renameSync(lockDir, doomed)
      rmSync(doomed, { recursive: true, force: true })
    }
  } catch {
    /* the lock vanished meanwhile: the next mkdir decides */
  } finally {
    rmSync(guard, { recursive: true, force: true })
  }
}

export function currentOwner(): LockOwner {
  return { host: hostname(), pid: process.pid, start: processStart(process.pid) }
}

function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces and parentheses); starttime is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

/** The owner's process lives, or one of the command groups it recorded does. */
export function ownerIsAlive(owner: LockOwner): boolean {
  return processIsAlive(owner) || (owner.groups ?? []).some(group => signalGroup(group, 0))
}

function processIsAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const start = processStart(owner.pid)
  return owner.start === undefined || start === undefined || start === owner.start
}

/**
 * Stops what a dead owner left running: its command groups get SIGTERM, then SIGKILL after
 * graceMs. Only for an owner whose own process is gone (a killed job); returns whether any lived.
 */
export async function stopLeftovers(
  owner: LockOwner | undefined,
  graceMs = 3000,
  sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms))
): Promise<boolean> {
  if (!owner || owner.host !== hostname() || processIsAlive(owner)) return false
  const live = (owner.groups ?? []).filter(group => signalGroup(group, 'SIGTERM'))
  for (let waited = 0; waited < graceMs && live.some(g => signalGroup(g, 0)); waited += 100) {
    await sleep(100)
  }
  for (const group of live) signalGroup(group, 'SIGKILL')
  return live.length > 0
}
