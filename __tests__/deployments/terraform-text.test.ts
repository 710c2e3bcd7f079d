/**
 * readTerraformText reads the deployments map in the form Terraform writes it without parsing
 * every deployment; parseDeployments is the rule. These tests hold the first to the second: it may
 * decline a document (the general path then reads it), but what it accepts must be exactly what
 * parseDeployments accepts, with the same deployments.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type Deployment,
  type DeploymentTable,
  parseDeployments,
  tableOf
} from '../../src/deployments/contract.js'
import { loadDeployments } from '../../src/deployments/source.js'
import { joinPublishedText, publishedParts } from '../../src/deployments/published.js'
import { readTerraformText } from '../../src/deployments/terraform-text.js'
import { runCommand } from '../../src/exec.js'
import { REPO_ROOT } from '../helpers/action.js'

interface Table {
  valid: string[]
  invalid: string[]
}
const names = JSON.parse(
  readFileSync(join(REPO_ROOT, '__tests__/fixtures/contract/names.json'), 'utf8')
) as { names: Table; labels: Table; paths: Table }

/** What jsonencode writes: attributes sorted, compact, `&` `<` `>` escaped as Go's encoder does. */
function terraformJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map(k => [k, sorted((v as Record<string, unknown>)[k])])
          )
        : v
  return JSON.stringify(sorted(value)).replace(
    /[&<>]/g,
    c => `\\u00${c.charCodeAt(0).toString(16)}`
  )
}

const record = (service: string, extra: Record<string, unknown> = {}) => ({
  service,
  path: `services/${service}`,
  target: 'aws',
  runner_labels: ['self-hosted', 'aws'],
  public: false,
  url: null,
  ...extra
})

const rows = (table: DeploymentTable): Deployment[] => table.names.map((_, i) => table.at(i))

/** The general path's answer: the deployments, or the error it gives. */
function general(text: string): Deployment[] | string {
  try {
    return parseDeployments(JSON.parse(text), 'deployments')
  } catch (error) {
    return (error as Error).message
  }
}

/** readTerraformText's answer, held to the general path's whenever it gives one. */
function fast(text: string, servicesDir = 'services'): Deployment[] | undefined {
  const table = readTerraformText(text, servicesDir)
  if (table === undefined) return undefined
  const read = rows(table)
  expect({ text, read }).toEqual({ text, read: general(text) })
  expect(table.names).toEqual(read.map(d => d.name))
  expect(table.services).toEqual(read.map(d => d.service))
  expect(read.map((_, i) => table.path(i))).toEqual(read.map(d => d.path))
  // What plan asks of all the deployments, answered as a walk along them would (the general
  // path's table walks).
  const walked = tableOf(read)
  expect([...table.serviceSet].sort()).toEqual([...new Set(read.map(d => d.service))].sort())
  for (const service of [...table.serviceSet, 'no-such-service']) {
    const expected = read.flatMap((d, i) => (d.service === service ? [i] : []))
    expect({ service, found: table.indexesOf(service) }).toEqual({ service, found: expected })
    expect(walked.indexesOf(service)).toEqual(expected)
  }
  for (const dir of ['services', 'apps', 'services/svc-0', '']) {
    const expected = read.flatMap((d, i) => (d.path === `${dir}/${d.service}` ? [] : [i]))
    expect({ dir, found: table.misplaced(dir) }).toEqual({ dir, found: expected })
    expect(walked.misplaced(dir)).toEqual(expected)
  }
  return read
}

describe('readTerraformText', () => {
  test('reads every valid name and label of the contract table as the general path does', () => {
    const map: Record<string, unknown> = {}
    for (const name of names.names.valid) {
      map[`${name}`] = record(name === 'deployments' ? 'web' : name, {
        target: name,
        runner_labels: names.labels.valid,
        public: true,
        url: `https://${name}.example.com/?a=1&b=<2>`
      })
    }
    expect(fast(terraformJson(map))).toHaveLength(names.names.valid.length)
    expect(fast('{}')).toEqual([])
  })

  test('reads deployments in any valid services folder, and leaves one elsewhere to the general path', () => {
    for (const dir of names.paths.valid) {
      const map = { a: record('a', { path: `${dir}/a` }), b: record('b', { path: `${dir}/b` }) }
      expect({ dir, read: fast(terraformJson(map), dir) }).toEqual({
        dir,
        read: general(terraformJson(map))
      })
      // One deployment outside the folder, or the folder given another way, and the whole text
      // goes to the general path, which warns about the misplaced one.
      const text = terraformJson({ ...map, c: record('c', { path: `${dir}/x/c` }) })
      expect(readTerraformText(text, dir)).toBeUndefined()
      expect(readTerraformText(terraformJson(map), `${dir}/`)).toBeUndefined()
    }
    // A folder the contract refuses holds no valid path: the general path says so.
    for (const dir of names.paths.invalid)
      expect(
        readTerraformText(terraformJson({ a: record('a', { path: `${dir}/a` }) }), dir)
      ).toBeUndefined()
    // `.` in a folder's name is a dot, not any character.
    expect(
      readTerraformText(terraformJson({ a: record('a', { path: 'aXb/a' }) }), 'a.b')
    ).toBeUndefined()
    // The service repeats the path's last segment, or the text goes to the general path.
    const other = terraformJson({ a: record('a', { path: 'services/b' }) })
    expect(readTerraformText(other, 'services')).toBeUndefined()
    expect(general(other)).toEqual([expect.objectContaining({ path: 'services/b', service: 'a' })])
  })

  test.each([
    ...names.names.invalid.map(name => [`name ${JSON.stringify(name)}`, { [name]: record('web') }]),
    ...names.names.invalid.map(name => [`service ${JSON.stringify(name)}`, { x: record(name) }]),
    ...names.names.invalid.map(name => [
      `target ${JSON.stringify(name)}`,
      { x: record('web', { target: name }) }
    ]),
    ...names.labels.invalid.map(label => [
      `label ${JSON.stringify(label)}`,
      { x: record('web', { runner_labels: ['ok', label] }) }
    ]),
    ...names.paths.invalid.map(path => [
      `path ${JSON.stringify(path)}`,
      { x: record('web', { path }) }
    ]),
    ['runner_labels []', { x: record('web', { runner_labels: [] }) }],
    ['url "ftp://x"', { x: record('web', { url: 'ftp://x' }) }],
    ['url "https://a b"', { x: record('web', { url: 'https://a b' }) }],
    ['public "yes"', { x: record('web', { public: 'yes' }) }],
    ['deployment name that is another service', { api: record('web'), x: record('api') }],
    [
      'deployment name that is another service, the services in order',
      { api: record('aaa'), zzz: record('api') }
    ]
  ] as [string, Record<string, unknown>][])(
    'declines a %s, which the general path refuses',
    (_, map) => {
      const text = terraformJson(map)
      expect(readTerraformText(text, 'services')).toBeUndefined()
      expect(general(text)).toMatch(/the deployments contract is violated/)
    }
  )

  test.each([
    ['indented', JSON.stringify({ x: record('web') }, null, 2)],
    ['in another attribute order', JSON.stringify({ x: record('web') })],
    ['a missing attribute', terraformJson({ x: { ...record('web'), url: undefined } })],
    ['an extra attribute', terraformJson({ x: record('web', { zone: 'a' }) })],
    [
      'a key twice',
      '{"x":' + terraformJson(record('a')) + ',"x":' + terraformJson(record('b')) + '}'
    ],
    [
      'names out of the sorted order Terraform writes',
      '{"web-b":' + terraformJson(record('b')) + ',"web-a":' + terraformJson(record('a')) + '}'
    ],
    ['a non-ASCII URL', terraformJson({ x: record('web', { url: 'https://例え.jp' }) })],
    ['an output document', terraformJson({ deployments: { value: { x: record('web') } } })],
    ['two maps', terraformJson({ x: record('web') }) + terraformJson({ y: record('web') })]
  ])('leaves %s to the general path', (_, text) => {
    expect(readTerraformText(text, 'services')).toBeUndefined()
  })

  test('a deployment may be named like its own service, whatever the order of the services', () => {
    // Services in the order of the names (the usual naming), and not (web-app sorts before web-aws).
    expect(fast(terraformJson({ web: record('web'), 'web-aws': record('web') }))).toHaveLength(2)
    expect(
      fast(terraformJson({ 'web-app': record('web-app'), 'web-aws': record('web') }))
    ).toHaveLength(2)
    expect(fast(terraformJson({ '1': record('web'), web: record('web') }))).toHaveLength(2)
  })

  test('texts joined at `breaks` are read only where each part ends between two entries, in order', () => {
    const text = terraformJson({ a: record('a'), b: record('b'), c: record('c') })
    const starts = [...text.matchAll(/,"[bc]":\{"path"/g)].map(m => m.index)
    expect(starts).toHaveLength(2)
    const [b, c] = starts as [number, number]
    expect(readTerraformText(text, 'services', [b, c])).toBeDefined()
    expect(readTerraformText(text, 'services', [c])).toBeDefined()
    for (const breaks of [[b, b], [c, b], [b + 1], [text.indexOf(',"public"')]])
      expect({ breaks, read: readTerraformText(text, 'services', breaks) }).toEqual({
        breaks,
        read: undefined
      })
  })

  test('reads names that are numbers in the order the general path gives them', () => {
    // Terraform sorts map keys as strings ("10" before "9": `jsonencode({"9"=…,"10"=…})` writes
    // {"10":…,"9":…}); JSON.parse puts keys that are array indexes first, ascending. terraformJson
    // above cannot write this order (Object.fromEntries reorders such keys), so the text is built.
    const entry = (name: string) => `"${name}":${terraformJson(record(name))}`
    for (const order of [
      ['10', '9', 'web'],
      ['1', '1-a', '10'],
      ['01', '1'],
      ['4294967294', '4294967295', '5']
    ]) {
      fast(`{${order.map(entry).join(',')}}`)
    }
    // In the order JSON.parse gives, it reads them.
    expect(
      fast(`{${['0', '9', '10', '01', '4294967295', 'web'].map(entry).join(',')}}`)
    ).toHaveLength(6)
  })

  test('a path of millions of segments, millions of labels or a huge services-dir: read or declined, never a crash', () => {
    const path = `a${'/a'.repeat(4_000_000)}`
    expect(() =>
      readTerraformText(terraformJson({ x: record('web', { path }) }), 'a')
    ).not.toThrow()
    // A services-dir too long for V8 to build the expression: the general path reads it.
    expect(readTerraformText('{}', 'a'.repeat(100_000))).toBeUndefined()
    const runner_labels = Array.from({ length: 2_000_000 }, () => 'a')
    expect(() =>
      readTerraformText(terraformJson({ x: record('web', { runner_labels }) }), 'services')
    ).not.toThrow()
  })

  test('whatever a mutation of a valid document, it accepts only what the general path accepts, equal', () => {
    const map: Record<string, unknown> = {}
    for (let i = 0; i < 6; i++)
      map[`svc-${i}-aws`] = record(
        `svc-${i}`,
        i % 2 ? { public: true, url: `https://s${i}.io` } : {}
      )
    const valid = terraformJson(map)
    // Characters that matter to JSON, to the names and paths rules, and to the URL rule.
    const alphabet = [
      '"',
      '\\',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '-',
      '.',
      '/',
      'a',
      'Z',
      '0',
      ' ',
      '\n',
      'é'
    ]
    let seed = 42
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    let accepted = 0
    for (let round = 0; round < 4000; round++) {
      let text = valid
      for (let edits = 1 + random(2); edits > 0; edits--) {
        const at = random(text.length)
        const what = random(3)
        const c = alphabet[random(alphabet.length)] as string
        if (what === 0) text = text.slice(0, at) + c + text.slice(at + 1)
        else if (what === 1) text = text.slice(0, at) + text.slice(at + 1)
        else text = text.slice(0, at) + c + text.slice(at)
      }
      if (fast(text) !== undefined) accepted++
    }
    // The mutations that keep a valid document (a name a letter longer, say) are read too.
    expect(accepted).toBeGreaterThan(100)
  })
})

describe('the text Terraform itself writes', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ls-terraform-text-'))
    cpSync(join(REPO_ROOT, 'infrastructure/modules/contract'), dir, { recursive: true })
    rmSync(join(dir, 'tests'), { recursive: true, force: true })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('terraform output -json deployments and the published variables are read directly, as the general path reads them', async () => {
    const deployments: Record<string, unknown> = {}
    for (let i = 0; i < 40; i++) {
      deployments[`service-${i}-homelab`] = record(`service-${i}`, {
        target: 'homelab',
        runner_labels: ['self-hosted', 'homelab', `service-${i}-homelab`],
        public: i % 3 === 0,
        url: i % 3 === 0 ? `https://service-${i}.example.com/?a=1&b=<2>` : null
      })
    }
    writeFileSync(
      join(dir, 'terraform.tfvars.json'),
      JSON.stringify({ deployments, part_size: 2000 })
    )
    const terraform = (...args: string[]) => {
      const result = spawnSync('terraform', args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }
      })
      expect({ args, status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 })
      return result.stdout
    }
    terraform('init', '-input=false', '-no-color')
    terraform('apply', '-auto-approve', '-input=false', '-no-color')

    const output = terraform('output', '-json', 'deployments')
    const read = fast(output.trim())
    expect(read?.map(d => d.name).sort()).toEqual(Object.keys(deployments).sort())

    const vars = JSON.parse(terraform('output', '-json', 'published_variables')) as Record<
      string,
      string
    >
    expect(Number(vars.LAUNCH_SERVICE_DEPLOYMENTS)).toBeGreaterThan(1)
    // Read directly, every part ending where an entry does (an empty part between changes nothing).
    const parts = publishedParts(vars)
    parts.splice(1, 0, { name: 'empty', text: '{}' })
    const joined = joinPublishedText(parts)
    expect(joined && readTerraformText(joined.text, 'services', joined.breaks)).toBeDefined()
    const published = await loadDeployments(
      { publishedVars: vars, servicesDir: 'services' },
      dir,
      runCommand
    )
    expect(rows(published)).toEqual(read)
    // From a file, with the newline the shell adds.
    writeFileSync(join(dir, 'deployments.json'), output)
    const fromFile = await loadDeployments(
      { deployments: 'deployments.json', servicesDir: 'services' },
      dir,
      runCommand
    )
    expect(rows(fromFile)).toEqual(read)
  })
})
