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
  type ProjectContainer,
  type UpOptions
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
  withDeploymentUrl,
  writeFileAtomic,
  DEPLOYMENT_URL_KEY
} from './env-file.js'
import { waitForHealthUrl } from './health.js'
import { acquireLock, type ReleaseLock } from './lock.js'
import type { Log } from './log.js'
import type { Masker } from './mask.js'
import { dropStaleImageTags, keepImages, restoreImageTags, rollBack } from './rollback.js'
import {
  deleteState,
  lockTimeoutMs,
  readLastGood,
  statePaths,
  writeLastGood,
  type LastGood,
  type SavedImage,
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
  const selected = withDeploymentUrl(
    selectEnv(inputs.secrets, inputs.vars, service, inputs.deployment),
    inputs.url
  )
  // Secrets are masked; variables are not, as on GitHub: masking a short value such as a port
  // or "1" would garble the whole log.
  const fromSecrets = selectEnv(inputs.secrets, {}, service, inputs.deployment)
  const secretKeys = [...selected]
    .filter(([key, value]) => fromSecrets.get(key) === value)
    .map(([key]) => key)
  for (const key of secretKeys) masker.add(selected.get(key) ?? '')
  const { env, missing } = applyExample(selected, readIfExists(join(serviceDir, '.env.example')))
  if (missing.length > 0) {
    const urlHint = missing.includes(DEPLOYMENT_URL_KEY)
      ? ` ${DEPLOYMENT_URL_KEY} is the deployment's public URL (input url, matrix.url): make the deployment public with a hostname in Terraform.`
      : ''
    throw new ActionError(
      `${inputs.path}/.env.example needs values for: ${missing.join(', ')}. Add a secret or variable named ${envPrefix(service)}<KEY> (or ${envPrefix(inputs.deployment)}<KEY> for this deployment only), or give the key a default in .env.example.${urlHint}`
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

    // 3. Switch. Until the record is written, every failure, reported or thrown, goes through
    // recover().
    const context = { inputs, deps, paths, lastGood, envPath, envBefore, target, before, service }
    const { waitTimeoutSeconds } = inputs
    let after: ProjectContainer[] | undefined
    let recording = false
    let failure: string | undefined
    let images: SavedImage[]
    try {
      log.info(
        `Starting ${inputs.deployment}: docker compose up --build --wait (timeout ${waitTimeoutSeconds} s)`
      )
      failure = await up(deps, target, { waitTimeoutSeconds, build: true })
      if (
        failure === undefined &&
        lastGood !== undefined &&
        (config !== lastGood.config || envText !== lastGood.env) &&
        sameContainers(before, await projectContainers(run, inputs.deployment))
      ) {
        // Compose compares services only: a secret or config whose content comes from a variable
        // (`environment:`, `content: "${X}"`) can change while every container is kept.
        log.info(
          'The compose config or .env changed but compose kept every container: recreating them.'
        )
        failure = await up(deps, target, { waitTimeoutSeconds, build: false, forceRecreate: true })
      }
      if (failure === undefined && inputs.healthUrl !== undefined) {
        const health = await waitForHealthUrl(inputs.healthUrl, {
          timeoutMs: waitTimeoutSeconds * 1000,
          fetch: deps.fetch
        })
        if (health.ok) log.info(`${inputs.healthUrl} answered HTTP ${health.status}`)
        else failure = `health-url check failed: ${health.reason}`
      }
      after = await projectContainers(run, inputs.deployment)
      if (failure !== undefined) return await recover({ ...context, after, failure, recording })
      images = await keepImages(run, inputs.deployment, after)
      recording = true
      writeLastGood(paths, { config, env: envText, images, keys: secretKeys })
    } catch (error) {
      const thrown = errorMessage(error)
      if (failure !== undefined) log.warning(thrown)
      failure ??= `The deploy failed after docker compose up had started: ${thrown}`
      return await recover({ ...context, after, failure, recording })
    }

    // Recorded: this version is the last good one now, so nothing from here on rolls it back.
    await dropStaleImageTags(run, inputs.deployment, images).catch((error: unknown) =>
      log.warning(`Could not remove old image tags: ${errorMessage(error)}`)
    )
    const unchanged = before.length > 0 && sameContainers(before, after)
    log.info(
      unchanged
        ? 'Nothing changed: no container was recreated.'
        : `Deployed: ${after.map(c => c.name).join(', ')}`
    )
    return { status: unchanged ? 'unchanged' : 'deployed', service }
  } finally {
    release()
  }
}

/** Runs `compose up`, shows its output, and returns why it failed (undefined when it did not). */
async function up(
  deps: StepDeps,
  target: ComposeTarget,
  options: UpOptions
): Promise<string | undefined> {
  const result = await composeUp(deps.run, target, options)
  const command = `docker compose up${options.forceRecreate ? ' --force-recreate' : ''}`
  deps.log.group(command, `${result.stdout}${result.stderr}`)
  if (result.exitCode === 0) return undefined
  return `${command} failed (exit code ${result.exitCode}): ${lastLine(result.stderr) || lastLine(result.stdout)}`
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
  /** writeLastGood had started and may have swapped the new state in: put the old one back. */
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
  await bestEffort(log, 'put the saved state back', () => {
    if (!f.recording) return
    if (f.lastGood === undefined) deleteState(f.paths)
    else writeLastGood(f.paths, f.lastGood)
  })
  // keepImages may have moved our tags to the failed version's images: whatever happens next,
  // they must name the images of the record again, or those could be pruned. Without a record
  // no tag is needed.
  await bestEffort(log, 'point the rollback tags back at the saved images', () =>
    f.lastGood === undefined
      ? dropStaleImageTags(run, f.inputs.deployment, [])
      : restoreImageTags(run, log, f.lastGood.images)
  )
  await bestEffort(log, 'show the failing containers', async () =>
    reportFailure(run, f.after ?? (await projectContainers(run, f.inputs.deployment)), log)
  )
  if (!f.inputs.rollback) {
    return failed('rollback is false, so the failed version was left as it is.')
  }
  if (f.lastGood !== undefined) {
    try {
      log.info('Rolling back to the last good deploy (its compose config, .env and images)...')
      writeFileAtomic(f.envPath, f.lastGood.env)
      const back = await rollBack(run, log, f.target, f.lastGood, f.inputs.waitTimeoutSeconds)
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
    const notRemoved = (why: string): DeployResult =>
      failed(`Removing the failed first deploy failed too: ${why}`)
    try {
      const down = await composeDown(run, f.target)
      log.group('docker compose down', `${down.stdout}${down.stderr}`)
      if (down.exitCode !== 0) {
        return notRemoved(lastLine(down.stderr) || `exit code ${down.exitCode}`)
      }
      restoreFile(f.envPath, f.envBefore)
    } catch (error) {
      return notRemoved(errorMessage(error))
    }
    return failed('This was the first deploy, so nothing was left running.')
  }
  return failed(
    'There is no earlier deploy by launch-service to roll back to (the running containers were started another way), so the failed version was left as it is.'
  )
}

async function bestEffort(log: Log, what: string, step: () => void | Promise<void>): Promise<void> {
  try {
    await step()
  } catch (error) {
    log.warning(`Could not ${what}: ${errorMessage(error)}`)
  }
}

function sameContainers(a: ProjectContainer[], b: ProjectContainer[]): boolean {
  const x = a.map(c => c.id).sort()
  const y = b.map(c => c.id).sort()
  return x.length === y.length && x.every((id, i) => id === y[i])
}
