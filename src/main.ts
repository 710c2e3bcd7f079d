import { errorMessage } from './errors.js'
import { getCommand } from './inputs.js'
import { getInput, setFailed } from './workflow.js'

/** The action's entry: read `command`, run it, turn any error into a failed step. */
export async function run(): Promise<void> {
  try {
    const command = getCommand(getInput)
    // Each command is loaded on demand so a plan never pays for deploy's code (and @actions/core),
    // and vice versa.
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
    setFailed(errorMessage(error))
  }
}
