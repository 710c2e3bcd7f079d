/**
 * src/workflow.ts writes what @actions/core writes (the action uses it to skip core's load time):
 * the same workflow commands on stdout, the same GITHUB_OUTPUT and GITHUB_STATE heredocs, the same
 * summary. Each case runs both and compares.
 */
import * as core from '@actions/core'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as workflow from '../src/workflow.js'
import { parseOutputFile } from './helpers/action.js'
import { tempDir } from './helpers/git.js'

const HOSTILE = [
  'plain',
  '100% done',
  'two\nlines',
  'cr\r\nlf',
  '::error::injected',
  'ünïcödé ✓',
  '%0A already escaped'
]

let dir: string
let saved: NodeJS.ProcessEnv
beforeEach(() => {
  dir = tempDir('ls-workflow-')
  saved = { ...process.env }
})
afterEach(() => {
  process.env = saved
  process.exitCode = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** What a function writes to stdout. */
function stdoutOf(fn: () => void): string {
  const write = process.stdout.write
  let text = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    text += String(chunk)
    return true
  }) as typeof process.stdout.write
  try {
    fn()
  } finally {
    process.stdout.write = write
  }
  return text
}

/** The text a file command function appends, with the random delimiter made comparable. */
function outputFileOf(fn: () => void, variable = 'GITHUB_OUTPUT'): string {
  const file = join(dir, `output-${Math.random()}`)
  writeFileSync(file, '')
  process.env[variable] = file
  fn()
  return readFileSync(file, 'utf8')
}
const sameDelimiter = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER')

test.each(HOSTILE)('warning, error, add-mask and info of %j match @actions/core', message => {
  for (const [ours, theirs] of [
    [workflow.warning, core.warning],
    [workflow.error, core.error],
    [workflow.setSecret, core.setSecret],
    [workflow.info, core.info]
  ] as const) {
    expect(stdoutOf(() => ours(message))).toBe(stdoutOf(() => theirs(message)))
  }
  expect(stdoutOf(() => workflow.warning(message)).split('\n').length).toBe(2)
})

test('setFailed writes the same ::error:: line and sets exit code 1', () => {
  const ours = stdoutOf(() => workflow.setFailed('bad\ninput'))
  expect(process.exitCode).toBe(1)
  process.exitCode = undefined
  expect(ours).toBe(stdoutOf(() => core.setFailed('bad\ninput')))
  expect(process.exitCode).toBe(1)
})

test('setOutput writes the heredoc form @actions/core writes, read back intact', () => {
  const values: Array<[string, string]> = [
    ['matrix', '{"include":[{"service":"web"}]}'],
    ['has-changes', 'false'],
    ['multi', 'line one\nline two\n'],
    ['empty', ''],
    ['unicode', 'ünïcödé ✓']
  ]
  const ours = outputFileOf(() => values.forEach(([n, v]) => workflow.setOutput(n, v)))
  const theirs = outputFileOf(() => values.forEach(([n, v]) => core.setOutput(n, v)))
  expect(sameDelimiter(ours)).toBe(sameDelimiter(theirs))
  expect(parseOutputFile(ours)).toEqual(Object.fromEntries(values))
  // Each value gets its own delimiter.
  expect(new Set(ours.match(/ghadelimiter_\w+/g)).size).toBe(values.length)
})

test('without GITHUB_OUTPUT, setOutput falls back to ::set-output like @actions/core', () => {
  delete process.env.GITHUB_OUTPUT
  for (const value of HOSTILE) {
    const ours = stdoutOf(() => workflow.setOutput('na:me,x', value))
    expect(ours).toBe(stdoutOf(() => core.setOutput('na:me,x', value)))
    expect(ours).toContain('::set-output name=na%3Ame%2Cx::')
  }
})

test('saveState writes GITHUB_STATE like @actions/core, or ::save-state without it', () => {
  const values: Array<[string, string]> = [
    ['deployment', 'web-aws'],
    ['pid', '4242'],
    ['multi', 'one\ntwo']
  ]
  const ours = outputFileOf(
    () => values.forEach(([n, v]) => workflow.saveState(n, v)),
    'GITHUB_STATE'
  )
  const theirs = outputFileOf(
    () => values.forEach(([n, v]) => core.saveState(n, v)),
    'GITHUB_STATE'
  )
  expect(sameDelimiter(ours)).toBe(sameDelimiter(theirs))
  expect(parseOutputFile(ours)).toEqual(Object.fromEntries(values))
  delete process.env.GITHUB_STATE
  for (const value of HOSTILE)
    expect(stdoutOf(() => workflow.saveState('a:b', value))).toBe(
      stdoutOf(() => core.saveState('a:b', value))
    )
})

test.each(HOSTILE)('a log group named %j is opened and closed like @actions/core', name => {
  expect(stdoutOf(() => workflow.startGroup(name))).toBe(stdoutOf(() => core.startGroup(name)))
  expect(stdoutOf(() => workflow.endGroup())).toBe(stdoutOf(() => core.endGroup()))
})

test('summaryTable builds the HTML of core.summary.addHeading().addTable(), empty cells too', () => {
  const rows: workflow.SummaryCell[][] = [
    [{ data: 'Status', header: true }, 'deployed'],
    [{ data: 'URL', header: true }, ''],
    [{ data: 'Reason', header: true }, 'a &amp; b']
  ]
  // stringify, not write: core.summary remembers the first summary file it wrote to.
  const theirs = core.summary.addHeading('web-aws: deployed', 3).addTable(rows).stringify()
  core.summary.emptyBuffer()
  expect(workflow.summaryTable('web-aws: deployed', 3, rows)).toBe(theirs)
})

test('setOutput fails clearly when the GITHUB_OUTPUT file is missing', () => {
  process.env.GITHUB_OUTPUT = join(dir, 'nope')
  expect(() => workflow.setOutput('a', 'b')).toThrow(`Missing file at path: ${join(dir, 'nope')}`)
})

test('appendSummary appends like core.summary.addRaw(...).write()', async () => {
  const ours = join(dir, 'ours.md')
  const theirs = join(dir, 'theirs.md')
  writeFileSync(ours, 'before\n')
  writeFileSync(theirs, 'before\n')
  process.env.GITHUB_STEP_SUMMARY = ours
  workflow.appendSummary('## plan\n\n| a | b |\n')
  process.env.GITHUB_STEP_SUMMARY = theirs
  await core.summary.addRaw('## plan\n\n| a | b |\n').write()
  expect(readFileSync(ours, 'utf8')).toBe(readFileSync(theirs, 'utf8'))
})

test('getInput reads INPUT_<NAME> like @actions/core (spaces to _, upper case, trimmed)', () => {
  process.env['INPUT_SHARED-PATHS'] = '  shared/**\n'
  process.env.INPUT_MY_INPUT = ' x '
  for (const name of ['shared-paths', 'my input', 'absent'])
    expect(workflow.getInput(name)).toBe(core.getInput(name))
})
