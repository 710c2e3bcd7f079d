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
   * The entries directly inside each of `folders` in the tree of `revision` (paths from the
   * repository root; only sub-folders with `foldersOnly`). Not recursive: its cost is the number
   * of entries in those folders, not the size of the repository.
   */
  listFolders(revision: string, folders: string[], foldersOnly?: boolean): Promise<string[]>
}

// Folders per ls-tree process: keeps the command line far below the kernel's limit.
const FOLDERS_PER_CALL = 2000

export function createGit(run: Runner, repo: string): Git {
  const git = (args: string[]) =>
    run('git', ['-c', `safe.directory=${repo}`, ...args], { cwd: repo })
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
    async listFolders(revision, folders, foldersOnly = false) {
      const batches: string[][] = []
      for (let i = 0; i < folders.length; i += FOLDERS_PER_CALL)
        batches.push(folders.slice(i, i + FOLDERS_PER_CALL).map(f => `${f}/`))
      const outputs = await Promise.all(
        batches.map(paths =>
          mustGit(
            [
              // Folder names are data, never pathspec magic like ':(top)'.
              '--literal-pathspecs',
              'ls-tree',
              ...(foldersOnly ? ['-d'] : []),
              '--name-only',
              '--full-tree',
              '-z',
              revision,
              '--',
              ...paths
            ],
            `list ${folders.length === 1 ? folders[0] : 'the changed service folders'} at ${revision}`
          )
        )
      )
      return outputs.flatMap(nulList)
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
