/** The outcome of polling health-url: answered 2xx/3xx in time, or why not (never the body). */
export type HealthResult = { ok: true; status: number } | { ok: false; reason: string }

export interface HealthOptions {
  timeoutMs: number
  intervalMs?: number
  /** Per-request limit. */
  requestTimeoutMs?: number
  fetch?: typeof fetch
  /** Stops polling (a cancelled job). */
  signal?: AbortSignal
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

/**
 * Polls url until it answers 2xx or 3xx (redirects are not followed: a redirect is an answer),
 * or timeoutMs has passed. Called after compose reports the containers healthy.
 */
export async function waitForHealthUrl(url: string, options: HealthOptions): Promise<HealthResult> {
  const doFetch = options.fetch ?? fetch
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(r => setTimeout(r, ms)))
  const now = options.now ?? Date.now
  const deadline = now() + options.timeoutMs
  let reason: string
  for (;;) {
    if (options.signal?.aborted) return { ok: false, reason: `${url} was not checked: cancelled` }
    try {
      const timeout = AbortSignal.timeout(options.requestTimeoutMs ?? 5000)
      const response = await doFetch(url, {
        redirect: 'manual',
        signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
      })
      await response.body?.cancel()
      if (response.status >= 200 && response.status < 400)
        return { ok: true, status: response.status }
      reason = `HTTP ${response.status}`
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code
      reason = cause ?? (error instanceof Error ? error.message : String(error))
    }
    if (now() >= deadline) {
      return {
        ok: false,
        reason: `${url} did not answer 2xx/3xx within ${Math.round(options.timeoutMs / 1000)} s (last: ${reason})`
      }
    }
    await sleep(options.intervalMs ?? 1000)
  }
}
