import { waitForHealthUrl } from '../../src/deploy/health.js'

function fakeFetch(answers: (number | Error)[]): { fetch: typeof fetch; calls: () => number } {
  let calls = 0
  const impl = async (): Promise<Response> => {
    const answer = answers[Math.min(calls++, answers.length - 1)] as number | Error
    if (answer instanceof Error) throw answer
    return new Response(answer === 204 || answer === 304 ? null : 'secret body', { status: answer })
  }
  return { fetch: impl as unknown as typeof fetch, calls: () => calls }
}

function clock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let t = 0
  return { now: () => t, sleep: async ms => void (t += ms) }
}

describe('waitForHealthUrl', () => {
  it('retries until a 2xx answer', async () => {
    const f = fakeFetch([new TypeError('fetch failed'), 503, 200])
    await expect(
      waitForHealthUrl('http://x/health', { timeoutMs: 10_000, fetch: f.fetch, ...clock() })
    ).resolves.toEqual({
      ok: true,
      status: 200
    })
    expect(f.calls()).toBe(3)
  })

  it('counts a redirect as an answer', async () => {
    const f = fakeFetch([302])
    await expect(
      waitForHealthUrl('http://x/', { timeoutMs: 0, fetch: f.fetch, ...clock() })
    ).resolves.toEqual({ ok: true, status: 302 })
  })

  it('gives up after the timeout with the last status, never the body', async () => {
    const f = fakeFetch([404])
    const result = await waitForHealthUrl('http://x/missing', {
      timeoutMs: 3000,
      intervalMs: 1000,
      fetch: f.fetch,
      ...clock()
    })
    expect(result).toEqual({
      ok: false,
      reason: 'http://x/missing did not answer 2xx/3xx within 3 s (last: HTTP 404)'
    })
    expect(f.calls()).toBe(4)
  })

  it('reports a refused connection by its code', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ECONNREFUSED' }
    })
    const result = await waitForHealthUrl('http://x/', {
      timeoutMs: 0,
      fetch: fakeFetch([refused]).fetch,
      ...clock()
    })
    expect(result).toEqual({
      ok: false,
      reason: 'http://x/ did not answer 2xx/3xx within 0 s (last: ECONNREFUSED)'
    })
  })
})
