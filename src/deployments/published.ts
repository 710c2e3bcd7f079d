import { InputError } from '../errors.js'

/**
 * Terraform publishes the `deployments` map as GitHub Actions repository variables, so the plan job
 * reads it from `toJSON(vars)` without cloud credentials and without a committed copy:
 * LAUNCH_SERVICE_DEPLOYMENTS holds the number of parts, LAUNCH_SERVICE_DEPLOYMENTS_1..N each a JSON
 * object with some of the deployments. Parts, because one variable holds at most 48 KB; GitHub
 * passes a run at most 256 KB of variables and silently drops the alphabetically last ones beyond
 * that, so a missing part is an error here, never fewer deployments.
 */
export const PUBLISHED_VARIABLE = 'LAUNCH_SERVICE_DEPLOYMENTS'

const notPublishedFix =
  'Apply infrastructure/ once on the default branch (the Terraform workflow publishes the deployments as repository variables), or pass deployments / terraform-dir instead.'

/**
 * The texts of the published parts, in order; a missing or miscounted part is an error here, never
 * fewer deployments.
 */
export function publishedParts(vars: Record<string, string>): { name: string; text: string }[] {
  const count = vars[PUBLISHED_VARIABLE]
  if (count === undefined) {
    throw new InputError('vars', `has no ${PUBLISHED_VARIABLE} variable`, notPublishedFix)
  }
  if (!/^(0|[1-9][0-9]{0,2})$/.test(count.trim())) {
    throw new InputError(
      'vars',
      `${PUBLISHED_VARIABLE} must be the number of parts, not ${JSON.stringify(count.slice(0, 20))}`,
      notPublishedFix
    )
  }
  const parts: { name: string; text: string }[] = []
  for (let part = 1; part <= Number(count); part++) {
    const name = `${PUBLISHED_VARIABLE}_${part}`
    const text = vars[name]
    if (text === undefined) {
      throw new InputError(
        'vars',
        `${name} is missing (${PUBLISHED_VARIABLE} says ${count} parts)`,
        'GitHub passes a workflow run at most 256 KB of repository and organisation variables and drops the alphabetically last ones: make other variables smaller, or re-run the Terraform workflow if it was interrupted.'
      )
    }
    parts.push({ name, text })
  }
  return parts
}

/**
 * The parts as one map in Terraform's text form (`{` the parts' entries joined by commas `}`), for
 * readTerraformText, with `breaks`: the offsets of the commas where two parts meet. Undefined when a
 * part is not a JSON object's text.
 */
export function joinPublishedText(
  parts: { text: string }[]
): { text: string; breaks: number[] } | undefined {
  const inner: string[] = []
  const breaks: number[] = []
  let at = 1
  for (const { text } of parts) {
    if (!text.startsWith('{') || !text.endsWith('}')) return undefined
    if (text.length <= 2) continue
    if (inner.length > 0) breaks.push(at++)
    inner.push(text.slice(1, -1))
    at += text.length - 2
  }
  return { text: `{${inner.join(',')}}`, breaks }
}

/** Joins the published parts into the bare `deployments` map (validated later by parseDeployments). */
export function joinPublishedDeployments(vars: Record<string, string>): Record<string, unknown> {
  const map = new Map<string, unknown>()
  for (const { name, text } of publishedParts(vars)) {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      throw new InputError('vars', `${name} is not valid JSON`, notPublishedFix)
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InputError('vars', `${name} is not a JSON object of deployments`, notPublishedFix)
    }
    for (const [deployment, record] of Object.entries(value)) {
      if (map.has(deployment)) {
        throw new InputError('vars', `deployment '${deployment}' is in two parts`, notPublishedFix)
      }
      map.set(deployment, record)
    }
  }
  // fromEntries defines own properties: a key such as __proto__ stays a (refused) deployment name.
  return Object.fromEntries(map)
}
