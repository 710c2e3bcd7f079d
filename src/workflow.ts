import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'

/**
 * The few GitHub Actions runner commands the action needs, in exactly the formats @actions/core
 * writes (its 3.x source: command.ts, file-command.ts, summary.ts), without loading it:
 * @actions/core bundles an HTTP client for OIDC (about 1 MB with undici) that costs plan more
 * start-up time than all of its work, and deploy a tenth of its overhead over a bare
 * `docker compose up`. __tests__/workflow.test.ts checks both write the same.
 */

/** `core.getInput`: INPUT_<NAME> (spaces to `_`, upper case), trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** `core.getState`: what the main step saved with `core.saveState`, for its post step. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] || ''
}

/** Workflow command data: `%`, CR and LF would end or garble the command. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Workflow command property values: also `:` and `,`, which would end the property. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function issue(command: string, message: string): void {
  process.stdout.write(`::${command}::${escapeData(message)}${EOL}`)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

/** Starts a foldable group of log lines (`core.startGroup`). */
export function startGroup(name: string): void {
  issue('group', name)
}

export function endGroup(): void {
  issue('endgroup', '')
}

export function warning(message: string): void {
  issue('warning', message)
}

export function error(message: string): void {
  issue('error', message)
}

/** Fails the step: an `::error::` annotation and a non-zero exit code. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Asks the runner to mask this value in every later log line. */
export function setSecret(secret: string): void {
  issue('add-mask', secret)
}

/**
 * Sets a step output in GITHUB_OUTPUT's heredoc form (`name<<delimiter`, value, delimiter), as
 * @actions/core does; like it, on a runner without GITHUB_OUTPUT (older than 2.297, or a local
 * run), with the deprecated `::set-output` command the runner still reads.
 */
export function setOutput(name: string, value: string): void {
  if (!process.env.GITHUB_OUTPUT) {
    process.stdout.write(EOL)
    issue(`set-output name=${escapeProperty(name)}`, value)
    return
  }
  appendKeyValue('GITHUB_OUTPUT', name, value)
}

/**
 * Saves a value for this action's post step (`core.saveState`), which reads it with getState: in
 * GITHUB_STATE's heredoc form, or with `::save-state` on a runner without it.
 */
export function saveState(name: string, value: string): void {
  if (!process.env.GITHUB_STATE) {
    issue(`save-state name=${escapeProperty(name)}`, value)
    return
  }
  appendKeyValue('GITHUB_STATE', name, value)
}

/** `name<<delimiter`, the value, the delimiter: a file command's key-value form. */
function appendKeyValue(variable: 'GITHUB_OUTPUT' | 'GITHUB_STATE', name: string, value: string) {
  const path = process.env[variable] as string
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  const delimiter = `ghadelimiter_${randomHex()}`
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`Unexpected input: ${name} contains the delimiter`)
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, {
    encoding: 'utf8'
  })
}

/**
 * What makes the heredoc safe is the check above that no value contains its delimiter line, so the
 * delimiter need not be secret: Math.random spares loading node:crypto (several ms at start-up)
 * for @actions/core's randomUUID.
 */
function randomHex(): string {
  let hex = ''
  while (hex.length < 32)
    hex += Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0')
  return hex
}

/** A cell of summaryTable: text, or a header cell. The text is HTML: escape what is not. */
export type SummaryCell = string | { data: string; header: true }

/**
 * A heading and a table in the HTML `core.summary.addHeading(text, level).addTable(rows)` builds,
 * for appendSummary. Like it, an empty cell is written as its opening tag alone.
 */
export function summaryTable(heading: string, level: number, rows: SummaryCell[][]): string {
  const wrap = (tag: string, content: string) =>
    content === '' ? `<${tag}>` : `<${tag}>${content}</${tag}>`
  const body = rows
    .map(row =>
      wrap(
        'tr',
        row
          .map(cell => (typeof cell === 'string' ? wrap('td', cell) : wrap('th', cell.data)))
          .join('')
      )
    )
    .join('')
  return `${wrap(`h${level}`, heading)}${EOL}${wrap('table', body)}${EOL}`
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
export function appendSummary(markdown: string): void {
  const path = process.env.GITHUB_STEP_SUMMARY
  if (!path) {
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
    )
  }
  appendFileSync(path, markdown, { encoding: 'utf8' })
}
