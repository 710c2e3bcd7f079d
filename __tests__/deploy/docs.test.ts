import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/action.js'
import { FIXTURES } from './support.js'

/** The compose example users read is the test service the integration tests deploy. */
test('the documented compose example is the tested fixture, verbatim', () => {
  const docs = ['README.md', 'docs/deploy.md']
    .map(file => join(REPO_ROOT, file))
    .filter(existsSync)
    .map(file => readFileSync(file, 'utf8'))
  const blocks = docs
    .map(
      text =>
        /<!-- fixture:deploy\/web\/compose.yaml -->\n```yaml\n([\s\S]*?)```\n<!-- \/fixture -->/.exec(
          text
        )?.[1]
    )
    .filter(block => block !== undefined)
  expect(blocks.length).toBeGreaterThan(0)
  for (const block of blocks)
    expect(block).toBe(readFileSync(join(FIXTURES, 'web', 'compose.yaml'), 'utf8'))
})
