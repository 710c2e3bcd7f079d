/** The saved state of the last good deploy: replaced as a whole, 0700/0600, damage named. */
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  deleteState,
  readLastGood,
  statePaths,
  writeLastGood,
  type LastGood
} from '../../src/deploy/state.js'
import { removeDir } from './support.js'

let root: string
beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'ls-state-'))))
afterEach(() => removeDir(root))

const version = (n: number): LastGood => ({
  config: `{"name":"v${n}"}`,
  env: `KEY="v${n}"\n`,
  images: [
    {
      service: 'web',
      imageId: `sha256:${n}`,
      imageRef: 'web-aws-web',
      tag: 'launch-service-rollback/web-aws:web'
    }
  ],
  keys: ['KEY']
})

test('replaces the state as a whole, folder 0700 and files 0600, leaving only the new version', () => {
  const paths = statePaths(root, 'web-aws')
  writeLastGood(paths, version(1))
  writeLastGood(paths, version(2))
  expect(readLastGood(paths)).toEqual(version(2))
  expect(statSync(paths.dir).mode & 0o777).toBe(0o700)
  for (const file of [paths.config, paths.env, paths.record]) {
    expect(statSync(file).mode & 0o777).toBe(0o600)
  }
  expect(readdirSync(root).filter(name => name.startsWith('web-aws'))).toHaveLength(2) // link + folder
})

test.each([
  ['writing the env file', { env: undefined as unknown as string }],
  ['writing the record', { keys: [1n as unknown as string] }]
])('a failure while %s leaves the previous state exactly as it was', (_, broken) => {
  const paths = statePaths(root, 'web-aws')
  writeLastGood(paths, version(1))
  const before = readdirSync(root).sort()
  expect(() => writeLastGood(paths, { ...version(2), ...broken })).toThrow()
  expect(readLastGood(paths)).toEqual(version(1))
  expect(readdirSync(root).sort()).toEqual(before)
})

test('state in a plain folder (written by an older version) is read, then replaced', () => {
  const paths = statePaths(root, 'web-aws')
  mkdirSync(paths.dir, { mode: 0o700 })
  const old = version(1)
  writeFileSync(paths.config, old.config)
  writeFileSync(paths.env, old.env)
  writeFileSync(paths.record, JSON.stringify({ images: old.images, keys: old.keys }))
  expect(readLastGood(paths)).toEqual(old)
  writeLastGood(paths, version(2))
  expect(readLastGood(paths)).toEqual(version(2))
  deleteState(paths)
  expect(readdirSync(root)).toEqual([])
})

test.each([
  ['{"images": [', 'is not valid JSON'],
  ['{"images": {}, "keys": []}', 'does not hold a list of images and keys']
])('a damaged record.json (%s) is an error naming the file and what to do', (record, problem) => {
  const paths = statePaths(root, 'web-aws')
  writeLastGood(paths, version(1))
  writeFileSync(paths.record, record)
  expect(() => readLastGood(paths)).toThrow(
    expect.objectContaining({
      name: 'ActionError',
      message: expect.stringMatching(
        new RegExp(
          `^The saved state of this deployment is damaged: ${paths.record} ${problem}.*Delete ${paths.dir} on the runner and re-run\\.`
        )
      )
    })
  )
})
