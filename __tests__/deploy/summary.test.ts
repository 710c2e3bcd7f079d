import { summaryRows, summaryTitle } from '../../src/deploy/summary.js'

describe('deploy summary', () => {
  it('shows deployment, service, short commit, status, duration, URL and the failure', () => {
    const facts = {
      command: 'deploy' as const,
      deployment: 'web-aws',
      service: 'web',
      commit: '0123456789abcdef0123',
      status: 'rolled-back',
      durationMs: 12345,
      url: 'https://web.example.com/health',
      failure: 'container web-aws-web-1 is unhealthy'
    }
    expect(summaryRows(facts)).toEqual([
      ['Deployment', 'web-aws'],
      ['Service', 'web'],
      ['Commit', '0123456789ab'],
      ['Status', 'rolled-back'],
      ['Duration', '12.3 s'],
      ['URL', 'https://web.example.com/health'],
      ['Failure', 'container web-aws-web-1 is unhealthy']
    ])
    expect(summaryTitle(facts)).toBe('❌ deploy web-aws: rolled-back')
    expect(summaryTitle({ ...facts, failure: undefined, status: 'deployed' })).toBe(
      '✅ deploy web-aws: deployed'
    )
  })

  it('leaves out URL and failure when there are none', () => {
    const rows = summaryRows({
      command: 'remove',
      deployment: 'web-aws',
      status: 'removed',
      durationMs: 0
    })
    expect(rows.map(r => r[0])).toEqual(['Deployment', 'Service', 'Commit', 'Status', 'Duration'])
  })
})
