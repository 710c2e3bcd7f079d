import { createRequire } from 'node:module'

/** Real webhook payloads from @octokit/webhooks-examples, with our own SHAs substituted. */
const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{
  name: string
  examples: Array<Record<string, unknown>>
}>

function example(
  name: string,
  pick: (e: Record<string, unknown>) => boolean = () => true
): Record<string, unknown> {
  const found = examples.find(e => e.name === name)?.examples.find(pick)
  if (!found) throw new Error(`no ${name} example payload`)
  return structuredClone(found)
}

export function pushEvent(o: {
  before: string
  after: string
  ref?: string
  forced?: boolean
  defaultBranch?: string
}) {
  const e = example('push')
  const repository = e.repository as Record<string, unknown>
  repository.default_branch = o.defaultBranch ?? 'main'
  return {
    ...e,
    ref: o.ref ?? 'refs/heads/main',
    before: o.before,
    after: o.after,
    created: /^0+$/.test(o.before),
    deleted: /^0+$/.test(o.after),
    forced: o.forced ?? false,
    repository
  }
}

export function pullRequestEvent(o: {
  baseRef: string
  baseSha: string
  headRef: string
  headSha: string
}) {
  const e = example('pull_request', x => x.action === 'opened')
  const pr = e.pull_request as Record<string, Record<string, unknown>>
  pr.base = { ...pr.base, ref: o.baseRef, sha: o.baseSha }
  pr.head = { ...pr.head, ref: o.headRef, sha: o.headSha }
  return e
}

export function mergeGroupEvent(o: { baseSha: string; headSha: string }) {
  const e = example('merge_group')
  e.merge_group = { ...(e.merge_group as object), base_sha: o.baseSha, head_sha: o.headSha }
  return e
}

export function workflowDispatchEvent(inputs: Record<string, string> = {}) {
  return { ...example('workflow_dispatch'), inputs }
}
