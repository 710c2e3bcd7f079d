#!/usr/bin/env node
// `npm run package`: bundles src/ into dist/ with ncc (its API, as the CLI cannot choose the
// format) as one CommonJS file plus the chunks deploy loads on demand. The source is ESM; the bundle
// is CommonJS because Node starts a CommonJS entry about 5 ms sooner than an ES module (no ESM
// loader), which is a tenth of what plan costs on top of Node's own start (bench/README.md).
import ncc from '@vercel/ncc'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')

async function build() {
  try {
    return await ncc(join(root, 'src', 'index.ts'), {
      esm: false,
      license: 'licenses.txt',
      // ncc's shared build cache is keyed by the entry's path, not by the format: a clone at a
      // path where an ES module build ran before got that build's module code in this one.
      cache: false,
      quiet: true
    })
  } catch (error) {
    // The compiler's message, not the error as thrown from a 3 MB minified line of ncc (which,
    // written to a pipe, does not even get out before the process ends).
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
    return undefined
  }
}

const built = await build()
// A failed build leaves dist/ as it was.
if (built !== undefined) {
  rmSync(dist, { recursive: true, force: true })
  mkdirSync(dist)
  writeFileSync(join(dist, 'index.js'), built.code)
  for (const [name, { source }] of Object.entries(built.assets)) {
    mkdirSync(dirname(join(dist, name)), { recursive: true })
    writeFileSync(join(dist, name), source)
  }
  // The repository's package.json says "module": this folder's files are CommonJS.
  writeFileSync(join(dist, 'package.json'), '{\n  "type": "commonjs"\n}\n')
}
