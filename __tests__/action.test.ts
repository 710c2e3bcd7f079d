/** action.yml documents exactly the inputs the code reads, each with a description and a default. */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from './helpers/action.js'

interface Metadata {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string }
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
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
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
