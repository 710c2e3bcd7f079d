import { ActionError } from '../errors.js'
import type { Runner } from '../exec.js'

/**
 * The few git operations plan needs, each one process with an argument array. Every call passes
 * `-c safe.directory=<repo>` so a checkout owned by another user (self-hosted runners, containers)
 * does not fail with git's "dubious ownership" error.
 */
export interface Git {
  /** Resolves a revision to a full SHA, or undefined. */
  resolve(revision: string): Promise<string | undefined>
  isShallow(): Promise<boolean>
  /** Fetches exactly these commits (by SHA or ref) from origin; git's error when it failed. */
  fetch(refspecs: string[], depthArgs: string[]): Promise<{ ok: boolean; error?: string }>
  mergeBase(a: string, b: string): Promise<string | undefined>
  /** Paths that differ between two commits (renames as delete + add), NUL-safe. */
  changedFiles(base: string, head: string): Promise<string[]>
  /** Like changedFiles, or undefined when either commit is not in the clone (nothing fetched). */
  changedFilesIfPresent(base: string, head: string): Promise<string[] | undefined>
  /**
   * Paths of the entries directly inside each of `folders` at `revision` (every file below them
   * with `recursive`). One process; git matches each entry against each folder named.
   */
  listFolders(revision: string, folders: string[], recursive?: boolean): Promise<string[]>
  /** The sub-folders directly inside `dir` at `revision`: name → tree object ID. */
  subfolders(revision: string, dir: string): Promise<Map<string, string>>
  /** Which of these objects (`<tree ID>:<name>`, ...) exist, in one process. */
  exist(objects: string[]): Promise<boolean[]>
}

export function createGit(run: Runner, repo: string): Git {
  const git = (args: string[], options: { input?: Buffer } = {}) =>
    run('git', ['-c', `safe.directory=${repo}`, ...args], { cwd: repo, ...options })
  const mustGit = async (args: string[], what: string) => {
    const result = await git(args)
    if (result.exitCode !== 0) {
      throw new ActionError(
        `git could not ${what}: ${result.stderr.trim() || `exit ${result.exitCode}`}`
      )
    }
    return result.stdout
  }
  const nulList = (text: string) => text.split('\0').filter(p => p !== '')

  return {
    async resolve(revision) {
      const result = await git([
        'rev-parse',
        '--verify',
        '--quiet',
        '--end-of-options',
        `${revision}^{commit}`
      ])
      return result.exitCode === 0 ? result.stdout.trim() : undefined
    },
    async isShallow() {
      return (
        (await mustGit(['rev-parse', '--is-shallow-repository'], 'inspect the clone')).trim() ===
        'true'
      )
    },
    async fetch(refspecs, depthArgs) {
      const result = await git([
        'fetch',
        '--no-tags',
        '--quiet',
        '--no-write-fetch-head',
        ...depthArgs,
        'origin',
        ...refspecs
      ])
      if (result.exitCode === 0) return { ok: true }
      // Credentials in a remote URL (https://user:token@host) never reach a warning.
      const error =
        result.stderr.trim().replace(/\/\/[^/@\s]+@/g, '//***@') || `exit ${result.exitCode}`
      return { ok: false, error }
    },
    async mergeBase(a, b) {
      const result = await git(['merge-base', a, b])
      return result.exitCode === 0 ? result.stdout.trim() : undefined
    },
    async changedFiles(base, head) {
      return nulList(await mustGit(diffArgs(base, head), `compare ${base} with ${head}`))
    },
    async changedFilesIfPresent(base, head) {
      const result = await git(diffArgs(base, head))
      return result.exitCode === 0 ? nulList(result.stdout) : undefined
    },
    async listFolders(revision, folders, recursive = false) {
      return nulList(
        await mustGit(
          [
            // Folder names are data, never pathspec magic like ':(top)'.
            '--literal-pathspecs',
            'ls-tree',
            ...(recursive ? ['-r'] : []),
            '--name-only',
            '--full-tree',
            '-z',
            revision,
            '--',
            ...folders.map(folder => `${folder}/`)
          ],
          `list ${folders.length === 1 ? folders[0] : 'the changed service folders'} at ${revision}`
        )
      )
    },
    async subfolders(revision, dir) {
      const output = await mustGit(
        ['--literal-pathspecs', 'ls-tree', '-d', '--full-tree', '-z', revision, '--', `${dir}/`],
        `list ${dir} at ${revision}`
      )
      // Each entry: "<mode> tree <object ID>\t<path>".
      const trees = new Map<string, string>()
      for (const entry of nulList(output)) {
        const tab = entry.indexOf('\t')
        trees.set(
          entry.slice(tab + 1 + dir.length + 1),
          entry.slice(entry.lastIndexOf(' ', tab) + 1, tab)
        )
      }
      return trees
    },
    async exist(objects) {
      if (objects.length === 0) return []
      const result = await git(['cat-file', '--batch-check=%(objecttype)'], {
        input: Buffer.from(`${objects.join('\n')}\n`)
      })
      if (result.exitCode !== 0)
        throw new ActionError(`git could not look up objects: ${result.stderr.trim()}`)
      // One line per object, in order: its type, or "<object> missing".
      return result.stdout
        .split('\n')
        .slice(0, objects.length)
        .map(line => !line.endsWith(' missing'))
    }
  }
}

/** Commits only (`^{commit}`): a tree or blob SHA given as base or head is an error. */
const diffArgs = (base: string, head: string) => [
  'diff',
  '--name-only',
  '--no-renames',
  '--no-ext-diff',
  '-z',
  `${base}^{commit}`,
  `${head}^{commit}`,
  '--'
]
