import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { getCommand } from './inputs.js'

/** The action's entry: read `command`, run it, turn any error into a failed step. */
export async function run(): Promise<void> {
  try {
    // Only the post step of a deploy sees state its main step saved.
    const deployment = core.getState('deployment')
    if (deployment !== '') {
      const { postDeployCommand } = await import('./deploy/command.js')
      await postDeployCommand(deployment)
      return
    }
    const command = getCommand(core.getInput)
    // Each command is loaded on demand so a plan never pays for deploy's code, and vice versa.
    if (command === 'plan') {
      const { planCommand } = await import('./plan/command.js')
      await planCommand()
    } else if (command === 'deploy') {
      const { deployCommand } = await import('./deploy/command.js')
      await deployCommand()
    } else {
      const { removeCommand } = await import('./deploy/command.js')
      await removeCommand()
    }
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
