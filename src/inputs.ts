import { InputError } from './errors.js'
import { isValidName, normaliseRepoPath } from './names.js'

/** Reads one raw input (core.getInput in the action, a map in tests). */
export type InputReader = (name: string) => string

export const COMMANDS = ['plan', 'deploy', 'remove', 'new-deployments'] as const
export type Command = (typeof COMMANDS)[number]

export function getCommand(read: InputReader): Command {
  const value = read('command').trim()
  if ((COMMANDS as readonly string[]).includes(value)) return value as Command
  throw new InputError(
    'command',
    value === '' ? 'is required' : `unknown command '${value}'`,
    `Use one of: ${COMMANDS.join(', ')}.`
  )
}

export interface PlanInputs {
  /** JSON text or a path to a JSON file; undefined when terraform-dir or vars is used. */
  deployments?: string
  terraformDir?: string
  /** `toJSON(vars)` holding the LAUNCH_SERVICE_DEPLOYMENTS* variables, when neither of the above. */
  publishedVars?: Record<string, string>
  servicesDir: string
  base?: string
  head?: string
  /** Explicit selection: 'all' or a list of names; undefined = from the event. */
  services?: 'all' | string[]
  /** Only these deployments get jobs (a first deploy after an apply); undefined = all. */
  onlyDeployments?: string[]
  sharedPaths: string[]
  /** push: compare with the push's `before` ('event') or the last successful run's commit. */
  compareWith: 'event' | 'last-successful-run'
  githubToken: string
}

export function getPlanInputs(read: InputReader): PlanInputs {
  const deployments = read('deployments').trim() || undefined
  const terraformDir = read('terraform-dir').trim() || undefined
  if (deployments && terraformDir) {
    throw new InputError(
      'deployments',
      'both deployments and terraform-dir are set',
      'Set only one: deployments (JSON or a file) or terraform-dir (runs terraform output -json deployments).'
    )
  }
  const publishedVars = deployments || terraformDir ? undefined : stringMap(read, 'vars')
  if (publishedVars !== undefined && Object.keys(publishedVars).length === 0) {
    throw new InputError(
      'deployments',
      'none of deployments, terraform-dir or vars is set',
      'Pass vars: ${{ toJSON(vars) }} (the deployments Terraform publishes), the terraform output as deployments (JSON text or a file path), or set terraform-dir.'
    )
  }
  const servicesDir = repoPath(read, 'services-dir', 'services')
  return {
    deployments,
    terraformDir: terraformDir === undefined ? undefined : repoPath(read, 'terraform-dir'),
    publishedVars,
    servicesDir,
    base: optionalRevision(read, 'base'),
    head: optionalRevision(read, 'head'),
    services: serviceSelection(read),
    onlyDeployments: nameList(
      read('only-deployments'),
      'only-deployments',
      'deployment names',
      'deployment names'
    ),
    sharedPaths: lines(read('shared-paths')),
    compareWith: compareWith(read),
    githubToken: read('github-token').trim()
  }
}

export interface DeployInputs {
  deployment: string
  /** Service folder, relative to the workspace. */
  path: string
  /** The service name (matrix.service); picks the <SERVICE>__<KEY> secrets. Default: path's last folder. */
  service: string
  /** secrets / vars inputs (normally toJSON(secrets) / toJSON(vars)), parsed into string maps. */
  secrets: Record<string, string>
  vars: Record<string, string>
  envFile: string
  composeFile?: string
  waitTimeoutSeconds: number
  healthUrl?: string
  /** The deployment's public URL (matrix.url), reported in the output and summary. */
  url?: string
  rollback: boolean
}

export function getDeployInputs(read: InputReader): DeployInputs {
  const deployment = requiredName(read, 'deployment')
  const path = repoPath(read, 'path')
  return {
    deployment,
    path,
    service: serviceName(read, path),
    secrets: stringMap(read, 'secrets'),
    vars: stringMap(read, 'vars'),
    envFile: envFileName(read),
    composeFile: read('compose-file').trim() ? fileName(read, 'compose-file') : undefined,
    waitTimeoutSeconds: positiveInteger(read, 'wait-timeout', 300, MAX_WAIT_TIMEOUT_SECONDS),
    healthUrl: optionalUrl(read, 'health-url'),
    url: optionalUrl(read, 'url'),
    rollback: boolean(read, 'rollback', true)
  }
}

/** remove needs only the deployment; path is optional because the folder may be gone. */
export interface RemoveInputs {
  deployment: string
  path?: string
  service?: string
  envFile: string
}

export function getRemoveInputs(read: InputReader): RemoveInputs {
  const path = read('path').trim() ? repoPath(read, 'path') : undefined
  return {
    deployment: requiredName(read, 'deployment'),
    path,
    service:
      path === undefined && read('service').trim() === ''
        ? undefined
        : serviceName(read, path ?? ''),
    envFile: envFileName(read)
  }
}

/** new-deployments: the JSON of a saved plan, usually in the runner's temporary folder. */
export function getNewDeploymentsInputs(read: InputReader): { terraformPlan: string } {
  const terraformPlan = read('terraform-plan').trim()
  if (terraformPlan === '') {
    throw new InputError(
      'terraform-plan',
      'is required',
      'Pass the path of a file holding `terraform show -json <planfile>`.'
    )
  }
  return { terraformPlan }
}

// ---- helpers ---------------------------------------------------------------------------------

export function lines(value: string): string[] {
  return value
    .split(/[\r\n]+/)
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#'))
}

function requiredName(read: InputReader, name: string): string {
  const value = read(name).trim()
  if (value === '')
    throw new InputError(name, 'is required', `Pass ${name}: \${{ matrix.${name} }}.`)
  if (!isValidName(value)) {
    throw new InputError(
      name,
      `'${value}' is not a valid name`,
      'Use lower-case letters, digits and dashes, starting with a letter or digit, at most 63 characters.'
    )
  }
  return value
}

function compareWith(read: InputReader): PlanInputs['compareWith'] {
  const value = read('compare-with').trim() || 'event'
  if (value === 'event' || value === 'last-successful-run') return value
  throw new InputError(
    'compare-with',
    `'${value}' is not a choice`,
    'Use event or last-successful-run.'
  )
}

function serviceName(read: InputReader, path: string): string {
  if (read('service').trim() !== '') return requiredName(read, 'service')
  const folder = path.split('/').pop() ?? ''
  if (!isValidName(folder)) {
    throw new InputError(
      'service',
      `is not set and the folder name '${folder}' of path is not a valid service name`,
      'Pass service: ${{ matrix.service }}.'
    )
  }
  return folder
}

function repoPath(read: InputReader, name: string, fallback?: string): string {
  const raw = read(name).trim() || fallback
  if (raw === undefined)
    throw new InputError(name, 'is required', `Pass a folder path for ${name}.`)
  const value = normaliseRepoPath(raw)
  if (value === undefined) {
    throw new InputError(
      name,
      `'${raw}' is not a relative path inside the repository`,
      'Use a path like services/my-service, without .. or a leading /.'
    )
  }
  return value
}

function fileName(read: InputReader, name: string, fallback?: string): string {
  const value = read(name).trim() || fallback || ''
  if (!/^[A-Za-z0-9._-]+$/.test(value) || value === '.' || value === '..') {
    throw new InputError(
      name,
      `'${value}' is not a plain file name`,
      'Give a file name inside the service folder, like .env or compose.yaml (no slashes).'
    )
  }
  return value
}

/** The env file is written on deploy and deleted on remove: never a compose file or .env.example. */
function envFileName(read: InputReader): string {
  const value = fileName(read, 'env-file', '.env')
  const composeFile = read('compose-file').trim()
  if (
    /^(docker-)?compose\.ya?ml$/.test(value) ||
    value === composeFile ||
    value === '.env.example'
  ) {
    throw new InputError(
      'env-file',
      `'${value}' is a file of the service (its compose file or .env.example), which the action would overwrite and delete`,
      'Name the env file the compose file reads, like .env.'
    )
  }
  return value
}

function optionalRevision(read: InputReader, name: string): string | undefined {
  const value = read(name).trim()
  if (value === '') return undefined
  // A revision reaches git's command line: refuse anything that git could read as an option.
  if (value.startsWith('-') || !/^[A-Za-z0-9._/@^~{}-]+$/.test(value)) {
    throw new InputError(
      name,
      `'${value}' is not a commit`,
      'Pass a commit SHA, branch or tag name.'
    )
  }
  return value
}

function serviceSelection(read: InputReader): PlanInputs['services'] {
  const names = nameList(
    read('services'),
    'services',
    'service names',
    "'all' or folder names under services-dir"
  )
  if (names?.length === 1 && names[0] === 'all') return 'all'
  return names
}

/**
 * Names separated by commas or new lines, or a JSON array of them (new-deployments' output), each
 * checked ('all' passes through for services); undefined if none.
 */
function nameList(text: string, input: string, noun: string, what: string): string[] | undefined {
  const raw = text.trim()
  let names: unknown[]
  if (raw.startsWith('[')) {
    try {
      names = JSON.parse(raw) as unknown[]
    } catch {
      throw new InputError(input, 'is not a JSON array', `Use ${what}, separated by commas.`)
    }
    if (!Array.isArray(names))
      throw new InputError(input, 'is not a JSON array', `Use ${what}, separated by commas.`)
  } else {
    names = raw.split(/[\s,]+/).filter(s => s !== '')
  }
  if (names.length === 0) return undefined
  if (names.length === 1 && names[0] === 'all' && input === 'services') return ['all']
  const bad = names.filter(n => typeof n !== 'string' || !isValidName(n))
  if (bad.length > 0) {
    throw new InputError(
      input,
      `not valid ${noun}: ${bad.map(b => (typeof b === 'string' ? b : JSON.stringify(b))).join(', ')}`,
      `Use ${what}, separated by commas or new lines.`
    )
  }
  return [...new Set(names as string[])].sort()
}

function stringMap(read: InputReader, name: string): Record<string, string> {
  const raw = read(name).trim()
  if (raw === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    // Never echo the text: it is normally toJSON(secrets).
    throw new InputError(
      name,
      'is not valid JSON',
      `Pass \${{ toJSON(${name}) }} or a JSON object of strings.`
    )
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(
      name,
      'is not a JSON object',
      `Pass \${{ toJSON(${name}) }} or a JSON object of strings.`
    )
  }
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value)
    else
      throw new InputError(name, `entry '${key}' is not a string`, 'Every value must be a string.')
  }
  return out
}

/** A day: longer than any job may run on a GitHub-hosted runner, short of overflowing compose. */
export const MAX_WAIT_TIMEOUT_SECONDS = 86_400

function positiveInteger(read: InputReader, name: string, fallback: number, max: number): number {
  const raw = read(name).trim()
  if (raw === '') return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new InputError(
      name,
      `'${raw}' is not a whole number of seconds from 1 to ${max}`,
      'Pass a number like 300.'
    )
  }
  return Number(raw)
}

function optionalUrl(read: InputReader, name: string): string | undefined {
  const raw = read(name).trim()
  if (raw === '') return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new InputError(name, `'${raw}' is not a URL`, 'Pass a full http:// or https:// URL.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(
      name,
      `'${raw}' is not an http(s) URL`,
      'Pass a full http:// or https:// URL.'
    )
  }
  return raw
}

function boolean(read: InputReader, name: string, fallback: boolean): boolean {
  const raw = read(name).trim().toLowerCase()
  if (raw === '') return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  throw new InputError(name, `'${raw}' is not true or false`, 'Pass true or false.')
}
