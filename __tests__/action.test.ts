/** action.yml documents exactly the inputs the code reads, each with a description and a default. */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT, runAction } from './helpers/action.js'
import { tempDir } from './helpers/git.js'

interface Metadata {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
}
const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Metadata

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : []
  )
}
const source = sourceFiles(join(REPO_ROOT, 'src'))
  .map(f => readFileSync(f, 'utf8'))
  .join('\n')

test('every input the code reads is documented, and every documented input is read', () => {
  const read = new Set([...source.matchAll(/(?:\bread\(|\(read, )'([a-z-]+)'/g)].map(m => m[1]))
  expect([...read].sort()).toEqual(Object.keys(action.inputs).sort())
})

test('every output the code sets is documented, and every documented output is set', () => {
  const set = new Set([...source.matchAll(/setOutput\('([a-z-]+)'/g)].map(m => m[1]))
  expect([...set].sort()).toEqual(Object.keys(action.outputs).sort())
})

test('each input and output has a description; optional inputs have a default', () => {
  for (const [name, input] of Object.entries(action.inputs)) {
    expect([name, (input.description ?? '').length > 20]).toEqual([name, true])
    if (!input.required) expect([name, typeof input.default]).toEqual([name, 'string'])
  }
  for (const [name, output] of Object.entries(action.outputs))
    expect([name, (output.description ?? '').length > 10]).toEqual([name, true])
  expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' })
})

test('the post step runs the bundle always (also on cancel), and the code has a post path', () => {
  expect(action.runs).toEqual({
    using: 'node24',
    main: 'dist/index.js',
    post: 'dist/index.js',
    'post-if': 'always()'
  })
  // The post step is told apart by the state its main step saved, which the code must save.
  const saved = [...source.matchAll(/saveState\('([a-z-]+)'/g)].map(m => m[1])
  const read = [...source.matchAll(/getState\('([a-z-]+)'/g)].map(m => m[1])
  expect(saved.sort()).toEqual(['deployment', 'main-ran', 'pid'])
  expect(read.sort()).toEqual([...saved].sort())
})

test.each([
  ['deploy whose inputs are refused', { command: 'deploy', path: 'services/web' }],
  ['remove whose inputs are refused', { command: 'remove' }],
  ['new-deployments', { command: 'new-deployments' }]
])('the post step after a %s does nothing: the command never runs twice', async (_, inputs) => {
  const workspace = tempDir('ls-post-')
  const main = await runAction({ workspace, inputs })
  expect(main.exitCode).toBe(1)
  expect(main.stdout).toContain('::error::')
  const post = await runAction({ workspace, inputs, state: main.state })
  expect({ exitCode: post.exitCode, stdout: post.stdout, summary: post.summary }).toEqual({
    exitCode: 0,
    stdout: '',
    summary: ''
  })
})

test('the events deploy runs for are the ones action.yml names', async () => {
  const { DEPLOY_EVENTS } = await import('../src/deploy/command.js')
  expect(action.inputs.command?.description).toContain(
    `${DEPLOY_EVENTS.slice(0, -1).join(', ')} and ${DEPLOY_EVENTS.at(-1)} events`
  )
})

test('branding for the Marketplace: a Feather icon name and one of the documented colours', () => {
  const { branding } = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    branding?: { icon?: string; color?: string }
  }
  expect(branding?.icon).toMatch(/^[a-z0-9-]+$/)
  // The colours GitHub's metadata syntax allows for branding.color.
  const colours = [
    'white',
    'black',
    'yellow',
    'blue',
    'green',
    'orange',
    'red',
    'purple',
    'gray-dark'
  ]
  expect(colours).toContain(branding?.color)
})
