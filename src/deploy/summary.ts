/** What the job summary shows for one deploy or remove. */
export interface SummaryFacts {
  command: 'deploy' | 'remove'
  deployment: string
  service?: string
  commit?: string
  status: string
  durationMs: number
  url?: string
  failure?: string
}

/** Rows of the summary table; the caller redacts nothing here, so pass redacted text. */
export function summaryRows(facts: SummaryFacts): [string, string][] {
  const rows: [string, string][] = [
    ['Deployment', facts.deployment],
    ['Service', facts.service ?? '—'],
    ['Commit', facts.commit ? facts.commit.slice(0, 12) : '—'],
    ['Status', facts.status],
    ['Duration', `${(facts.durationMs / 1000).toFixed(1)} s`]
  ]
  if (facts.url) rows.push(['URL', facts.url])
  if (facts.failure) rows.push(['Failure', facts.failure])
  return rows
}

export function summaryTitle(facts: SummaryFacts): string {
  const ok = facts.failure === undefined
  return `${ok ? '✅' : '❌'} ${facts.command} ${facts.deployment}: ${facts.status}`
}
