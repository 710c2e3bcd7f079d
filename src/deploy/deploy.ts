import { basename, join, resolve } from 'node:path'
import { ActionError, InputError } from '../errors.js'
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
  type ComposeTarget
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
import { keepImages, rollBack } from './rollback.js'
import { lockTimeoutMs, readLastGood, statePaths, writeLastGood } from './state.js'

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

/** The service is the last folder of `path` (services/<service>). */
export function serviceOf(path: string): string {
  return basename(path)
}

/**
 * Deploys one deployment: secrets/vars → .env → `compose up --build --wait` → health-url.
 * Errors found before anything changes are thrown (nothing on disk changed); a failure after
 * the switch is rolled back and returned as the result, with the reason.
 */
export async function deploy(inputs: DeployInputs, deps: DeployDeps): Promise<DeployResult> {
  const { run, log, masker } = deps
  const service = serviceOf(inputs.path)
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
    try {
      config = await resolveConfig(run, target, inputs.path)
    } catch (error) {
      restoreFile(envPath, envBefore)
      throw error
    }

    // 3. Switch.
    const before = await projectContainers(run, inputs.deployment)
    log.info(
      `Starting ${inputs.deployment}: docker compose up --build --wait (timeout ${inputs.waitTimeoutSeconds} s)`
    )
    const up = await composeUp(run, target, {
      waitTimeoutSeconds: inputs.waitTimeoutSeconds,
      build: true
    })
    log.group('docker compose up', `${up.stdout}${up.stderr}`)
    let failure =
      up.exitCode === 0
        ? undefined
        : `docker compose up failed (exit code ${up.exitCode}): ${lastLine(up.stderr) || lastLine(up.stdout)}`
    if (failure === undefined && inputs.healthUrl !== undefined) {
      const health = await waitForHealthUrl(inputs.healthUrl, {
        timeoutMs: inputs.waitTimeoutSeconds * 1000,
        fetch: deps.fetch
      })
      if (health.ok) log.info(`${inputs.healthUrl} answered HTTP ${health.status}`)
      else failure = `health-url check failed: ${health.reason}`
    }

    const after = await projectContainers(run, inputs.deployment)
    if (failure === undefined) {
      const unchanged =
        before.length > 0 &&
        sameContainers(
          before.map(c => c.id),
          after.map(c => c.id)
        )
      const images = await keepImages(run, inputs.deployment, after)
      writeLastGood(paths, { config, env: envText, images, keys: secretKeys })
      log.info(
        unchanged
          ? 'Nothing changed: no container was recreated.'
          : `Deployed: ${after.map(c => c.name).join(', ')}`
      )
      return { status: unchanged ? 'unchanged' : 'deployed', service }
    }

    // 4. Failed: show why, then go back to what ran before.
    log.warning(failure)
    await reportFailure(run, after, log)
    if (!inputs.rollback) {
      return {
        status: 'failed',
        service,
        failure: `${failure}. rollback is false, so the failed version was left as it is.`
      }
    }
    if (lastGood !== undefined) {
      log.info('Rolling back to the last good deploy (its compose config, .env and images)...')
      writeFileAtomic(envPath, lastGood.env)
      const back = await rollBack(
        run,
        inputs.deployment,
        paths,
        lastGood,
        inputs.waitTimeoutSeconds
      )
      log.group('docker compose up (rollback)', `${back.stdout}${back.stderr}`)
      if (back.exitCode === 0) {
        return {
          status: 'rolled-back',
          service,
          failure: `${failure}. Rolled back to the previous version, which is running again.`
        }
      }
      return {
        status: 'failed',
        service,
        failure: `${failure}. Rolling back failed too: ${lastLine(back.stderr)}`
      }
    }
    if (before.length === 0) {
      await composeDown(run, target)
      restoreFile(envPath, envBefore)
      return {
        status: 'failed',
        service,
        failure: `${failure}. This was the first deploy, so nothing was left running.`
      }
    }
    return {
      status: 'failed',
      service,
      failure: `${failure}. There is no earlier deploy by launch-service to roll back to (the running containers were started another way), so the failed version was left as it is.`
    }
  } finally {
    release()
  }
}

function sameContainers(a: string[], b: string[]): boolean {
  const x = [...a].sort()
  const y = [...b].sort()
  return x.length === y.length && x.every((id, i) => id === y[i])
}
