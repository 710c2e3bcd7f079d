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
  /** Paths that differ between two trees (renames as delete + add), NUL-safe. */
  changedFiles(base: string, head: string): Promise<string[]>
  /** Every file path under `dir` in the tree of `revision`. */
  listFiles(revision: string, dir: string): Promise<string[]>
}

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
      return nulList(
        await mustGit(
          ['diff', '--name-only', '--no-renames', '--no-ext-diff', '-z', base, head, '--'],
          `compare ${base} with ${head}`
        )
      )
    },
    async listFiles(revision, dir) {
      return nulList(
        await mustGit(
          ['ls-tree', '-r', '--name-only', '--full-tree', '-z', revision, '--', `${dir}/`],
          `list ${dir} at ${revision}`
        )
      )
    }
  }
}
