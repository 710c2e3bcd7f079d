import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Real git repositories for tests: a bare "origin" (stands in for GitHub) and working clones. */

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  // The developer's or CI's own git config (e.g. safe.directory=*) must not change results.
  GIT_CONFIG_GLOBAL: '/dev/null'
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()
}

export function tempDir(prefix = 'ls-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export class TestRepo {
  readonly root: string
  readonly origin: string
  readonly work: string

  constructor(options: { objectFormat?: 'sha1' | 'sha256' } = {}) {
    this.root = tempDir('ls-repo-')
    this.origin = join(this.root, 'origin.git')
    this.work = join(this.root, 'work')
    const format = `--object-format=${options.objectFormat ?? 'sha1'}`
    git(this.root, 'init', '-q', '--bare', format, '-b', 'main', this.origin)
    // GitHub serves any commit of the repository by SHA (also force-pushed-away ones until GC).
    git(this.origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
    git(this.root, 'init', '-q', format, '-b', 'main', this.work)
    git(this.work, 'remote', 'add', 'origin', this.origin)
  }

  /** Writes files (null deletes) and commits them; returns the new commit SHA. */
  commit(files: Record<string, string | null>, message = 'change'): string {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.work, path)
      if (content === null) rmSync(full, { recursive: true, force: true })
      else {
        mkdirSync(dirname(full), { recursive: true })
        writeFileSync(full, content)
      }
    }
    git(this.work, 'add', '--all')
    git(this.work, 'commit', '-q', '--allow-empty', '-m', message)
    return this.head()
  }

  head(ref = 'HEAD'): string {
    return git(this.work, 'rev-parse', ref)
  }

  push(...args: string[]): void {
    git(this.work, 'push', '-q', ...args)
  }

  /** A clone like actions/checkout makes: fetch-depth 1 by default, at a given commit. */
  checkout(
    options: { depth?: number; ref?: string; sha?: string; blobless?: boolean } = {}
  ): string {
    const dir = join(this.root, `checkout-${Math.random().toString(36).slice(2, 8)}`)
    const args = ['clone', '-q', '--no-tags']
    if (options.depth) args.push(`--depth=${options.depth}`)
    // What actions/checkout makes for sparse-checkout: no blobs but the checked-out top level.
    if (options.blobless) {
      git(this.origin, 'config', 'uploadpack.allowFilter', 'true')
      args.push('--filter=blob:none', '--sparse')
    }
    args.push('--branch', options.ref ?? 'main', `file://${this.origin}`, dir)
    git(this.root, ...args)
    if (options.sha) git(dir, 'checkout', '-q', options.sha)
    return dir
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}

export const ZERO = '0000000000000000000000000000000000000000'
