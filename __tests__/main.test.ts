/** start(): the bundle's entry fails the step when its work can never finish. */
import { start } from '../src/main.js'

let written: string
let write: typeof process.stdout.write
beforeEach(() => {
  written = ''
  write = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written += String(chunk)
    return true
  }) as typeof process.stdout.write
})
afterEach(() => {
  process.stdout.write = write
  process.exitCode = undefined
  process.removeAllListeners('beforeExit')
})

test('work that never settles fails the step once Node has nothing left to wait for', () => {
  start(() => new Promise(() => {}))
  process.emit('beforeExit', 0)
  expect(process.exitCode).toBe(1)
  expect(written).toBe(
    '::error::The action stopped before its work was done (a bug: please report it).\n'
  )
})

test('work that settled leaves the step as it was', async () => {
  start(async () => {})
  await new Promise(resolve => setImmediate(resolve))
  process.emit('beforeExit', 0)
  expect(process.exitCode).toBeUndefined()
  expect(written).toBe('')
})
