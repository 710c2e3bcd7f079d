import { errorMessage } from './errors.js'
import { getCommand } from './inputs.js'
import { planCommand } from './plan/command.js'
import { getInput, getState, setFailed } from './workflow.js'

/** The action's entry: read `command`, run it, turn any error into a failed step. */
export async function run(): Promise<void> {
  try {
    // Only the post step of a deploy sees state its main step saved.
    const deployment = getState('deployment')
    if (deployment !== '') {
      const { postDeployCommand } = await import('./deploy/command.js')
      await postDeployCommand(deployment)
      return
    }
    const command = getCommand(getInput)
    // plan's code is part of this module (a second module costs plan a few ms of start-up);
    // deploy's, with the YAML parser, is loaded only by deploy and remove.
    if (command === 'plan') {
      await planCommand()
    } else if (command === 'deploy') {
      const { deployCommand } = await import('./deploy/command.js')
      await deployCommand()
    } else if (command === 'new-deployments') {
      const { newDeploymentsCommand } = await import('./deployments/command.js')
      await newDeploymentsCommand()
    } else {
      const { removeCommand } = await import('./deploy/command.js')
      await removeCommand()
    }
  } catch (error) {
    setFailed(errorMessage(error))
  }
}
