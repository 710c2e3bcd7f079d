import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import picomatch from 'picomatch'
import { isInside } from './containment.js'

/**
 * The env file sits in the service folder, which is usually the build context too: without a
 * .dockerignore that excludes it, `COPY . /app` bakes every secret into the image (and into the
 * rollback tag that keeps the image). Returns one warning per such build, naming the Dockerfile
 * and the fix.
 */
export function envInBuildContext(
  configJson: string,
  envPath: string,
  shown: (file: string) => string
): string[] {
  const services = (JSON.parse(configJson) as { services?: Record<string, { build?: Build }> })
    .services
  const warnings: string[] = []
  for (const [name, service] of Object.entries(services ?? {})) {
    const build = service.build
    if (typeof build?.context !== 'string' || !isAbsolute(build.context)) continue
    if (!isInside(build.context, envPath)) continue
    const dockerfile = join(build.context, build.dockerfile ?? 'Dockerfile')
    const ignoreFile = [`${dockerfile}.dockerignore`, join(build.context, '.dockerignore')].find(
      existsSync
    )
    const rel = relative(build.context, envPath)
    if (ignoreFile !== undefined && isIgnored(readFileSync(ignoreFile, 'utf8'), rel)) continue
    warnings.push(
      `${shown(envPath)} (this deployment's secrets) is inside the build context of service ${name}, and no .dockerignore excludes it: a COPY of the context in ${shown(dockerfile)} puts the secrets into the image and its rollback tag. Add a .dockerignore next to the Dockerfile with the line ${rel}.`
    )
  }
  return warnings
}

interface Build {
  context?: unknown
  dockerfile?: string
}

/** Whether .dockerignore rules exclude `path` (or a folder above it); the last matching rule wins. */
export function isIgnored(dockerignore: string, path: string): boolean {
  const parts = path.split('/')
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'))
  let ignored = false
  for (const raw of dockerignore.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const negated = line.startsWith('!')
    const pattern = (negated ? line.slice(1) : line).trim().replace(/^\/+/, '')
    const matches = picomatch(pattern, { dot: true })
    if (candidates.some(c => matches(c))) ignored = !negated
  }
  return ignored
}
