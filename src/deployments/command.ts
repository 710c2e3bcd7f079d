import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { InputError } from '../errors.js'
import { getNewDeploymentsInputs } from '../inputs.js'
import { newDeployments } from './new-hosts.js'
import { getInput, info, setOutput } from '../workflow.js'

/**
 * `command: new-deployments` — reads a saved plan's JSON (`terraform-plan`) and outputs the
 * deployments that get an empty host from it, and their services, for a first deploy after apply.
 */
export async function newDeploymentsCommand(): Promise<void> {
  const file = getNewDeploymentsInputs(getInput).terraformPlan
  let text: string
  try {
    text = await readFile(resolve(process.env.GITHUB_WORKSPACE || process.cwd(), file), 'utf8')
  } catch {
    throw new InputError('terraform-plan', `'${file}' is not a readable file`, 'Check the path.')
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new InputError(
      'terraform-plan',
      `'${file}' is not JSON`,
      'Pass the output of `terraform show -json <planfile>`, not the binary plan file.'
    )
  }
  const found = newDeployments(json, 'terraform-plan')
  const services = [...new Set(found.map(d => d.service))].sort()
  setOutput('deployments', JSON.stringify(found.map(d => d.name)))
  setOutput('services', services.join(','))
  info(
    found.length === 0
      ? 'No deployment gets a new host.'
      : found.map(d => `${d.name} (${d.service}): ${d.why}`).join('\n')
  )
}
