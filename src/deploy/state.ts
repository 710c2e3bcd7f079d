import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync
} from 'node:fs'
import { homedir } from 'node:os'
import { basename, join } from 'node:path'
import { ActionError, errorMessage } from '../errors.js'
import { readIfExists, writeNewFile } from './env-file.js'

/**
 * What the runner keeps between jobs, per deployment (all 0600 in 0700 folders, because the
 * resolved compose config and the .env copy hold secret values):
 *
 *   <root>/<deployment>.lock/   the lock (see lock.ts), beside the state so removing state never races it
 *   <root>/<deployment>.pending.json   written when a deploy starts switching over, removed when it
 *                  ended (deployed, or back on the last good version): one left behind means the
 *                  deploy was interrupted, and the post step or the next deploy finishes it
 *   <root>/<deployment>         a symlink to <deployment>.state-XXXXXX/, the current version, which holds:
 *     compose.json   `docker compose config --format json` of the last good deploy
 *     env            the .env of the last good deploy
 *     record.json    the images it ran (kept alive by launch-service-rollback/<deployment> tags) and
 *                    the names of the keys that came from secrets
 *
 * The three files belong together, so they are replaced together: writeLastGood fills a new
 * version folder and renames a symlink over <deployment>, one atomic step (a folder cannot be
 * renamed over a non-empty one). Deployment names have no '.', so <deployment>.state-* never
 * belongs to another deployment.
 *
 * root is $LAUNCH_SERVICE_STATE_DIR, or ~/.launch-service of the runner's user: it outlives the
 * job's workspace, which a checkout may clean.
 */
export function stateRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAUNCH_SERVICE_STATE_DIR?.trim() || join(homedir(), '.launch-service')
}

/**
 * How long deploy and remove wait for another job's lock on the same deployment:
 * $LAUNCH_SERVICE_LOCK_TIMEOUT seconds, default 15 minutes.
 */
export function lockTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.LAUNCH_SERVICE_LOCK_TIMEOUT)
  return Number.isFinite(seconds) && seconds >= 0 && env.LAUNCH_SERVICE_LOCK_TIMEOUT?.trim()
    ? seconds * 1000
    : 15 * 60_000
}

export interface StatePaths {
  root: string
  /** The symlink to the current version folder (a plain folder when written by an older version). */
  dir: string
  config: string
  env: string
  record: string
  lock: string
  pending: string
}

export function statePaths(root: string, deployment: string): StatePaths {
  const dir = join(root, deployment)
  return {
    root,
    dir,
    config: join(dir, 'compose.json'),
    env: join(dir, 'env'),
    record: join(dir, 'record.json'),
    lock: join(root, `${deployment}.lock`),
    pending: join(root, `${deployment}.pending.json`)
  }
}

/** Where an interrupted deploy ran: what finishing it needs besides the saved state. */
export interface Pending {
  pid: number
  /** The service folder (compose's working directory). */
  cwd: string
  envFile: string
  started: string
  /** Nothing ran before it: finishing it removes what it started. */
  firstDeploy: boolean
}

export function writePending(paths: StatePaths, pending: Pending): void {
  mkdirSync(paths.root, { recursive: true, mode: 0o700 })
  rmSync(paths.pending, { force: true })
  writeNewFile(paths.pending, JSON.stringify(pending))
}

/** The marker of an interrupted deploy, or undefined; a damaged marker still counts as one. */
export function readPending(paths: StatePaths): Pending | undefined {
  const text = readIfExists(paths.pending)
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as Pending
  } catch {
    return { pid: 0, cwd: paths.root, envFile: '', started: '', firstDeploy: false }
  }
}

export function clearPending(paths: StatePaths): void {
  rmSync(paths.pending, { force: true })
}

/** An image a service ran in the last good deploy. */
export interface SavedImage {
  service: string
  imageId: string
  /** The reference compose creates the container from; rollback points it back at imageId. */
  imageRef: string
  /** Our own tag that keeps imageId from being untagged or pruned by the next build. */
  tag: string
}

export interface LastGood {
  config: string
  env: string
  images: SavedImage[]
  /** The .env keys whose values came from secrets (masked in later runs; vars and defaults are not). */
  keys: string[]
}

/**
 * The last good deploy, or undefined when there is none. A record that cannot be read is an
 * error, not "no last good deploy": that would silently drop the rollback target and treat the
 * running containers as started another way.
 */
export function readLastGood(paths: StatePaths): LastGood | undefined {
  const dir = currentFolder(paths)
  if (dir === undefined) return undefined
  const config = readIfExists(join(dir, CONFIG))
  const record = readIfExists(join(dir, RECORD))
  if (config === undefined || record === undefined) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(record)
  } catch (error) {
    throw damaged(paths, `is not valid JSON (${errorMessage(error)})`)
  }
  if (!isRecord(parsed)) throw damaged(paths, 'does not hold a list of images and keys')
  return {
    config,
    env: readIfExists(join(dir, ENV)) ?? '',
    images: parsed.images,
    keys: parsed.keys
  }
}

/**
 * Replaces the saved state as a whole: the three files go into a new version folder (0700, files
 * 0600), then a symlink to it is renamed over <deployment>. A failure before that rename leaves
 * the previous state exactly as it was; old version folders are removed after it.
 */
export function writeLastGood(paths: StatePaths, lastGood: LastGood): void {
  const record = { images: lastGood.images, keys: lastGood.keys }
  if (!isRecord(record)) {
    throw new ActionError(
      'Cannot save the deploy: docker inspect gave an image without an ID or name.'
    )
  }
  mkdirSync(paths.root, { recursive: true, mode: 0o700 })
  const next = mkdtempSync(`${paths.dir}${VERSION}`) // mode 0700
  const link = `${next}.link`
  let aside: string | undefined
  try {
    writeNewFile(join(next, CONFIG), lastGood.config)
    writeNewFile(join(next, ENV), lastGood.env)
    writeNewFile(join(next, RECORD), `${JSON.stringify(record, null, 2)}\n`)
    symlinkSync(basename(next), link)
    if (lstatOrUndefined(paths.dir)?.isDirectory()) {
      // State written by an older version is a plain folder: move it aside first (not atomic,
      // once per deployment).
      aside = `${next}.previous`
      renameSync(paths.dir, aside)
    }
    renameSync(link, paths.dir)
  } catch (error) {
    if (aside !== undefined) renameSync(aside, paths.dir)
    rmSync(link, { force: true })
    rmSync(next, { recursive: true, force: true })
    throw error
  }
  fsyncPath(paths.root)
  removeVersions(paths, basename(next))
}

/** Deletes the saved state: the symlink first (from then on there is none), then the folders. */
export function deleteState(paths: StatePaths): void {
  rmSync(paths.dir, { recursive: true, force: true })
  removeVersions(paths)
}

const CONFIG = 'compose.json'
const ENV = 'env'
const RECORD = 'record.json'
const VERSION = '.state-'

/** The folder the state is read from: the symlink's target, or a plain folder of an older version. */
function currentFolder(paths: StatePaths): string | undefined {
  try {
    return realpathSync(paths.dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function isRecord(value: unknown): value is Pick<LastGood, 'images' | 'keys'> {
  const { images, keys } = (value ?? {}) as Record<string, unknown>
  return (
    Array.isArray(images) &&
    images.every(
      (i: Record<string, unknown> | null) =>
        typeof i === 'object' &&
        i !== null &&
        ['service', 'imageId', 'imageRef', 'tag'].every(field => typeof i[field] === 'string')
    ) &&
    Array.isArray(keys) &&
    keys.every(key => typeof key === 'string')
  )
}

function damaged(paths: StatePaths, problem: string): ActionError {
  return new ActionError(
    `The saved state of this deployment is damaged: ${paths.record} ${problem}. Delete ${paths.dir} on the runner and re-run. The running containers are not touched; the next deploy counts as a first deploy, so until one succeeds there is nothing to roll back to.`
  )
}

/** Flushes a folder, so the rename in it is on disk. */
function fsyncPath(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Removes the deployment's version folders (and leftovers of an interrupted write), but keep. */
function removeVersions(paths: StatePaths, keep?: string): void {
  const prefix = `${basename(paths.dir)}${VERSION}`
  for (const name of existsSync(paths.root) ? readdirSync(paths.root) : []) {
    if (name.startsWith(prefix) && name !== keep) {
      rmSync(join(paths.root, name), { recursive: true, force: true })
    }
  }
}
