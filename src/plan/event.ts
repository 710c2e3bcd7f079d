/**
 * Turns the workflow event into the question "which commits do we compare?", without touching
 * git. Resolving and fetching the commits is range.ts's job.
 */

export const ZERO_SHA = /^0{40}$|^0{64}$/

export type RangeRequest =
  /** Compare two trees directly (push, merge_group, explicit base/head). */
  | { kind: 'trees'; base: string; head: string; why: string }
  /** Compare head with its merge-base against a branch (new branch, pull request). */
  | { kind: 'merge-base'; head: string; baseRef: string; baseSha?: string; why: string }
  /** Every service counts as changed. */
  | { kind: 'all'; head: string; why: string }
  /** Only the named services (workflow_dispatch with `services`). */
  | { kind: 'selection'; head: string; services: 'all' | string[]; why: string }
  /** Nothing to deploy (branch deletion). */
  | { kind: 'none'; why: string }

export interface EventContext {
  eventName: string
  payload: Record<string, unknown>
  /** GITHUB_SHA: the commit the workflow runs on. */
  sha: string
  /** GITHUB_REF */
  ref: string
}

export interface RangeOverrides {
  base?: string
  head?: string
  services?: 'all' | string[]
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {})
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

export function eventRange(context: EventContext, overrides: RangeOverrides): RangeRequest {
  const { eventName, payload } = context
  const defaultBranch = str(obj(payload.repository).default_branch)

  if (overrides.services !== undefined) {
    return {
      kind: 'selection',
      head: overrides.head ?? context.sha,
      services: overrides.services,
      why: 'services input'
    }
  }

  let request: RangeRequest
  switch (eventName) {
    case 'push': {
      const before = str(payload.before)
      const after = str(payload.after) ?? context.sha
      if (payload.deleted === true || ZERO_SHA.test(after)) {
        request = { kind: 'none', why: 'the branch was deleted' }
      } else if (before === undefined || ZERO_SHA.test(before)) {
        const branch = context.ref.replace(/^refs\/heads\//, '')
        request =
          defaultBranch === undefined || branch === defaultBranch
            ? { kind: 'all', head: after, why: 'first push of the branch: everything is new' }
            : {
                kind: 'merge-base',
                head: after,
                baseRef: defaultBranch,
                why: `new branch, compared with ${defaultBranch}`
              }
      } else {
        request = { kind: 'trees', base: before, head: after, why: 'push: before → after' }
      }
      break
    }
    case 'pull_request':
    case 'pull_request_target': {
      const pr = obj(payload.pull_request)
      const base = obj(pr.base)
      const head = str(obj(pr.head).sha) ?? context.sha
      request = {
        kind: 'merge-base',
        head,
        baseRef: str(base.ref) ?? defaultBranch ?? 'main',
        baseSha: str(base.sha),
        why: 'pull request: changes since it branched off'
      }
      break
    }
    case 'merge_group': {
      const group = obj(payload.merge_group)
      const base = str(group.base_sha)
      const head = str(group.head_sha) ?? context.sha
      request = base
        ? { kind: 'trees', base, head, why: 'merge queue: base → head' }
        : { kind: 'all', head, why: 'merge_group payload has no base_sha' }
      break
    }
    case 'workflow_dispatch':
      request = {
        kind: 'all',
        head: context.sha,
        why: 'manual run without a services selection: everything'
      }
      break
    default:
      request = {
        kind: 'all',
        head: context.sha,
        why: `event '${eventName}' has no change range: everything`
      }
  }

  // Explicit commits beat the event's.
  if (overrides.base !== undefined) {
    const head = overrides.head ?? ('head' in request ? request.head : context.sha)
    return { kind: 'trees', base: overrides.base, head, why: 'base/head inputs' }
  }
  if (overrides.head !== undefined && request.kind !== 'none') {
    return { ...request, head: overrides.head }
  }
  return request
}
