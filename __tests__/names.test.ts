/**
 * One contract rule, two languages: the shared table __tests__/fixtures/contract/names.json goes
 * through src/names.ts (the action) and through the variable validations of
 * infrastructure/modules/runner (Terraform), so the two rules cannot drift apart.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isValidContractPath, isValidLabel, isValidName, normaliseRepoPath } from '../src/names.js'
import { REPO_ROOT } from './helpers/action.js'

interface Table {
  valid: string[]
  invalid: string[]
}
const table = JSON.parse(
  readFileSync(join(REPO_ROOT, '__tests__/fixtures/contract/names.json'), 'utf8')
) as { names: Table; labels: Table; paths: Table }

describe('names (the action)', () => {
  test.each(table.names.valid)('%j is a valid name', name => expect(isValidName(name)).toBe(true))
  test.each(table.names.invalid)('%j is not a valid name', name =>
    expect(isValidName(name)).toBe(false)
  )
  test.each(table.labels.valid)('%j is a valid label', label =>
    expect(isValidLabel(label)).toBe(true)
  )
  test.each(table.labels.invalid)('%j is not a valid label', label =>
    expect(isValidLabel(label)).toBe(false)
  )
  test.each(table.paths.valid)('%j is a valid contract path', path =>
    expect(isValidContractPath(path)).toBe(true)
  )
  test.each(table.paths.invalid)('%j is not a valid contract path', path =>
    expect(isValidContractPath(path)).toBe(false)
  )
  test('repository paths are normalised and kept inside the repository', () => {
    expect(normaliseRepoPath('./services//web/')).toBe('services/web')
    for (const bad of ['/etc', '..', 'a/../..', 'a\\b', 'a\0b', ''])
      expect(normaliseRepoPath(bad)).toBeUndefined()
  })
})

/** An HCL string literal: JSON's escapes are HCL's, plus `${` / `%{` must not start a template. */
const hcl = (value: string): string =>
  JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')

interface Case {
  run: string
  variable: 'name' | 'service' | 'extra_labels' | 'path'
  value: string
  valid: boolean
}

function cases(): Case[] {
  const all: Case[] = []
  const add = (variable: Case['variable'], values: string[], valid: boolean): void => {
    values.forEach(value =>
      all.push({ run: `${variable}_${valid ? 'ok' : 'bad'}_${all.length}`, variable, value, valid })
    )
  }
  for (const variable of ['name', 'service'] as const) {
    add(variable, table.names.valid, true)
    add(variable, table.names.invalid, false)
  }
  add('extra_labels', table.labels.valid, true)
  add('extra_labels', table.labels.invalid, false)
  add('path', table.paths.valid, true)
  add('path', table.paths.invalid, false)
  return all
}

describe('names (Terraform: infrastructure/modules/runner)', () => {
  test('terraform test accepts exactly the valid entries of the shared table', () => {
    const work = mkdtempSync(join(tmpdir(), 'names-tf-'))
    try {
      // The runner module renders ../../templates/user-data.sh.tftpl: keep the layout.
      cpSync(join(REPO_ROOT, 'infrastructure/modules/runner'), join(work, 'modules/runner'), {
        recursive: true,
        filter: src => !/\/(\.terraform|tests)(\/|$)/.test(src)
      })
      cpSync(join(REPO_ROOT, 'infrastructure/templates'), join(work, 'templates'), {
        recursive: true
      })
      const runs = cases().map(c => {
        const value = c.variable === 'extra_labels' ? `[${hcl(c.value)}]` : hcl(c.value)
        return [
          `run "${c.run}" {`,
          '  command = plan',
          `  variables {\n    ${c.variable} = ${value}\n  }`,
          c.valid ? '' : `  expect_failures = [var.${c.variable}]`,
          '}'
        ].join('\n')
      })
      const base = 'variables {\n  name = "web-aws"\n  service = "web"\n  target = "aws"\n}\n'
      mkdirSync(join(work, 'modules/runner/tests'))
      writeFileSync(join(work, 'modules/runner/tests/names.tftest.hcl'), base + runs.join('\n'))
      const dir = join(work, 'modules/runner')
      const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }
      const init = spawnSync(
        'terraform',
        [`-chdir=${dir}`, 'init', '-backend=false', '-no-color'],
        {
          encoding: 'utf8',
          env
        }
      )
      expect(init.status).toBe(0)
      const test = spawnSync('terraform', [`-chdir=${dir}`, 'test', '-no-color'], {
        encoding: 'utf8',
        env,
        timeout: 300_000
      })
      const failed = cases().filter(c =>
        new RegExp(`run "${c.run}"\\.\\.\\. fail`).test(test.stdout)
      )
      expect(
        failed.map(
          c => `${c.variable} ${JSON.stringify(c.value)} (${c.valid ? 'valid' : 'invalid'})`
        )
      ).toEqual([])
      expect(test.stdout).toContain(`${cases().length} passed, 0 failed`)
      expect(test.status).toBe(0)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }, 300_000)
})

test('a contract path of millions of segments is judged like any other, not a stack overflow', () => {
  // Each segment is one more turn of a regular-expression loop; V8's backtracking stack overflows
  // at about four million of them (an 8 MB path), where checking segment by segment never did.
  const path = `a${'/a'.repeat(4_000_000)}`
  expect(isValidContractPath(path)).toBe(true)
  expect(isValidContractPath(`${path}/..`)).toBe(false)
})
