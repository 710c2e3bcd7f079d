import { errorMessage } from './errors.js'
import { getCommand } from './inputs.js'
import { planCommand } from './plan/command.js'
import { getInput, getState, saveState, setFailed } from './workflow.js'

/** The action's entry: read `command`, run it, turn any error into a failed step. */
export async function run(): Promise<void> {
  try {
    // The runner runs `post:` after every step that used the action, with the same inputs and
    // the state its main step saved. Only a deploy's has work (when its main step did not get to
    // finish); any other post step ends at once, and never runs its command a second time.
    if (getState('main-ran') !== '') {
      const deployment = getState('deployment')
      if (deployment !== '') {
        const { postDeployCommand } = await import('./deploy/command.js')
        await postDeployCommand(deployment)
      }
      return
    }
    saveState('main-ran', 'true')
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

/**
 * The bundle's entry (CommonJS, so no top-level await): starts `work`, and if Node runs out of
 * things to wait for before it settles, nothing ever will, so the step fails rather than ending
 * green (what an ES module's top-level await gave: exit code 13).
 */
export function start(work: () => Promise<void> = run): void {
  let settled = false
  void work().finally(() => (settled = true))
  process.once('beforeExit', () => {
    if (!settled)
      setFailed('The action stopped before its work was done (a bug: please report it).')
  })
}
