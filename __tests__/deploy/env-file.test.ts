import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  applyExample,
  configEnvValues,
  encodeEnvFile,
  encodeValue,
  envPrefix,
  restoreFile,
  envValues,
  selectEnv,
  withDeploymentUrl,
  writeFileAtomic
} from '../../src/deploy/env-file.js'

describe('envPrefix', () => {
  it('upper-cases and turns dashes into underscores', () => {
    expect(envPrefix('web-app')).toBe('WEB_APP__')
    expect(envPrefix('web-app-aws')).toBe('WEB_APP_AWS__')
  })
})

describe('selectEnv', () => {
  it('selects <SERVICE>__ and <DEPLOYMENT>__ entries only, never other services or github_token', () => {
    const env = selectEnv(
      {
        WEB__DB_PASSWORD: 'pw',
        OTHER__DB_PASSWORD: 'no',
        WEB_X__KEY: 'no',
        github_token: 'ghs_no',
        GITHUB_TOKEN: 'no'
      },
      { WEB__LOG_LEVEL: 'info', WEB_AWS__REGION: 'eu-west-1', DB_PASSWORD: 'no' },
      'web',
      'web-aws'
    )
    expect(Object.fromEntries(envValues(env))).toEqual({
      DB_PASSWORD: 'pw',
      LOG_LEVEL: 'info',
      REGION: 'eu-west-1'
    })
  })

  it('lets the deployment override the service, and a secret override a variable at the same level', () => {
    const env = selectEnv(
      { WEB__A: 'service secret', WEB__B: 'service secret', WEB_AWS__C: 'deployment secret' },
      {
        WEB__A: 'service var',
        WEB_AWS__B: 'deployment var',
        WEB_AWS__C: 'deployment var',
        WEB__D: 'service var'
      },
      'web',
      'web-aws'
    )
    expect(Object.fromEntries(envValues(env))).toEqual({
      A: 'service secret',
      B: 'deployment var',
      C: 'deployment secret',
      D: 'service var'
    })
  })

  it('refuses an entry whose key is not a variable name, naming the entry but not its value', () => {
    expect(() => selectEnv({ 'WEB__BAD-KEY': 'v4lue' }, {}, 'web', 'web-aws')).toThrow(
      "Input 'secrets': entry 'WEB__BAD-KEY' does not give a valid variable name"
    )
    expect(() => selectEnv({}, { WEB__: 'x' }, 'web', 'web-aws')).toThrow("Input 'vars'")
  })
})

describe('withDeploymentUrl', () => {
  const vars = (entries: [string, string][]) =>
    new Map(entries.map(([key, value]) => [key, { value, source: 'vars' as const }]))

  it('adds the deployment URL, without a trailing slash, as DEPLOYMENT_URL (public: not masked)', () => {
    const env = withDeploymentUrl(vars([['A', '1']]), 'https://chat.example.org/')
    expect([...env]).toEqual([
      ['A', { value: '1', source: 'vars' }],
      ['DEPLOYMENT_URL', { value: 'https://chat.example.org', source: 'vars' }]
    ])
  })

  it('leaves a DEPLOYMENT_URL from a secret or variable alone, and adds nothing without a URL', () => {
    const own = new Map([
      ['DEPLOYMENT_URL', { value: 'https://own.example.org', source: 'secrets' as const }]
    ])
    expect(withDeploymentUrl(own, 'https://chat.example.org').get('DEPLOYMENT_URL')).toEqual({
      value: 'https://own.example.org',
      source: 'secrets'
    })
    expect(withDeploymentUrl(vars([]), undefined).size).toBe(0)
  })

  it('fills the required DEPLOYMENT_URL= of an .env.example only when the deployment has a URL', () => {
    const example = 'DEPLOYMENT_URL=\n'
    const missing = (url: string | undefined) =>
      applyExample(envValues(withDeploymentUrl(vars([]), url)), example).missing
    expect(missing(undefined)).toEqual(['DEPLOYMENT_URL'])
    expect(missing('https://chat.example.org')).toEqual([])
  })
})

describe('applyExample', () => {
  it('adds non-empty defaults and lists keys that have no value, sorted, selected values winning', () => {
    const example = '# comment\nPORT=\nAPI_KEY=\nGREETING=hello\nMODE=dev\n'
    const result = applyExample(new Map([['MODE', 'prod']]), example)
    expect(Object.fromEntries(result.env)).toEqual({ GREETING: 'hello', MODE: 'prod' })
    expect(result.missing).toEqual(['API_KEY', 'PORT'])
  })

  it('changes nothing without an example', () => {
    expect(applyExample(new Map([['A', '1']]), undefined)).toEqual({
      env: new Map([['A', '1']]),
      missing: []
    })
  })
})

describe('encodeValue', () => {
  it('escapes exactly backslash, double quote, dollar, newline and carriage return inside double quotes', () => {
    expect(encodeValue(`a\\b"c$d{e}\nf\rg'h #=`)).toBe(`"a\\\\b\\"c\\$d{e}\\nf\\rg'h #="`)
    expect(encodeValue('')).toBe('""')
  })
})

describe('encodeEnvFile', () => {
  it('writes one KEY="value" line per entry after a header', () => {
    const text = encodeEnvFile(
      new Map([
        ['A', '1'],
        ['B', 'x y']
      ]),
      'web-aws'
    )
    expect(text.split('\n').slice(1)).toEqual(['A="1"', 'B="x y"', ''])
    expect(text).toMatch(/^# Written by launch-service for deployment web-aws/)
  })

  it('fails on a NUL character, naming the key and not the value', () => {
    const run = (): string => encodeEnvFile(new Map([['TOKEN', 'secret-canary\0x']]), 'd')
    expect(run).toThrow('The value of TOKEN contains a NUL character')
    expect(() => run()).not.toThrow(/secret-canary/)
  })
})

describe('configEnvValues', () => {
  it('reads exact values of the given keys from a resolved compose config, undoing $$', () => {
    const config = JSON.stringify({
      services: { web: { environment: { A: 'x$$y', B: null, PUBLIC: 'production' } }, db: {} }
    })
    expect(configEnvValues(config, ['A', 'B'])).toEqual(['x$y'])
    expect(configEnvValues('not json', ['A'])).toEqual([])
  })
})

describe('writeFileAtomic', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ls-envfile-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('replaces a file with mode 0600 and leaves no temp file behind', () => {
    const file = join(dir, '.env')
    writeFileSync(file, 'old', { mode: 0o644 })
    writeFileAtomic(file, 'new')
    expect(readFileSync(file, 'utf8')).toBe('new')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir)).toEqual(['.env'])
  })

  it('restoreFile puts back old content or removes the file', () => {
    const file = join(dir, '.env')
    writeFileAtomic(file, 'new')
    restoreFile(file, 'old')
    expect(readFileSync(file, 'utf8')).toBe('old')
    restoreFile(file, undefined)
    expect(readdirSync(dir)).toEqual([])
  })
})
