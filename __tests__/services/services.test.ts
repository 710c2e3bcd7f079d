/**
 * The services this repository ships are valid for the tools that will deploy them: each folder
 * is a routable service with a deployment, and `docker compose config` accepts its compose file
 * with a .env made from its .env.example (what deploy would write).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import { REPO_ROOT } from '../helpers/action.js'
import { tempDir } from '../helpers/git.js'
import { COMPOSE_FILES } from '../../src/compose-files.js'
import { isValidName } from '../../src/names.js'

const servicesDir = join(REPO_ROOT, 'services')
const services = readdirSync(servicesDir, { withFileTypes: true })
  .filter(e => e.isDirectory())
  .map(e => e.name)
const deployments = JSON.parse(
  readFileSync(join(REPO_ROOT, 'infrastructure/deployments.json'), 'utf8')
) as Record<string, { service: string; path: string }>

describe.each(services)('services/%s', service => {
  const dir = join(servicesDir, service)
  const composeFile = COMPOSE_FILES.find(f => existsSync(join(dir, f)))

  test('is a service with a compose file and at least one deployment', () => {
    expect(isValidName(service)).toBe(true)
    expect(composeFile).toBeDefined()
    const mine = Object.values(deployments).filter(d => d.service === service)
    expect(mine.length).toBeGreaterThan(0)
    for (const d of mine) expect(d.path).toBe(`services/${service}`)
  })

  test('docker compose config accepts it with a .env made from .env.example', () => {
    const copy = tempDir('ls-svc-')
    cpSync(dir, copy, { recursive: true })
    const example = existsSync(join(dir, '.env.example'))
      ? parseDotenv(readFileSync(join(dir, '.env.example')))
      : {}
    // Required keys (empty defaults) get placeholders, as secrets would provide them.
    writeFileSync(
      join(copy, '.env'),
      Object.entries(example)
        .map(([k, v]) => `${k}='${v || 'placeholder'}'`)
        .join('\n')
    )
    const out = execFileSync(
      'docker',
      [
        'compose',
        '--project-directory',
        copy,
        '-f',
        join(copy, composeFile ?? ''),
        'config',
        '--format',
        'json'
      ],
      {
        encoding: 'utf8'
      }
    )
    const config = JSON.parse(out) as { services: Record<string, unknown> }
    expect(Object.keys(config.services).length).toBeGreaterThan(0)
  })
})
