import { planSummary } from '../../src/summary/plan-summary.js'
import type { PlanResult } from '../../src/plan/plan.js'

const base: PlanResult = {
  entries: [],
  changes: [],
  unrouted: [],
  warnings: [],
  range: { kind: 'diff', base: 'a'.repeat(40), head: 'b'.repeat(40), why: 'push: before → after' }
}

describe('planSummary', () => {
  test('a table row per job with the files that caused it, escaped for markdown', () => {
    const md = planSummary({
      ...base,
      entries: [
        {
          deployment: 'web-aws',
          service: 'web',
          path: 'services/web',
          target: 'aws',
          'runs-on': ['self-hosted', 'aws'],
          action: 'deploy',
          url: null
        }
      ],
      changes: [
        {
          service: 'web',
          action: 'deploy',
          reason: [
            'services/web/a|b.txt',
            ...Array.from({ length: 7 }, (_, i) => `services/web/${i}`)
          ]
        }
      ],
      unrouted: ['blog']
    })
    expect(md).toContain('Compared: `aaaaaaaaaaaa` → `bbbbbbbbbbbb`')
    expect(md).toContain(
      '| web-aws | web | aws | self-hosted, aws | deploy | `services/web/a\\|b.txt`<br>'
    )
    expect(md).toContain('and 3 more')
    expect(md).toContain('**Not deployed (no deployment in Terraform):** blog')
  })
  test.each([
    ['a|b', 'a\\|b'],
    ['a`b', "a'b"],
    ['a\nb', 'a b'],
    ['a\r\nb', 'a b'],
    ['<img src=x>', '&lt;img src=x>'],
    ['plain-name.txt', 'plain-name.txt']
  ])('a file named %j is shown as %j, never breaking the table', (name, shown) => {
    const md = planSummary({
      ...base,
      entries: [
        {
          deployment: 'web-aws',
          service: 'web',
          path: 'services/web',
          target: 'aws',
          'runs-on': ['self-hosted'],
          action: 'deploy',
          url: null
        }
      ],
      changes: [{ service: 'web', action: 'deploy', reason: [`services/web/${name}`] }]
    })
    expect(md).toContain(`| deploy | \`services/web/${shown}\` |`)
    expect(md.split('\n').filter(line => line.startsWith('| web-aws'))).toHaveLength(1)
  })

  test('nothing to deploy says so', () => {
    expect(planSummary(base)).toContain('Nothing to deploy.')
  })
})
