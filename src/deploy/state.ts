import { mkdirSync, rmSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { readIfExists, writeFileAtomic } from './env-file.js'

/**
 * What the runner keeps between jobs, per deployment (all 0600 in 0700 folders, because the
 * resolved compose config and the .env copy hold secret values):
 *
 *   <root>/<deployment>.lock/   the lock (see lock.ts), beside the state so removing state never races it
 *   <root>/<deployment>/compose.json   `docker compose config --format json` of the last good deploy
 *   <root>/<deployment>/env            the .env of the last good deploy
 *   <root>/<deployment>/record.json    the images it ran (kept alive by launch-service-rollback/<deployment>
 *                                      tags) and the names of the keys that came from secrets
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
  dir: string
  config: string
  env: string
  record: string
  lock: string
}

export function statePaths(root: string, deployment: string): StatePaths {
  const dir = join(root, deployment)
  return {
    dir,
    config: join(dir, 'compose.json'),
    env: join(dir, 'env'),
    record: join(dir, 'record.json'),
    lock: join(root, `${deployment}.lock`)
  }
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

export function readLastGood(paths: StatePaths): LastGood | undefined {
  const config = readIfExists(paths.config)
  const record = readIfExists(paths.record)
  if (config === undefined || record === undefined) return undefined
  const { images, keys } = JSON.parse(record) as Pick<LastGood, 'images' | 'keys'>
  return { config, env: readIfExists(paths.env) ?? '', images, keys }
}

export function writeLastGood(paths: StatePaths, lastGood: LastGood): void {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 })
  writeFileAtomic(paths.env, lastGood.env)
  writeFileAtomic(paths.config, lastGood.config)
  // record.json last: readLastGood needs it, so a crash midway leaves the previous record usable or none.
  const record = { images: lastGood.images, keys: lastGood.keys }
  writeFileAtomic(paths.record, `${JSON.stringify(record, null, 2)}\n`)
}

export function deleteState(paths: StatePaths): void {
  rmSync(paths.dir, { recursive: true, force: true })
}
