import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ActionError } from '../errors.js'
import type { CommandResult, RunOptions, Runner, StartedCommand } from '../exec.js'

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
  /** What differs between two commits. */
  compare(base: string, head: string): Promise<TreeChange>
  /** Like compare, or undefined when either commit is not in the clone (nothing fetched). */
  compareIfPresent(base: string, head: string): Promise<TreeChange | undefined>
  /**
   * Paths of the files (anything but a folder: symlinks and submodules count, as for
   * `ls-tree -r`) directly inside each of `folders` at `revision` (every file below them with
   * `recursive`). One process; git matches each entry against each folder named.
   */
  listFolders(revision: string, folders: string[], recursive?: boolean): Promise<string[]>
  /** The sub-folders directly inside `dir` at `revision`: name → tree object ID. */
  subfolders(revision: string, dir: string): Promise<Map<string, string>>
  /**
   * For each tree (by object ID), whether it directly holds a file (not a folder) named one of
   * `names`. One process that reads trees only: a blob-less clone (`--filter=blob:none`, as
   * actions/checkout makes for sparse checkouts) never fetches a blob for it.
   */
  holdsFile(trees: string[], names: string[]): Promise<boolean[]>
  /**
   * holdsFile for these `names`, its git process started now and asked once, later (a further
   * call is a holdsFile of its own): started while plan would only wait, git's own start is out of
   * the way when the question comes (startCommand). Never asked, it ends with this process, having
   * read nothing.
   */
  startHoldsFile(names: string[]): (trees: string[]) => Promise<boolean[]>
}

/** What differs between two commits, from one `git diff-tree`. */
export interface TreeChange {
  /** Paths of the files that differ (renames as delete + add), NUL-safe. */
  files: string[]
  /** Those of `files` that are gone at head. */
  deleted: Set<string>
  /**
   * Each folder that differs → its tree object ID at head, or undefined where it is gone. A
   * changed service folder's tree comes with the change, so finding its compose file needs no
   * listing of the folder or of its parent.
   */
  folders: Map<string, string | undefined>
}

/**
 * Whether reading an object the clone lacks may make git fetch it on its own: a partial clone
 * (blob-less, as actions/checkout makes for sparse checkouts) has a promisor remote, and git
 * fetches from it whatever a command reads. Read from the clone's own config file (no process);
 * anything unusual — `.git` not a folder, an include — counts as yes.
 */
export function mayFetchLazily(repo: string): boolean {
  try {
    return /partialclone|promisor|\[include/i.test(
      readFileSync(join(repo, '.git', 'config'), 'utf8')
    )
  } catch {
    return true
  }
}

/** Starts a program whose input is given later (startCommand in the action). */
export type Starter = (
  command: string,
  args: string[],
  options: Omit<RunOptions, 'input'>
) => StartedCommand

/**
 * `background`: the runner for comparing two commits and for reading the service folders, which
 * should not block (plan reads the deployments while git compares, and builds the changed
 * services' deployments while git reads their folders); `start`, for startHoldsFile (without it,
 * the folders are read when asked); every other command uses `run`.
 */
export function createGit(
  run: Runner,
  repo: string,
  background: Runner = run,
  start?: Starter
): Git {
  const withRepo = (args: string[]) => ['-c', `safe.directory=${repo}`, ...args]
  const git = (args: string[], options: { input?: Buffer } = {}, runner = run) =>
    runner('git', withRepo(args), { cwd: repo, ...options })
  const mustGit = async (args: string[], what: string, input?: Buffer, runner = run) =>
    checked(await git(args, { input }, runner), what)
  const checked = (result: CommandResult, what: string) => {
    if (result.exitCode !== 0) {
      throw new ActionError(
        `git could not ${what}: ${result.stderr.trim() || `exit ${result.exitCode}`}`
      )
    }
    return result.stdout
  }
  const nulList = (text: string) => text.split('\0').filter(p => p !== '')

  const api: Git = {
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
    async compare(base, head) {
      return treeChange(await mustGit(diffArgs(base, head), `compare ${base} with ${head}`))
    },
    async compareIfPresent(base, head) {
      const result = await git(diffArgs(base, head), {}, background)
      return result.exitCode === 0 ? treeChange(result.stdout) : undefined
    },
    async listFolders(revision, folders, recursive = false) {
      const entries = nulList(
        await mustGit(
          [
            // Folder names are data, never pathspec magic like ':(top)'.
            '--literal-pathspecs',
            'ls-tree',
            // Recursive listings hold no folders; otherwise each entry's type tells them apart.
            ...(recursive ? ['-r', '--name-only'] : []),
            '--full-tree',
            '-z',
            revision,
            '--',
            ...folders.map(folder => `${folder}/`)
          ],
          `list ${folders.length === 1 ? folders[0] : 'the changed service folders'} at ${revision}`
        )
      )
      if (recursive) return entries
      // Each entry: "<mode> <type> <object ID>\t<path>".
      return entries
        .filter(entry => !entry.startsWith(' tree ', entry.indexOf(' ')))
        .map(entry => entry.slice(entry.indexOf('\t') + 1))
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
    async holdsFile(trees, names) {
      if (trees.length === 0) return []
      const output = await mustGit(holdsArgs(names), HOLDS, holdsInput(trees), background)
      return treesHolding(output, trees.length)
    },
    startHoldsFile(names) {
      let started = start?.('git', withRepo(holdsArgs(names)), { cwd: repo })
      return async trees => {
        const ask = started
        started = undefined
        if (ask === undefined || trees.length === 0) return api.holdsFile(trees, names)
        return treesHolding(checked(await ask(holdsInput(trees)), HOLDS), trees.length)
      }
    }
  }
  return api
}

/**
 * diff-tree compares each "<empty tree> <tree>" line of its input and names the entries that
 * match `names`, with their modes, from the tree objects alone. (cat-file, even for an object's
 * name only, and rev-parse's peeling read the blob, which a blob-less clone must fetch: slow
 * online, an error offline.)
 */
const holdsArgs = (names: string[]) => [
  '--literal-pathspecs',
  'diff-tree',
  '--stdin',
  '--no-renames',
  '-z',
  '--',
  ...names
]
const holdsInput = (trees: string[]) => {
  const empty = trees[0]?.length === 64 ? EMPTY_TREE_SHA256 : EMPTY_TREE_SHA1
  return Buffer.from(trees.map(tree => `${empty} ${tree}\n`).join(''))
}
const HOLDS = 'read the service folders'

/**
 * diff-tree --stdin's answer: per input line, the line echoed ("<tree> <tree>\n"), then for each
 * match ":000000 <mode> <object IDs> A\0<name>\0". Mode 040000 is a folder.
 */
function treesHolding(output: string, count: number): boolean[] {
  const holds: boolean[] = []
  let at = 0
  while (at < output.length) {
    if (output[at] === ':') {
      if (!output.startsWith(FOLDER_MODE, at + 8)) holds[holds.length - 1] = true
      at = output.indexOf('\0', output.indexOf('\0', at) + 1) + 1
    } else {
      holds.push(false)
      at = output.indexOf('\n', at) + 1
    }
    if (at === 0) break
  }
  if (holds.length !== count)
    throw new ActionError(`git could not read the service folders: unexpected diff-tree output`)
  return holds
}

/**
 * Every changed file and, with -t, every changed folder, in raw form. Commits only (`^{commit}`):
 * a tree or blob SHA given as base or head is an error.
 */
const diffArgs = (base: string, head: string) => [
  'diff-tree',
  '-r',
  '-t',
  '--raw',
  '--no-renames',
  '-z',
  `${base}^{commit}`,
  `${head}^{commit}`,
  '--'
]

const FOLDER_MODE = '040000'
const NO_MODE = '000000'

/**
 * Reads diff-tree's raw -z records, ":<old mode> <new mode> <old ID> <new ID> <status>\0<path>\0",
 * in place: the fields before the path have a fixed width (--no-renames: a one-letter status), so
 * only the paths and the folders' IDs become strings (thousands of records in a large change). A
 * folder replaced by a file (or the reverse) comes as two records, a deletion and an addition.
 */
function treeChange(output: string): TreeChange {
  const files: string[] = []
  const deleted = new Set<string>()
  const folders = new Map<string, string | undefined>()
  let at = 0
  while (at < output.length) {
    // ":" + two 6-digit modes, two object IDs (40 or 64 hex digits), one status letter.
    const idLength = output.charCodeAt(at + 55) === SPACE ? 40 : 64
    const newId = at + 15 + idLength + 1
    const pathStart = newId + idLength + 3
    const pathEnd = output.indexOf('\0', pathStart)
    if (output.charCodeAt(at) !== COLON || pathEnd === -1)
      throw new ActionError('git could not compare the commits: unexpected diff-tree output')
    const path = output.slice(pathStart, pathEnd)
    if (output.startsWith(FOLDER_MODE, at + 8))
      folders.set(path, output.slice(newId, newId + idLength))
    else if (output.startsWith(NO_MODE, at + 8) && output.startsWith(FOLDER_MODE, at + 1))
      folders.set(path, undefined)
    else {
      files.push(path)
      if (output.startsWith(NO_MODE, at + 8)) deleted.add(path)
    }
    at = pathEnd + 1
  }
  return { files, deleted, folders }
}

const COLON = 0x3a
const SPACE = 0x20

// The empty tree, which git knows without storing it, in SHA-1 and SHA-256 repositories.
const EMPTY_TREE_SHA1 = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'
const EMPTY_TREE_SHA256 = '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321'
