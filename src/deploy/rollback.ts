import { createHash } from 'node:crypto'
import { errorMessage } from '../errors.js'
import type { CommandResult } from '../exec.js'
import { lastLine, type Compose, type ComposeTarget, type ProjectContainer } from './compose.js'
import { describeContainer, failingContainers } from './diagnose.js'
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

/**
 * Tags the running images of a good deploy, before it is recorded. A service that runs the image
 * the last good deploy recorded keeps its tag as it is (it already names that image).
 */
export async function keepImages(
  compose: Compose,
  deployment: string,
  containers: ProjectContainer[],
  recorded: SavedImage[] = []
): Promise<SavedImage[]> {
  const saved = new Map<string, SavedImage>()
  for (const c of containers) {
    if (c.service === '' || saved.has(c.service)) continue
    const tag = imageTag(deployment, c.service)
    const same = recorded.some(
      i => i.service === c.service && i.imageId === c.imageId && i.tag === tag
    )
    if (!same) await compose.docker(['tag', c.imageId, tag])
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
  compose: Compose,
  deployment: string,
  kept: SavedImage[],
  /** The tags there are, when known (the previous record's): saves listing them. */
  existing?: string[]
): Promise<void> {
  const keep = new Set(kept.map(s => s.tag))
  for (const tag of existing ?? (await imageTags(compose, deployment))) {
    if (!keep.has(tag)) await compose.tryDocker(['image', 'rm', tag])
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
export async function restoreImageTags(
  compose: Compose,
  log: Log,
  images: SavedImage[]
): Promise<void> {
  for (const image of images) {
    await pointBack(compose, log, image, image.tag, 'a later rollback may not find it')
  }
}

/** What restoring the last good deploy came to: running and verified, or why not. */
export type Restored =
  | { ok: true; containers: ProjectContainer[] }
  | { ok: false; why: string; containers?: ProjectContainer[] }

export interface RestoreOptions {
  waitTimeoutSeconds: number
}

/**
 * Brings the last good deploy back up and checks that it is what runs: its resolved compose
 * config, from memory on stdin, with the .env it ran with (envFile of target, which the caller
 * has restored: compose needs it for secrets and configs taken from a variable, which the resolved
 * config still names), and its images, started without building or pulling. Then every service
 * must run the saved image ID and be running and not unhealthy. (Not health-url: it belongs to
 * the failed version, whose new endpoint the previous one may well not have.)
 * A saved image that is gone from the host (a `docker rmi`, a prune) stops it before compose
 * runs: the image name now points at another build, so compose would start the wrong version.
 */
export async function restore(
  compose: Compose,
  log: Log,
  target: ComposeTarget,
  lastGood: LastGood,
  options: RestoreOptions
): Promise<Restored> {
  const gone: SavedImage[] = []
  for (const image of lastGood.images) {
    // Our tag first (a failed deploy may have moved it): it fails when the image is gone.
    for (const name of needsRetag(image.imageRef) ? [image.tag, image.imageRef] : [image.tag]) {
      const tagged = await compose.tryDocker(['tag', image.imageId, name])
      if (tagged.exitCode !== 0) {
        gone.push(image)
        break
      }
    }
  }
  if (gone.length > 0) {
    return {
      ok: false,
      why: `the saved image of ${gone.map(i => `${i.service} (${i.imageId.slice(0, 19)})`).join(', ')} is no longer on this host (removed by a docker rmi or an image prune outside launch-service), so the previous version cannot be started`
    }
  }
  const previous: ComposeTarget = { ...target, files: [], config: lastGood.config }
  const upPrevious = async (): Promise<CommandResult> => {
    const result = await compose.up(previous, {
      waitTimeoutSeconds: options.waitTimeoutSeconds,
      build: false
    })
    log.group('docker compose up (rollback)', `${result.stdout}${result.stderr}`)
    return result
  }
  let up = await upPrevious()
  let containers = await compose.containers(target.project)
  // A recreate that was interrupted (a cancelled job) leaves a container that was created and
  // never started, under a temporary name compose then trips over: remove it, and try once more.
  const stale = containers.filter(c => c.state === 'created')
  if (up.exitCode !== 0 && stale.length > 0) {
    log.info(`Removing ${stale.map(c => c.name).join(', ')}, left by an interrupted recreate.`)
    await compose.tryDocker(['rm', '--force', ...stale.map(c => c.id)])
    up = await upPrevious()
    containers = await compose.containers(target.project)
  }
  if (up.exitCode !== 0) {
    return {
      ok: false,
      why: `docker compose up of the previous version failed: ${lastLine(up.stderr) || `exit code ${up.exitCode}`}`,
      containers
    }
  }
  const wrong = lastGood.images.filter(
    image =>
      !containers.some(
        c => c.service === image.service && c.imageId === image.imageId && c.state === 'running'
      )
  )
  if (wrong.length > 0) {
    return {
      ok: false,
      why: `after docker compose up, ${wrong.map(i => i.service).join(', ')} does not run the saved image`,
      containers
    }
  }
  const failing = failingContainers(containers)
  if (failing.length > 0) {
    return {
      ok: false,
      why: `the previous version is not healthy: ${failing.map(describeContainer).join('; ')}`,
      containers
    }
  }
  return { ok: true, containers }
}

async function pointBack(
  compose: Compose,
  log: Log,
  image: SavedImage,
  name: string,
  otherwise: string
): Promise<void> {
  try {
    await compose.docker(['tag', image.imageId, name])
  } catch (error) {
    log.warning(
      `Could not point ${name} back at the saved image of ${image.service} (${errorMessage(error)}); ${otherwise}.`
    )
  }
}

export async function imageTags(compose: Compose, deployment: string): Promise<string[]> {
  const out = await compose.docker([
    'image',
    'ls',
    '--format',
    '{{.Repository}}:{{.Tag}}',
    `launch-service-rollback/${deployment}`
  ])
  return out.split('\n').filter(line => line.trim() !== '' && !line.endsWith(':<none>'))
}

/**
 * Removes the images compose built for the deployment (labelled with its project); pulled images
 * are kept, as other deployments may use them. Returns a warning per image still in use.
 */
export async function removeBuiltImages(compose: Compose, deployment: string): Promise<string[]> {
  const ids = await compose.docker([
    'image',
    'ls',
    '--quiet',
    '--no-trunc',
    '--filter',
    `label=com.docker.compose.project=${deployment}`
  ])
  const warnings: string[] = []
  for (const id of new Set(ids.split('\n').filter(line => line.trim() !== ''))) {
    const removed = await compose.tryDocker(['image', 'rm', id])
    if (removed.exitCode !== 0) {
      warnings.push(
        `Could not remove the image ${id.slice(0, 19)} built for ${deployment}: ${lastLine(removed.stderr)}`
      )
    }
  }
  return warnings
}
