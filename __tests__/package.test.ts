/**
 * `npm run package` (scripts/package.mjs) on a source that does not compile: it fails, says which
 * file and why, and leaves dist/ as it was — in a copy of the repository, not this one.
 */
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from './helpers/action.js'
import { tempDir } from './helpers/git.js'

const afterCleanup: string[] = []
afterAll(() => {
  for (const dir of afterCleanup) rmSync(dir, { recursive: true, force: true })
})

test('a type error fails npm run package with the compiler message, not megabytes of minified code', () => {
  const copy = tempDir('ls-package-')
  afterCleanup.push(copy)
  for (const path of ['src', 'dist', 'scripts/package.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(REPO_ROOT, path), join(copy, path), { recursive: true })
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'))
  const bundle = readFileSync(join(copy, 'dist/index.js'))
  appendFileSync(join(copy, 'src/names.ts'), '\nexport const broken: number = "not a number"\n')

  const run = spawnSync(process.execPath, [join(copy, 'scripts/package.mjs')], {
    cwd: copy,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024
  })
  expect(run.status).not.toBe(0)
  expect(run.stderr).toContain('src/names.ts')
  expect(run.stderr).toContain("TS2322: Type 'string' is not assignable to type 'number'.")
  // `ncc build` printed about half a kilobyte here. Printed as an uncaught error, the message
  // comes after the minified line of ncc that threw it (3 MB), and through a pipe (CI) the
  // process ends before it is written at all.
  expect({ stderrBytes: run.stderr.length < 10_000 }).toEqual({ stderrBytes: true })
  expect(readFileSync(join(copy, 'dist/index.js')).equals(bundle)).toBe(true)
})
