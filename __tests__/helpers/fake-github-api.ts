import { type IncomingMessage, type Server, createServer } from 'node:http'

/**
 * TEST DOUBLE of GitHub's REST API (unreachable here), limited to what the action calls:
 * "List workflow runs for a workflow", GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs
 * with the documented filters branch, event, status and per_page; runs newest first; 401 "Bad
 * credentials" for a wrong token and 404 for an unknown workflow, as the real API answers.
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
  close(): Promise<void>
}

export async function startFakeGitHubApi(options: {
  token: string
  repository: string
  workflow: string
  runs: FakeRun[]
}): Promise<FakeGitHubApi> {
  const requests: FakeGitHubApi['requests'] = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization
    })
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }
    if (req.headers.authorization !== `token ${options.token}`) {
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401'
      })
    }
    const expected = `/repos/${options.repository}/actions/workflows/${options.workflow}/runs`
    if (req.method !== 'GET' || url.pathname !== expected) {
      return send(404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
        status: '404'
      })
    }
    const q = url.searchParams
    const matching = [...options.runs]
      .reverse()
      .filter(r => !q.get('branch') || r.head_branch === q.get('branch'))
      .filter(r => !q.get('event') || r.event === q.get('event'))
      .filter(
        r => !q.get('status') || r.status === q.get('status') || r.conclusion === q.get('status')
      )
    const perPage = Number(q.get('per_page') ?? 30)
    send(200, {
      total_count: matching.length,
      workflow_runs: matching
        .slice(0, perPage)
        .map((r, i) => ({ id: 1000 + i, run_attempt: 1, ...r }))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}
