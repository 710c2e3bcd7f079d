import { createHash } from 'node:crypto'
import { errorMessage } from '../errors.js'
import type { CommandResult, Runner } from '../exec.js'
import {
  composeUp,
  docker,
  runDocker,
  type ComposeTarget,
  type ProjectContainer
} from './compose.js'
import type { Log } from './log.js'
import type { LastGood, SavedImage } from './state.js'

/**
 * Rollback = the last good deploy exactly as it ran: its resolved compose config (so a changed
 * compose file, healthcheck or env does not leak into the rollback) and its images, started
 * without building or pulling. A `--build` moves the image name (e.g. `web-prod-app`) to the new
 * build, so after every good deploy each service's image is also tagged
 * `launch-service-rollback/<deployment>:<service>`; rollback points the name (and our tag) back
 * at the saved image ID.
 * A digest reference (`nginx:1.27@sha256:...`) needs no retag, and Docker refuses to tag one: it
 * names exactly one image, which our tag keeps on the host, so compose finds it by its digest.
 */
export function imageTag(deployment: string, service: string): string {
  const tag = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(service)
    ? service
    : `s-${createHash('sha256').update(service).digest('hex').slice(0, 16)}`
  return `launch-service-rollback/${deployment}:${tag}`
}

/** Tags the running images of a good deploy, before it is recorded. */
export async function keepImages(
  run: Runner,
  deployment: string,
  containers: ProjectContainer[]
): Promise<SavedImage[]> {
  const saved = new Map<string, SavedImage>()
  for (const c of containers) {
    if (c.service === '' || saved.has(c.service)) continue
    const tag = imageTag(deployment, c.service)
    await docker(run, ['tag', c.imageId, tag])
    saved.set(c.service, { service: c.service, imageId: c.imageId, imageRef: c.imageRef, tag })
  }
  return [...saved.values()]
}

/**
 * Drops the deployment's tags except those of `kept`: after a record is written, the tags of
 * services it no longer has (until then a rollback may still need those images); with nothing
 * kept, all of them (remove, or a failed first deploy).
 */
export async function dropStaleImageTags(
  run: Runner,
  deployment: string,
  kept: SavedImage[]
): Promise<void> {
  const keep = new Set(kept.map(s => s.tag))
  for (const tag of await imageTags(run, deployment)) {
    if (!keep.has(tag)) await runDocker(run, ['image', 'rm', tag])
  }
}

/** Whether rollback must point the image's name back at the saved image (not for IDs and digests). */
export function needsRetag(imageRef: string): boolean {
  return !imageRef.startsWith('sha256:') && !imageRef.includes('@')
}

/**
 * Points our tags back at the saved images. A failed deploy may have moved them already (keepImages
 * runs before the record is written), and a tag that names an image the record does not would let
 * the saved one be pruned. Failures are warnings: the caller goes on either way.
 */
export async function restoreImageTags(run: Runner, log: Log, images: SavedImage[]): Promise<void> {
  for (const image of images) {
    await pointBack(run, log, image, image.tag, 'a later rollback may not find it')
  }
}

/**
 * Brings the last good deploy back up: its resolved compose config, from memory on stdin, with
 * the .env it ran with (envFile of target, which the caller has restored: compose needs it for
 * secrets and configs taken from a variable, which the resolved config still names), and its
 * images; returns compose's result. A retag that fails is a warning, not the end of the
 * rollback: compose up still runs and says whether the image it needs is there.
 */
export async function rollBack(
  run: Runner,
  log: Log,
  target: ComposeTarget,
  lastGood: LastGood,
  waitTimeoutSeconds: number
): Promise<CommandResult> {
  for (const image of lastGood.images) {
    if (needsRetag(image.imageRef)) {
      await pointBack(run, log, image, image.imageRef, 'bringing the previous version up anyway')
    }
  }
  const previous: ComposeTarget = { ...target, files: [], config: lastGood.config }
  return composeUp(run, previous, { waitTimeoutSeconds, build: false })
}

async function pointBack(
  run: Runner,
  log: Log,
  image: SavedImage,
  name: string,
  otherwise: string
): Promise<void> {
  try {
    await docker(run, ['tag', image.imageId, name])
  } catch (error) {
    log.warning(
      `Could not point ${name} back at the saved image of ${image.service} (${errorMessage(error)}); ${otherwise}.`
    )
  }
}

export async function imageTags(run: Runner, deployment: string): Promise<string[]> {
  const out = await docker(run, [
    'image',
    'ls',
    '--format',
    '{{.Repository}}:{{.Tag}}',
    `launch-service-rollback/${deployment}`
  ])
  return out.split('\n').filter(line => line.trim() !== '' && !line.endsWith(':<none>'))
}
