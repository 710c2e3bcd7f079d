import { COMPOSE_FILES } from '../compose-files.js'
import { isValidName } from '../names.js'

const COMPOSE_SET = new Set(COMPOSE_FILES)

/**
 * Services present in a tree: direct sub-folders of `servicesDir` holding a compose file, from a
 * list of paths (git ls-tree of those folders). Folders whose names are not valid service names are reported
 * so plan can warn instead of silently skipping them.
 */
export function servicesInTree(
  files: string[],
  servicesDir: string
): { services: Set<string>; invalid: Set<string> } {
  const prefix = `${servicesDir}/`
  const services = new Set<string>()
  const invalid = new Set<string>()
  for (const file of files) {
    if (!file.startsWith(prefix)) continue
    const rest = file.slice(prefix.length).split('/')
    if (rest.length !== 2 || !COMPOSE_SET.has(rest[1] as string)) continue
    const name = rest[0] as string
    ;(isValidName(name) ? services : invalid).add(name)
  }
  return { services, invalid }
}

export interface ChangedServices {
  /** Service → the changed files that touched it (paths relative to the repo root). */
  byService: Map<string, string[]>
  /** Changed files that matched `shared-paths`: they redeploy every service. */
  sharedFiles: string[]
}

/** Tells whether a changed file matches `shared-paths`. */
export type SharedPathMatcher = (file: string) => boolean

/** One compiled matcher for all shared-path globs; picomatch is loaded only when there are any. */
export async function sharedPathMatcher(globs: string[]): Promise<SharedPathMatcher> {
  if (globs.length === 0) return () => false
  const { default: picomatch } = await import('picomatch')
  return picomatch(globs, { dot: true })
}

/** Maps changed files to service folders in one pass: a prefix test and a map lookup per file. */
export function changedServices(
  files: string[],
  servicesDir: string,
  isShared: SharedPathMatcher
): ChangedServices {
  const prefix = `${servicesDir}/`
  const byService = new Map<string, string[]>()
  const sharedFiles: string[] = []
  for (const file of files) {
    if (isShared(file)) sharedFiles.push(file)
    if (!file.startsWith(prefix)) continue
    const slash = file.indexOf('/', prefix.length)
    // A loose file directly in services/ belongs to no service.
    if (slash === -1) continue
    const name = file.slice(prefix.length, slash)
    const list = byService.get(name)
    if (list) list.push(file)
    else byService.set(name, [file])
  }
  return { byService, sharedFiles }
}
