import { type IncomingMessage, type Server, createServer } from 'node:http'

/**
 * TEST DOUBLE of GitHub's REST API (unreachable here), limited to what launch-service calls, with
 * the documented paths, status codes and bodies:
 * - "List workflow runs for a workflow", GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs
 *   with the filters branch, event, status and per_page; runs newest first (the action's plan).
 * - Repository variables (what the github provider's github_actions_variable calls):
 *   POST /repos/{owner}/{repo}/actions/variables {name, value} → 201 (409 when it exists),
 *   PATCH .../actions/variables/{name} → 204, GET .../actions/variables/{name} → 200,
 *   DELETE .../actions/variables/{name} → 204, GET .../actions/variables?per_page&page → 200
 *   {total_count, variables}. Names are stored upper-case, as GitHub does.
 * - Environments: PUT /repos/{owner}/{repo}/environments/{name} → 200 (creates or updates),
 *   GET /repos/{owner}/{repo}/environments → 200 {total_count, environments}.
 * 401 "Bad credentials" for a wrong token and 404 "Not Found" elsewhere, as the real API answers.
 */
export interface FakeRun {
  head_sha: string
  head_branch: string
  event: string
  /** completed runs: the conclusion (success, failure, cancelled); the API's status filter matches either. */
  conclusion: string | null
  status: string
}

export interface FakeGitHubApi {
  url: string
  requests: Array<{ method: string; path: string; query: URLSearchParams; authorization?: string }>
  /** Repository variables by name (what a workflow's `vars` context holds). */
  variables: Map<string, string>
  environments: Set<string>
  close(): Promise<void>
}

const notFound = {
  message: 'Not Found',
  documentation_url: 'https://docs.github.com/rest',
  status: '404'
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  try {
    const value = JSON.parse(text) as unknown
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export async function startFakeGitHubApi(options: {
  token: string
  repository: string
  workflow?: string
  runs?: FakeRun[]
  variables?: Record<string, string>
}): Promise<FakeGitHubApi> {
  const requests: FakeGitHubApi['requests'] = []
  const variables = new Map(
    Object.entries(options.variables ?? {}).map(([k, v]) => [k.toUpperCase(), v])
  )
  const environments = new Set<string>()
  const stamp = new Date(0).toISOString()
  const repo = `/repos/${options.repository}`

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = decodeURIComponent(url.pathname)
    requests.push({
      method: req.method ?? '',
      path,
      query: url.searchParams,
      authorization: req.headers.authorization
    })
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(body === undefined ? '' : JSON.stringify(body))
    }
    if (req.headers.authorization !== `token ${options.token}`) {
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401'
      })
    }
    const q = url.searchParams
    const method = req.method ?? 'GET'

    if (
      method === 'GET' &&
      options.workflow &&
      path === `${repo}/actions/workflows/${options.workflow}/runs`
    ) {
      const matching = [...(options.runs ?? [])]
        .reverse()
        .filter(r => !q.get('branch') || r.head_branch === q.get('branch'))
        .filter(r => !q.get('event') || r.event === q.get('event'))
        .filter(
          r => !q.get('status') || r.status === q.get('status') || r.conclusion === q.get('status')
        )
      const perPage = Number(q.get('per_page') ?? 30)
      return send(200, {
        total_count: matching.length,
        workflow_runs: matching
          .slice(0, perPage)
          .map((r, i) => ({ id: 1000 + i, run_attempt: 1, ...r }))
      })
    }

    if (path === `${repo}/actions/variables`) {
      if (method === 'GET') {
        const perPage = Math.min(Number(q.get('per_page') ?? 10), 30)
        const page = Number(q.get('page') ?? 1)
        const all = [...variables].sort(([a], [b]) => a.localeCompare(b))
        return send(200, {
          total_count: all.length,
          variables: all
            .slice((page - 1) * perPage, page * perPage)
            .map(([name, value]) => ({ name, value, created_at: stamp, updated_at: stamp }))
        })
      }
      if (method === 'POST') {
        return void readJson(req).then(body => {
          const name = String(body.name ?? '').toUpperCase()
          if (!/^[A-Z_][A-Z0-9_]*$/.test(name) || typeof body.value !== 'string')
            return send(422, { message: 'Invalid request', status: '422' })
          if (variables.has(name)) return send(409, { message: 'Already exists', status: '409' })
          variables.set(name, body.value)
          send(201, {})
        })
      }
    }
    const variable = new RegExp(`^${repo}/actions/variables/([^/]+)$`).exec(path)
    if (variable) {
      const name = (variable[1] ?? '').toUpperCase()
      if (!variables.has(name)) return send(404, notFound)
      if (method === 'GET')
        return send(200, { name, value: variables.get(name), created_at: stamp, updated_at: stamp })
      if (method === 'DELETE') {
        variables.delete(name)
        return send(204)
      }
      if (method === 'PATCH') {
        return void readJson(req).then(body => {
          if (typeof body.value === 'string') variables.set(name, body.value)
          send(204)
        })
      }
    }

    const environment = new RegExp(`^${repo}/environments/([^/]+)$`).exec(path)
    if (environment && method === 'PUT') {
      const name = environment[1] ?? ''
      environments.add(name)
      return send(200, { name, url: `${repo}/environments/${name}`, protection_rules: [] })
    }
    if (path === `${repo}/environments` && method === 'GET') {
      return send(200, {
        total_count: environments.size,
        environments: [...environments].sort().map(name => ({ name }))
      })
    }
    send(404, notFound)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    variables,
    environments,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}
