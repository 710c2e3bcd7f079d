import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import dockerignoreFilter from '@balena/dockerignore'
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

/**
 * Whether .dockerignore rules exclude `path`, by Docker's own rules (Go's filepath.Match syntax,
 * `**`, `!` exceptions, the last matching rule wins): no brace or extglob patterns.
 */
export function isIgnored(dockerignore: string, path: string): boolean {
  // A CommonJS module whose factory is also its `default`, as its types declare.
  return dockerignoreFilter.default({ ignorecase: false }).add(dockerignore).ignores(path)
}
