import { createHash } from 'node:crypto'
import type { CommandResult, Runner } from '../exec.js'
import { composeUp, docker, type ComposeTarget, type ProjectContainer } from './compose.js'
import type { LastGood, SavedImage, StatePaths } from './state.js'

/**
 * Rollback = the last good deploy exactly as it ran: its resolved compose config (so a changed
 * compose file, healthcheck or env does not leak into the rollback) and its images, started
 * without building or pulling. A `--build` moves the image name (e.g. `web-prod-app`) to the new
 * build, so after every good deploy each service's image is also tagged
 * `launch-service-rollback/<deployment>:<service>`; rollback points the name back at it.
 */
export function imageTag(deployment: string, service: string): string {
  const tag = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(service)
    ? service
    : `s-${createHash('sha256').update(service).digest('hex').slice(0, 16)}`
  return `launch-service-rollback/${deployment}:${tag}`
}

/** Tags the running images of a good deploy and drops tags of services that are gone. */
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
  const keep = new Set([...saved.values()].map(s => s.tag))
  for (const tag of await imageTags(run, deployment)) {
    if (!keep.has(tag)) await run('docker', ['image', 'rm', tag])
  }
  return [...saved.values()]
}

/** Brings the last good deploy back up from the state folder; returns compose's result. */
export async function rollBack(
  run: Runner,
  project: string,
  paths: StatePaths,
  lastGood: LastGood,
  waitTimeoutSeconds: number
): Promise<CommandResult> {
  for (const image of lastGood.images) {
    if (!image.imageRef.startsWith('sha256:')) await docker(run, ['tag', image.tag, image.imageRef])
  }
  const target: ComposeTarget = { project, files: [paths.config], cwd: paths.dir }
  return composeUp(run, target, { waitTimeoutSeconds, build: false })
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

export async function removeImageTags(run: Runner, deployment: string): Promise<void> {
  for (const tag of await imageTags(run, deployment)) await run('docker', ['image', 'rm', tag])
}
