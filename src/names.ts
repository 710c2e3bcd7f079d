/**
 * Every name that reaches a command line, a path, a runner label or a DNS record passes through
 * here first. One rule per concept, shared by plan, deploy and remove.
 */

/**
 * Service and deployment names (README "The deployments contract"): DNS-label-like, also valid
 * compose project names. Terraform's copy of the rule is in infrastructure/modules/runner; the
 * shared table __tests__/fixtures/contract/names.json is run through both.
 */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/

/** GitHub runner labels: no commas (config.sh splits on them), no whitespace or control characters. */
export const LABEL_SOURCE = '[A-Za-z0-9][A-Za-z0-9._-]{0,99}'
export const LABEL_PATTERN = new RegExp(`^${LABEL_SOURCE}$`)

/**
 * The contract's pattern, minus two things it lets through that break downstream: a trailing '-'
 * (invalid as a DNS label and as an image tag) and '--' (service 'foo' would select the secrets
 * FOO__BAR__KEY meant for service 'foo--bar').
 */
export function isValidName(name: string): boolean {
  return VALID_NAME.test(name)
}
/**
 * NAME_PATTERN minus a trailing '-' and '--': 1 to 63 characters, letters and digits joined by
 * single '-'. Written without anchors so that the same rule reads names inside a larger text
 * (src/deployments/terraform-text.ts).
 */
export const NAME_SOURCE = '(?=[a-z0-9-]{1,63}(?![a-z0-9-]))[a-z0-9](?:-?[a-z0-9])*'
const VALID_NAME = new RegExp(`^${NAME_SOURCE}$`)

/**
 * Orders names by code unit. Names are checked ASCII, so this is the order everyone expects, and
 * unlike localeCompare it does not load ICU's collator (tens of ms at start-up).
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** `web-app` → `WEB_APP__`: the prefix that selects a secret or variable for a service or deployment. */
export function envPrefix(name: string): string {
  return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}__`
}

export function isValidLabel(label: string): boolean {
  return LABEL_PATTERN.test(label)
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\\\0-\x1f\x7f]/
/** Non-empty segments separated by single slashes, none of them `.` or `..`. */
const NORMAL_PATH = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/

/**
 * A relative path inside the repository: no absolute paths, no `..` segments, no backslashes or
 * control characters. Returns the normalised form (no `./`, no trailing slash) or undefined.
 */
export function normaliseRepoPath(value: string): string | undefined {
  if (value === '' || value.startsWith('/') || CONTROL.test(value)) return undefined
  // Already normal (the usual case, checked without building arrays: plan checks thousands).
  if (NORMAL_PATH.test(value)) return value
  const segments = value.split('/').filter(s => s !== '' && s !== '.')
  if (segments.length === 0 || segments.some(s => s === '..')) return undefined
  return segments.join('/')
}

/**
 * A service folder in the `deployments` contract, as Terraform's `path` validation in
 * infrastructure/modules/runner writes it (shared table: __tests__/fixtures/contract/names.json):
 * `/`-separated segments of letters, digits, `.`, `_`, `-`, none of them `.` or `..`, no leading,
 * trailing or double `/`. The repository root (".") is not a service folder.
 */
export function isValidContractPath(value: string): boolean {
  // The expression takes one backtracking entry per segment: V8's stack gives out near four
  // million of them. Past any sane length, the same rule segment by segment.
  if (value.length > LONG_PATH) return value.split('/').every(s => EXACT_SEGMENT.test(s))
  return CONTRACT_PATH.test(value)
}
const LONG_PATH = 65_536
// A segment is '.' or '..' when its dots are not followed by another segment character. Without
// anchors, so that the same rule reads paths inside a larger text; one expression, no split (plan
// checks thousands of paths).
const SEGMENT = '(?!\\.\\.?(?![A-Za-z0-9._-]))[A-Za-z0-9._-]+'
export const CONTRACT_PATH_SOURCE = `${SEGMENT}(?:/${SEGMENT})*`
const CONTRACT_PATH = new RegExp(`^${CONTRACT_PATH_SOURCE}$`)
const EXACT_SEGMENT = new RegExp(`^${SEGMENT}$`)
