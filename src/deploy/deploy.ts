import { join, resolve } from 'node:path'
import { ActionError, InputError, errorMessage } from '../errors.js'
import type { Runner } from '../exec.js'
import type { DeployInputs } from '../inputs.js'
import {
  checkDocker,
  composeDown,
  composeUp,
  findComposeFile,
  isDirectory,
  lastLine,
  projectContainers,
  resolveConfig,
  type ComposeTarget,
  type ProjectContainer
} from './compose.js'
import { reportFailure } from './diagnose.js'
import {
  applyExample,
  configEnvValues,
  encodeEnvFile,
  envPrefix,
  readIfExists,
  restoreFile,
  selectEnv,
  writeFileAtomic
} from './env-file.js'
import { waitForHealthUrl } from './health.js'
import { acquireLock, type ReleaseLock } from './lock.js'
import type { Log } from './log.js'
import type { Masker } from './mask.js'
import { dropStaleImageTags, keepImages, rollBack } from './rollback.js'
import {
  deleteState,
  lockTimeoutMs,
  readLastGood,
  statePaths,
  writeLastGood,
  type LastGood,
  type StatePaths
} from './state.js'

export type DeployStatus = 'deployed' | 'unchanged' | 'rolled-back' | 'failed'

export interface DeployResult {
  status: DeployStatus
  service: string
  /** Why the deploy failed (also for rolled-back); undefined when it succeeded. */
  failure?: string
}

/** What deploy and remove work with; tests pass a scripted Runner and a collecting Log. */
export interface StepDeps {
  run: Runner
  /** GITHUB_WORKSPACE: `path` is relative to it. */
  workspace: string
  stateRoot: string
  masker: Masker
  /** Already redacting (see redactingLog). */
  log: Log
  lockTimeoutMs?: number
}

export interface DeployDeps extends StepDeps {
  fetch?: typeof fetch
}

/** Takes the deployment's lock on this host, waiting (and saying so) while another job holds it. */
export function lockDeployment(deps: StepDeps, deployment: string): Promise<ReleaseLock> {
  return acquireLock(statePaths(deps.stateRoot, deployment).lock, {
    timeoutMs: deps.lockTimeoutMs ?? lockTimeoutMs(),
    onWait: holder =>
      deps.log.info(
        `Waiting for another job on ${deployment}${holder ? ` (pid ${holder.pid})` : ''} to finish...`
      )
  })
}

/**
 * Deploys one deployment: secrets/vars → .env → `compose up --build --wait` → health-url.
 * Errors found before anything changes are thrown (nothing on disk changed); a failure after
 * the switch is rolled back and returned as the result, with the reason.
 */
export async function deploy(inputs: DeployInputs, deps: DeployDeps): Promise<DeployResult> {
  const { run, log, masker } = deps
  const { service } = inputs
  const serviceDir = resolve(deps.workspace, inputs.path)
  if (!isDirectory(serviceDir)) {
    throw new InputError(
      'path',
      `folder '${inputs.path}' does not exist in the workspace`,
      'Check the repository out first (actions/checkout) and pass the service folder, e.g. services/my-service.'
    )
  }

  // 1. Everything that can be checked without touching anything.
  const selected = selectEnv(inputs.secrets, inputs.vars, service, inputs.deployment)
  // Secrets are masked; variables are not, as on GitHub: masking a short value such as a port
  // or "1" would garble the whole log.
  const fromSecrets = selectEnv(inputs.secrets, {}, service, inputs.deployment)
  const secretKeys = [...selected]
    .filter(([key, value]) => fromSecrets.get(key) === value)
    .map(([key]) => key)
  for (const key of secretKeys) masker.add(selected.get(key) ?? '')
  const { env, missing } = applyExample(selected, readIfExists(join(serviceDir, '.env.example')))
  if (missing.length > 0) {
    throw new ActionError(
      `${inputs.path}/.env.example needs values for: ${missing.join(', ')}. Add a secret or variable named ${envPrefix(service)}<KEY> (or ${envPrefix(inputs.deployment)}<KEY> for this deployment only), or give the key a default in .env.example.`
    )
  }
  const envText = encodeEnvFile(env, inputs.deployment)
  const composeFile = findComposeFile(serviceDir, inputs.path, inputs.composeFile)
  await checkDocker(run)
  log.info(
    `Deploying ${inputs.deployment} (service ${service}) with ${env.size} variable(s) in ${inputs.envFile}: ${[...env.keys()].join(', ') || 'none'}`
  )

  const paths = statePaths(deps.stateRoot, inputs.deployment)
  const release = await lockDeployment(deps, inputs.deployment)
  try {
    const lastGood = readLastGood(paths)
    const envPath = join(serviceDir, inputs.envFile)
    const envBefore = readIfExists(envPath)
    // The previous run's secrets may show up in logs too (a rollback runs them again).
    if (lastGood)
      for (const value of configEnvValues(lastGood.config, lastGood.keys)) masker.add(value)

    // 2. Write the new .env and let compose validate the project with it.
    writeFileAtomic(envPath, envText)
    const target: ComposeTarget = {
      project: inputs.deployment,
      files: [composeFile],
      envFile: envPath,
      cwd: serviceDir
    }
    let config: string
    let before: ProjectContainer[]
    try {
      config = await resolveConfig(run, target, inputs.path)
      before = await projectContainers(run, inputs.deployment)
    } catch (error) {
      restoreFile(envPath, envBefore)
      throw error
    }

    // 3. Switch. From here on every failure, reported or thrown, goes through recover().
    const context = { inputs, deps, paths, lastGood, envPath, envBefore, target, before, service }
    let after: ProjectContainer[] | undefined
    let recording = false
    let failure: string | undefined
    try {
      log.info(
        `Starting ${inputs.deployment}: docker compose up --build --wait (timeout ${inputs.waitTimeoutSeconds} s)`
      )
      const up = await composeUp(run, target, {
        waitTimeoutSeconds: inputs.waitTimeoutSeconds,
        build: true
      })
      log.group('docker compose up', `${up.stdout}${up.stderr}`)
      if (up.exitCode !== 0) {
        failure = `docker compose up failed (exit code ${up.exitCode}): ${lastLine(up.stderr) || lastLine(up.stdout)}`
      } else if (inputs.healthUrl !== undefined) {
        const health = await waitForHealthUrl(inputs.healthUrl, {
          timeoutMs: inputs.waitTimeoutSeconds * 1000,
          fetch: deps.fetch
        })
        if (health.ok) log.info(`${inputs.healthUrl} answered HTTP ${health.status}`)
        else failure = `health-url check failed: ${health.reason}`
      }
      after = await projectContainers(run, inputs.deployment)
      if (failure !== undefined) return await recover({ ...context, after, failure, recording })

      const unchanged =
        before.length > 0 &&
        sameContainers(
          before.map(c => c.id),
          after.map(c => c.id)
        )
      const images = await keepImages(run, inputs.deployment, after)
      recording = true
      writeLastGood(paths, { config, env: envText, images, keys: secretKeys })
      recording = false
      await dropStaleImageTags(run, inputs.deployment, images).catch((error: unknown) =>
        log.warning(`Could not remove old image tags: ${errorMessage(error)}`)
      )
      log.info(
        unchanged
          ? 'Nothing changed: no container was recreated.'
          : `Deployed: ${after.map(c => c.name).join(', ')}`
      )
      return { status: unchanged ? 'unchanged' : 'deployed', service }
    } catch (error) {
      const thrown = errorMessage(error)
      if (failure !== undefined) log.warning(thrown)
      failure ??= `The deploy failed after docker compose up had started: ${thrown}`
      return await recover({ ...context, after, failure, recording })
    }
  } finally {
    release()
  }
}

interface Failed {
  inputs: DeployInputs
  deps: DeployDeps
  paths: StatePaths
  lastGood: LastGood | undefined
  envPath: string
  envBefore: string | undefined
  target: ComposeTarget
  before: ProjectContainer[]
  /** The project's containers after the failed switch; undefined when listing them failed. */
  after: ProjectContainer[] | undefined
  service: string
  failure: string
  /** writeLastGood had started: the saved state may be half new, so put the old one back. */
  recording: boolean
}

/**
 * A failed switch: show why, forget the failed version, then go back to what ran before.
 * Never throws: whatever goes wrong on the way back ends up in the failure it returns.
 */
async function recover(f: Failed): Promise<DeployResult> {
  const { run, log } = f.deps
  const failed = (why: string): DeployResult => ({
    status: 'failed',
    service: f.service,
    failure: `${f.failure}. ${why}`
  })
  log.warning(f.failure)
  try {
    if (f.recording) {
      if (f.lastGood === undefined) deleteState(f.paths)
      else writeLastGood(f.paths, f.lastGood)
    }
    await reportFailure(run, f.after ?? (await projectContainers(run, f.inputs.deployment)), log)
  } catch (error) {
    log.warning(`Could not show or clean up after the failure: ${errorMessage(error)}`)
  }
  if (!f.inputs.rollback) {
    return failed('rollback is false, so the failed version was left as it is.')
  }
  if (f.lastGood !== undefined) {
    try {
      log.info('Rolling back to the last good deploy (its compose config, .env and images)...')
      writeFileAtomic(f.envPath, f.lastGood.env)
      const back = await rollBack(
        run,
        log,
        f.inputs.deployment,
        f.paths,
        f.lastGood,
        f.inputs.waitTimeoutSeconds
      )
      log.group('docker compose up (rollback)', `${back.stdout}${back.stderr}`)
      if (back.exitCode !== 0) return failed(`Rolling back failed too: ${lastLine(back.stderr)}`)
    } catch (error) {
      return failed(`Rolling back failed too: ${errorMessage(error)}`)
    }
    return {
      status: 'rolled-back',
      service: f.service,
      failure: `${f.failure}. Rolled back to the previous version, which is running again.`
    }
  }
  if (f.before.length === 0) {
    try {
      await composeDown(run, f.target)
      restoreFile(f.envPath, f.envBefore)
    } catch (error) {
      return failed(`Removing the failed first deploy failed too: ${errorMessage(error)}`)
    }
    return failed('This was the first deploy, so nothing was left running.')
  }
  return failed(
    'There is no earlier deploy by launch-service to roll back to (the running containers were started another way), so the failed version was left as it is.'
  )
}

function sameContainers(a: string[], b: string[]): boolean {
  const x = [...a].sort()
  const y = [...b].sort()
  return x.length === y.length && x.every((id, i) => id === y[i])
}
