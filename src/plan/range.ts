import { InputError } from '../errors.js'
import type { Git, TreeChange } from './git.js'
import type { RangeRequest } from './event.js'

export type ResolvedRange =
  /** `change`: what changed, when finding the commits already compared them. */
  | { kind: 'diff'; base: string; head: string; why: string; change?: TreeChange }
  | { kind: 'all'; head: string; why: string; warning?: string }
  | { kind: 'selection'; head: string; services: 'all' | string[]; why: string }
  | { kind: 'none'; why: string }

export interface RangeSources {
  /** Which ends came from the `base`/`head` inputs: those fail loudly instead of falling back. */
  baseFromInput: boolean
  headFromInput: boolean
}

const FULL_SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/
// Deepening steps for merge-bases in shallow clones, then --unshallow.
const DEEPEN_STEPS = [50, 500]

/**
 * Makes sure the commits to compare are present, fetching only what is missing (shallow clones
 * are the default of actions/checkout), and returns full SHAs. A missing event commit means
 * "deploy everything" (safe); a missing input commit is the user's error.
 */
export async function resolveRange(
  request: RangeRequest,
  rawGit: Git,
  sources: RangeSources,
  started?: StartedComparison
): Promise<ResolvedRange> {
  // Remember why the last fetch failed, so a fallback to "everything" can say so.
  let lastFetchError: string | undefined
  const git: Git = {
    ...rawGit,
    fetch: async (refspecs, depthArgs) => {
      const result = await rawGit.fetch(refspecs, depthArgs)
      if (!result.ok) lastFetchError = result.error
      return result
    }
  }
  const because = () => (lastFetchError ? ` git fetch said: ${lastFetchError}` : '')
  if (request.kind === 'none') return request
  // The common case, a push whose commits are both in the clone: one git process answers both
  // "are they there?" and "what changed?".
  if (isPresentCheckable(request)) {
    const change =
      started?.base === request.base && started.head === request.head
        ? await started.change
        : await git.compareIfPresent(request.base, request.head)
    if (change !== undefined)
      return { kind: 'diff', base: request.base, head: request.head, why: request.why, change }
  }

  const head = await ensureCommit(git, request.head)
  if (head === undefined) {
    if (sources.headFromInput) throw notACommit('head', request.head)
    throw new InputError(
      'head',
      `commit ${request.head} of this run is not in the checkout`,
      'Run actions/checkout before this step.'
    )
  }

  switch (request.kind) {
    case 'all':
      return { kind: 'all', head, why: request.why }
    case 'selection':
      return { kind: 'selection', head, services: request.services, why: request.why }
    case 'trees': {
      const base = await ensureCommit(git, request.base)
      if (base !== undefined) return { kind: 'diff', base, head, why: request.why }
      if (sources.baseFromInput) throw notACommit('base', request.base)
      return {
        kind: 'all',
        head,
        why: request.why,
        warning: `The previous commit ${request.base} cannot be fetched (force-pushed away and garbage-collected, or the checkout has no credentials to fetch with: keep persist-credentials on), so every service counts as changed.${because()}`
      }
    }
    case 'merge-base': {
      const mergeBase = await findMergeBase(git, head, request.baseRef, request.baseSha)
      if (mergeBase !== undefined) return { kind: 'diff', base: mergeBase, head, why: request.why }
      return {
        kind: 'all',
        head,
        why: request.why,
        warning: `No common ancestor with '${request.baseRef}' was found, so every service counts as changed.${because()}`
      }
    }
  }
}

const isPresentCheckable = (
  request: RangeRequest
): request is Extract<RangeRequest, { kind: 'trees' }> =>
  request.kind === 'trees' && FULL_SHA.test(request.base) && FULL_SHA.test(request.head)

/** A comparison of the two commits started ahead of resolveRange (compareIfPresent). */
export interface StartedComparison {
  base: string
  head: string
  change: Promise<TreeChange | undefined>
}

/**
 * Starts the comparison resolveRange begins with in the common case, so that git works while the
 * caller does something else (plan reads the deployments). It only reads the clone: nothing is
 * fetched. Undefined when the request is not that case.
 */
export function startComparison(request: RangeRequest, git: Git): StartedComparison | undefined {
  if (!isPresentCheckable(request)) return undefined
  const change = git.compareIfPresent(request.base, request.head)
  // Awaited later by resolveRange; if the caller fails first, its error is the one that counts.
  change.catch(() => undefined)
  return { base: request.base, head: request.head, change }
}

function notACommit(input: string, value: string): InputError {
  return new InputError(
    input,
    `'${value}' does not resolve to a commit in this repository`,
    'Pass a commit SHA or a branch/tag that exists on the remote.'
  )
}

async function ensureCommit(git: Git, revision: string): Promise<string | undefined> {
  const local = await git.resolve(revision)
  if (local !== undefined) return local
  if (FULL_SHA.test(revision)) {
    await git.fetch([revision], ['--depth=1'])
    return git.resolve(revision)
  }
  // A branch or tag name that is only on the remote.
  const tracking = `refs/remotes/origin/${revision}`
  if ((await git.fetch([`+refs/heads/${revision}:${tracking}`], ['--depth=1'])).ok)
    return git.resolve(tracking)
  if ((await git.fetch([`+refs/tags/${revision}:refs/tags/${revision}`], ['--depth=1'])).ok)
    return git.resolve(`refs/tags/${revision}`)
  return undefined
}

async function findMergeBase(
  git: Git,
  head: string,
  baseRef: string,
  baseSha?: string
): Promise<string | undefined> {
  const tracking = `refs/remotes/origin/${baseRef}`
  const refspec = `+refs/heads/${baseRef}:${tracking}`
  let base = baseSha !== undefined ? await ensureCommit(git, baseSha) : await git.resolve(tracking)
  if (base === undefined) {
    await git.fetch([refspec], ['--depth=1'])
    base = await git.resolve(tracking)
  }
  if (base === undefined) return undefined

  let found = await git.mergeBase(base, head)
  if (found !== undefined || !(await git.isShallow())) return found
  const wants = baseSha !== undefined ? [baseSha, head] : [refspec, head]
  for (const depth of DEEPEN_STEPS) {
    await git.fetch(wants, [`--deepen=${depth}`])
    found = await git.mergeBase(base, head)
    if (found !== undefined) return found
  }
  await git.fetch(wants, ['--unshallow'])
  return git.mergeBase(base, head)
}
