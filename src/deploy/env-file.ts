import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import { ActionError, InputError } from '../errors.js'
import { compareNames, envPrefix } from '../names.js'

/** The .env key that carries the deployment's public URL. */
export const DEPLOYMENT_URL_KEY = 'DEPLOYMENT_URL'

/** Environment variable names compose and the container accept. */
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

export { envPrefix }

/** A selected value and where it came from: secrets are masked, variables are not. */
export interface SelectedValue {
  value: string
  source: 'secrets' | 'vars'
}

/**
 * Picks the entries meant for this service and deployment and strips their prefix:
 * `<SERVICE>__<KEY>` and `<DEPLOYMENT>__<KEY>` become `<KEY>`. Precedence, lowest first:
 * service variable, service secret, deployment variable, deployment secret (the more specific
 * name wins; at the same level a secret wins over a variable). Nothing else is selected.
 */
export function selectEnv(
  secrets: Record<string, string>,
  vars: Record<string, string>,
  service: string,
  deployment: string
): Map<string, SelectedValue> {
  const selected = new Map<string, SelectedValue>()
  const layers: [Record<string, string>, string, SelectedValue['source']][] = [
    [vars, envPrefix(service), 'vars'],
    [secrets, envPrefix(service), 'secrets'],
    [vars, envPrefix(deployment), 'vars'],
    [secrets, envPrefix(deployment), 'secrets']
  ]
  for (const [entries, prefix, source] of layers) {
    for (const [name, value] of Object.entries(entries)) {
      if (!name.toUpperCase().startsWith(prefix)) continue
      const key = name.slice(prefix.length)
      if (!KEY_PATTERN.test(key)) {
        throw new InputError(
          source,
          `entry '${name}' does not give a valid variable name after '${prefix}'`,
          'Name entries <SERVICE>__<KEY> or <DEPLOYMENT>__<KEY>, where KEY is letters, digits and underscores.'
        )
      }
      selected.set(key, { value, source })
    }
  }
  return new Map([...selected].sort(([a], [b]) => compareNames(a, b)))
}

/**
 * The deployment's public URL (the `url` input, matrix.url) as DEPLOYMENT_URL, so a compose file
 * can derive its domain settings from it; a secret or variable of that name still wins. Public,
 * so selected as a variable (never masked).
 */
export function withDeploymentUrl(
  selected: Map<string, SelectedValue>,
  url: string | undefined
): Map<string, SelectedValue> {
  if (url === undefined || selected.has(DEPLOYMENT_URL_KEY)) return selected
  return new Map([
    ...selected,
    [DEPLOYMENT_URL_KEY, { value: url.replace(/\/+$/, ''), source: 'vars' }]
  ])
}

/** The values of a selection, by key. */
export function envValues(selected: Map<string, SelectedValue>): Map<string, string> {
  return new Map([...selected].map(([key, { value }]) => [key, value]))
}

export interface ExampleCheck {
  /** The selected entries plus the example's non-empty defaults for keys not selected. */
  env: Map<string, string>
  /** Keys of .env.example with neither a selected value nor a non-empty default. */
  missing: string[]
}

/** Completes the selection from `.env.example` (parsed with dotenv) and lists what is missing. */
export function applyExample(
  selected: Map<string, string>,
  exampleText: string | undefined
): ExampleCheck {
  const env = new Map(selected)
  const missing: string[] = []
  if (exampleText === undefined) return { env, missing }
  for (const [key, fallback] of Object.entries(parseDotenv(exampleText))) {
    if (env.has(key)) continue
    if (fallback === '') missing.push(key)
    else env.set(key, fallback)
  }
  return {
    env: new Map([...env].sort(([a], [b]) => compareNames(a, b))),
    missing: missing.sort()
  }
}

/**
 * One value in the form compose's .env parser (compose-go dotenv, used for both `env_file:` and
 * interpolation) reads back byte for byte: double quotes, with `\`, `"`, `$`, newline and carriage
 * return escaped. Compose expands `\n`/`\r`, unescapes `\\` and `\"`, and turns `\$` into a
 * literal `$` instead of interpolating. Single quotes are not enough: compose cannot represent a
 * backslash before a single quote or at the end of a single-quoted value.
 */
export function encodeValue(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\$/g, '\\$')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
  return `"${escaped}"`
}

export function encodeEnvFile(env: Map<string, string>, deployment: string): string {
  const lines = [
    `# Written by launch-service for deployment ${deployment}. Do not edit: the next deploy replaces it.`
  ]
  for (const [key, value] of env) {
    if (!KEY_PATTERN.test(key)) {
      throw new ActionError(
        `.env key '${key}' is not a valid variable name (letters, digits and underscores).`
      )
    }
    if (value.includes('\0')) {
      throw new ActionError(
        `The value of ${key} contains a NUL character, which no environment variable can hold. Remove it from the secret or variable.`
      )
    }
    lines.push(`${key}=${encodeValue(value)}`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * The values of the given environment keys in a resolved compose config (JSON), exactly, for
 * masking the last good deploy's secrets; never throws.
 */
export function configEnvValues(configJson: string | undefined, keys: string[]): string[] {
  if (configJson === undefined || keys.length === 0) return []
  try {
    const config = JSON.parse(configJson) as {
      services?: Record<string, { environment?: Record<string, string | null> }>
    }
    const wanted = new Set(keys)
    return Object.values(config.services ?? {}).flatMap(s =>
      Object.entries(s.environment ?? {})
        .filter((e): e is [string, string] => wanted.has(e[0]) && typeof e[1] === 'string')
        .map(([, v]) => v.replace(/\$\$/g, '$'))
    )
  } catch {
    return []
  }
}

export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Writes a file atomically with mode 0600: a temp file in the same folder, fsynced, then renamed
 * over the target, so readers see either the old or the new content, never a partial file, and
 * the content is never readable by others, not even for a moment.
 */
export function writeFileAtomic(path: string, content: string): void {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  )
  writeNewFile(temp, content)
  try {
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/** Creates a file that must not exist yet, mode 0600 from the start, and flushes it to disk. */
export function writeNewFile(path: string, content: string): void {
  const fd = openSync(path, 'wx', 0o600)
  try {
    writeSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Puts a file back as it was: the given content, or no file at all. */
export function restoreFile(path: string, content: string | undefined): void {
  if (content === undefined) rmSync(path, { force: true })
  else writeFileAtomic(path, content)
}
