import { existsSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ActionError } from '../errors.js'
import type { RemoveInputs } from '../inputs.js'
import type { ComposeTarget } from './compose.js'
import { checkServiceFolder } from './containment.js'
import { configEnvValues } from './env-file.js'
import { dropStaleImageTags, removeBuiltImages } from './rollback.js'
import { clearPending, deleteState, readLastGood, statePaths } from './state.js'
import { lockDeployment, type StepDeps } from './step.js'

export interface RemoveDeps extends StepDeps {
  /** An empty folder to run compose in when there is no saved config, so no compose file is picked up. */
  scratchDir: string
}

/**
 * Tears a deployment down: `docker compose down --remove-orphans` for the project, from the saved
 * config of the last good deploy (the service folder may be gone) or else by the project's labels;
 * then deletes its .env, its launch-service image tags, the images compose built for it and its
 * state. Removing twice is fine.
 */
export async function remove(inputs: RemoveInputs, deps: RemoveDeps): Promise<void> {
  const { compose, log } = deps
  await compose.check()
  const paths = statePaths(deps.stateRoot, inputs.deployment)
  // The same folder rules as deploy, or a symlinked folder would have .env deleted elsewhere.
  const folder = resolve(deps.workspace, inputs.path ?? '.')
  const serviceDir =
    inputs.path !== undefined && existsSync(folder)
      ? checkServiceFolder(deps.workspace, inputs.path, deps.stateRoot)
      : undefined
  const release = await lockDeployment(deps, inputs.deployment)
  try {
    const lastGood = readLastGood(paths)
    for (const value of configEnvValues(lastGood?.config, lastGood?.keys ?? [])) {
      deps.masker.add(value)
    }
    const byLabel: ComposeTarget = { project: inputs.deployment, files: [], cwd: deps.scratchDir }
    let down = lastGood
      ? await compose.down({
          project: inputs.deployment,
          files: [paths.config],
          cwd: paths.dir
        })
      : await compose.down(byLabel)
    if (down.exitCode !== 0 && lastGood) {
      log.warning(
        `docker compose down with the saved config failed (${down.stderr.trim()}); removing by project label instead.`
      )
      down = await compose.down(byLabel)
    }
    log.group('docker compose down', `${down.stdout}${down.stderr}`)
    if (down.exitCode !== 0) {
      throw new ActionError(
        `docker compose down for ${inputs.deployment} failed: ${down.stderr.trim()}`
      )
    }
    await dropStaleImageTags(compose, inputs.deployment, [])
    for (const warning of await removeBuiltImages(compose, inputs.deployment)) log.warning(warning)
    if (serviceDir !== undefined) rmSync(join(serviceDir, inputs.envFile), { force: true })
    deleteState(paths)
    clearPending(paths)
    log.info(`Removed ${inputs.deployment}.`)
  } finally {
    release()
  }
}
