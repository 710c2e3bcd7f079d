import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'

/**
 * The few GitHub Actions runner commands plan needs, in exactly the formats @actions/core writes
 * (its 3.x source: command.ts, file-command.ts, summary.ts), without loading it: @actions/core
 * bundles an HTTP client for OIDC that costs more start-up time than all of plan's work. The
 * deploy path, which is slow anyway, keeps using @actions/core. __tests__/workflow.test.ts checks
 * both write the same.
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
  const path = process.env.GITHUB_OUTPUT
  if (!path) {
    process.stdout.write(EOL)
    issue(`set-output name=${escapeProperty(name)}`, value)
    return
  }
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  const delimiter = `ghadelimiter_${randomHex()}`
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`Unexpected input: output ${name} contains the delimiter`)
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
