import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { ActionError, InputError } from '../errors.js'
import { CommandNotFoundError, type Runner } from '../exec.js'
import { type DeploymentTable, parseDeployments, tableOf } from './contract.js'
import { joinPublishedDeployments, joinPublishedText, publishedParts } from './published.js'
import { readTerraformText } from './terraform-text.js'

/**
 * Reads the deployments from the `deployments` input (JSON text or a file path), by running
 * `terraform output -json deployments` in `terraform-dir`, or from the repository variables
 * Terraform publishes (`vars`). `servicesDir`: where the services live (`services-dir`), which
 * the usual deployments' paths are read against.
 */
export async function loadDeployments(
  source: {
    deployments?: string
    terraformDir?: string
    publishedVars?: Record<string, string>
    servicesDir: string
  },
  workspace: string,
  run: Runner
): Promise<DeploymentTable> {
  const { servicesDir } = source
  if (source.deployments === undefined && source.terraformDir === undefined) {
    const vars = source.publishedVars ?? {}
    const parts = publishedParts(vars)
    const joined = joinPublishedText(parts)
    return (
      // An entry split across two parts must not be read: each part must be JSON by itself.
      (joined === undefined
        ? undefined
        : readTerraformText(joined.text, servicesDir, joined.breaks)) ??
      tableOf(parseDeployments(joinPublishedDeployments(vars), 'vars'))
    )
  }
  if (source.deployments !== undefined) {
    const text = source.deployments
    if (/^\s*[{[]/.test(text)) return readText(text, servicesDir, 'deployments', 'the text')
    const file = isAbsolute(text) ? text : resolve(workspace, text)
    let content: string
    try {
      content = readFileSync(file, 'utf8')
    } catch {
      throw new InputError(
        'deployments',
        `'${text}' is neither JSON nor a readable file`,
        'Pass the JSON itself, or a path (relative to the workspace) to a file holding `terraform output -json`.'
      )
    }
    return readText(content, servicesDir, 'deployments', `file '${text}'`)
  }

  const dir = resolve(workspace, source.terraformDir ?? '.')
  let result
  try {
    // The one output, not the whole document: Terraform writes it in the form read directly.
    result = await run(
      'terraform',
      [`-chdir=${dir}`, 'output', '-json', '-no-color', 'deployments'],
      {}
    )
  } catch (error) {
    if (!(error instanceof CommandNotFoundError)) throw error
    throw new InputError(
      'terraform-dir',
      'terraform is not on PATH',
      'Add hashicorp/setup-terraform before this step, or pass the output as the deployments input instead.'
    )
  }
  if (result.exitCode !== 0 && /output .*not found/i.test(result.stderr)) {
    throw new InputError(
      'terraform-dir',
      `the state in '${source.terraformDir}' has no \`deployments\` output`,
      'Declare output "deployments" (as infrastructure/outputs.tf does) and run terraform apply, or pass the deployments input instead.'
    )
  }
  if (result.exitCode !== 0) {
    throw new ActionError(
      `terraform output -json deployments in '${source.terraformDir}' failed (exit ${result.exitCode}): ${result.stderr.trim()}\n` +
        'Run terraform init (with the same backend) in that folder first.'
    )
  }
  return readText(
    result.stdout,
    servicesDir,
    'terraform-dir',
    'terraform output -json deployments (with hashicorp/setup-terraform, set terraform_wrapper: false)'
  )
}

/**
 * A deployments map or output document given as text: read directly when it is in Terraform's
 * own form (readTerraformText), else parsed and checked field by field.
 */
function readText(text: string, servicesDir: string, input: string, what: string): DeploymentTable {
  return (
    readTerraformText(trimJsonSpace(text), servicesDir) ??
    tableOf(parseDeployments(parseJson(text, input, what), input))
  )
}

/**
 * The text without the white space JSON allows around a value (space, tab, CR, LF). Not
 * String.prototype.trim: it also removes a byte order mark, U+00A0 or U+2028, which JSON.parse
 * refuses, so readTerraformText would accept what the general path refuses.
 */
function trimJsonSpace(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && isJsonSpace(text.charCodeAt(start))) start++
  while (end > start && isJsonSpace(text.charCodeAt(end - 1))) end--
  return text.slice(start, end)
}
const isJsonSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

function parseJson(text: string, input: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new InputError(
      input,
      `${what} is not valid JSON (${(error as Error).message})`,
      'Pass the output of `terraform output -json`.'
    )
  }
}
