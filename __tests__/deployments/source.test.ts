/**
 * loadDeployments reads the `deployments` input (text or file) through readTerraformText when the
 * text is in Terraform's form, else through JSON.parse + parseDeployments. Whatever the route, a
 * text is accepted only if the general path accepts it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDeployments } from '../../src/deployments/contract.js'
import { loadDeployments } from '../../src/deployments/source.js'
import { runCommand } from '../../src/exec.js'

const text =
  '{"web-aws":{"path":"services/web","public":false,"runner_labels":["self-hosted","aws"],"service":"web","target":"aws","url":null}}'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ls-source-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a text JSON does not allow around the map is refused, as the general path refuses it', () => {
  // String.prototype.trim removes these; JSON allows only space, tab, CR and LF around a value.
  test.each([
    ['a byte order mark before it', `\uFEFF${text}`],
    ['a no-break space before it', `\u00A0${text}`],
    ['a form feed after it', `${text}\f`],
    ['a line separator after it', `${text}\u2028`]
  ])('%s', async (_, given) => {
    expect(() => parseDeployments(JSON.parse(given), 'deployments')).toThrow(SyntaxError)
    await expect(
      loadDeployments({ deployments: given, servicesDir: 'services' }, dir, runCommand)
    ).rejects.toThrow(/the text is not valid JSON/)
    writeFileSync(join(dir, 'deployments.json'), given)
    await expect(
      loadDeployments({ deployments: 'deployments.json', servicesDir: 'services' }, dir, runCommand)
    ).rejects.toThrow(/file 'deployments.json' is not valid JSON/)
  })
})
