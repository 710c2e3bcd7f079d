import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { ActionError, InputError, errorMessage } from '../errors.js'
import type { DeployInputs } from '../inputs.js'
import { envInBuildContext } from './build-context.js'
import {
  findComposeFile,
  isDirectory,
  lastLine,
  type ComposeTarget,
  type ProjectContainer,
  type UpOptions
} from './compose.js'
import { COMPOSE_FILES } from '../compose-files.js'
import {
  checkComposeReferences,
  checkResolvedConfig,
  checkServiceFiles,
  checkServiceFolder
} from './containment.js'
import { describeContainer, reportFailure } from './diagnose.js'
import {
  applyExample,
  configEnvValues,
  encodeEnvFile,
  envPrefix,
  envValues,
  readIfExists,
  restoreFile,
  selectEnv,
  withDeploymentUrl,
  writeFileAtomic,
  DEPLOYMENT_URL_KEY
} from './env-file.js'
import { waitForHealthUrl, type HealthResult } from './health.js'
import type { Log } from './log.js'
import { dropStaleImageTags, keepImages, restoreImageTags, restore } from './rollback.js'
import {
  clearPending,
  deleteState,
  readLastGood,
  readPending,
  statePaths,
  writeLastGood,
  writePending,
  type LastGood,
  type SavedImage,
  type StatePaths
} from './state.js'
import { lockDeployment, type StepDeps } from './step.js'

export type DeployStatus = 'deployed' | 'unchanged' | 'rolled-back' | 'failed'

export interface DeployResult {
  status: DeployStatus
  service: string
  /** Why the deploy failed (also for rolled-back); undefined when it succeeded. */
  failure?: string
  /** Cancelled, and not back on a good version in time: the post step has to finish it. */
  unfinished?: boolean
}

export interface DeployDeps extends StepDeps {
  fetch?: typeof fetch
}

/**
 * Deploys one deployment in named phases:
 *   prepare     everything that can be checked without changing anything (thrown errors)
 *   (lock)      the deployment's lock, which also covers the docker commands it starts
 *   recover     an earlier deploy that was interrupted is finished first (finishInterrupted)
 *   load        .env written, `compose config` validated and checked, the containers listed
 *   switch over start: `compose up --build --wait` (and a forced recreate when compose kept
 *               everything); verify: health-url; record: images tagged, last good deploy saved
 * A failure or a cancel during the switch goes back to the last good deploy (recover → rollBack),
 * which is verified before it is reported.
 */
export async function deploy(inputs: DeployInputs, deps: DeployDeps): Promise<DeployResult> {
  const prepared = await prepare(inputs, deps)
  const paths = statePaths(deps.stateRoot, inputs.deployment)
  const release = await lockDeployment(deps, inputs.deployment)
  try {
    throwIfCancelled(deps, 'before anything changed')
    await finishInterrupted(deps, inputs, paths)
    const loaded = await load(prepared, deps, paths)
    const context: Switch = { ...prepared, ...loaded, deps, paths }
    writePending(paths, {
      pid: process.pid,
      cwd: prepared.serviceDir,
      envFile: prepared.envPath,
      started: new Date().toISOString(),
      firstDeploy: loaded.lastGood === undefined && loaded.before.length === 0
    })
    const result = await switchOver(context)
    // A cancelled deploy that could not get back in time leaves the marker for the post step.
    if (!result.unfinished) clearPending(paths)
    return result
  } finally {
    release()
  }
}

interface Prepared {
  inputs: DeployInputs
  serviceDir: string
  composeFile: string
  envPath: string
  envText: string
  secretKeys: string[]
  target: ComposeTarget
}

async function prepare(inputs: DeployInputs, deps: DeployDeps): Promise<Prepared> {
  const { service } = inputs
  if (!isDirectory(resolve(deps.workspace, inputs.path))) {
    throw new InputError(
      'path',
      `folder '${inputs.path}' does not exist in the workspace`,
      'Check the repository out first (actions/checkout) and pass the service folder, e.g. services/my-service.'
    )
  }
  const serviceDir = checkServiceFolder(deps.workspace, inputs.path, deps.stateRoot)
  refuseNameCollision(inputs, resolve(deps.workspace, inputs.path))
  const selected = withDeploymentUrl(
    selectEnv(inputs.secrets, inputs.vars, service, inputs.deployment),
    inputs.url
  )
  // Secrets are masked; variables are not, as on GitHub: masking a short value such as a port
  // or "1" would garble the whole log.
  const secretKeys = [...selected].filter(([, v]) => v.source === 'secrets').map(([key]) => key)
  for (const key of secretKeys) deps.masker.add(selected.get(key)?.value ?? '')
  const composeFile = findComposeFile(serviceDir, inputs.path, inputs.composeFile)
  const example = join(serviceDir, '.env.example')
  const envPath = join(serviceDir, inputs.envFile)
  checkServiceFiles(serviceDir, inputs.path, { composeFile, example, envFile: envPath })
  checkComposeReferences(serviceDir, inputs.path, composeFile)
  const { env, missing } = applyExample(envValues(selected), readIfExists(example))
  if (missing.length > 0) {
    const urlHint = missing.includes(DEPLOYMENT_URL_KEY)
      ? ` ${DEPLOYMENT_URL_KEY} is the deployment's public URL (input url, matrix.url): make the deployment public with a hostname in Terraform.`
      : ''
    throw new ActionError(
      `${inputs.path}/.env.example needs values for: ${missing.join(', ')}. Add a secret or variable named ${envPrefix(service)}<KEY> (or ${envPrefix(inputs.deployment)}<KEY> for this deployment only), or give the key a default in .env.example.${urlHint}`
    )
  }
  const envText = encodeEnvFile(env, inputs.deployment)
  deps.log.info(
    `Deploying ${inputs.deployment} (service ${service}) with ${env.size} variable(s) in ${inputs.envFile}: ${[...env.keys()].join(', ') || 'none'}`
  )
  const target: ComposeTarget = {
    project: inputs.deployment,
    files: [composeFile],
    envFile: envPath,
    cwd: serviceDir
  }
  return { inputs, serviceDir, composeFile, envPath, envText, secretKeys, target }
}

/**
 * A deployment named like another service makes `<NAME>__<KEY>` mean two things: the service's
 * secrets would land in this deployment too. plan refuses such a contract; this catches a deploy
 * run without plan, by the service folders beside this one.
 */
function refuseNameCollision(inputs: DeployInputs, folder: string): void {
  if (envPrefix(inputs.deployment) === envPrefix(inputs.service)) return
  const parent = dirname(folder)
  const clash = readdirSync(parent).find(
    name =>
      name !== basename(folder) &&
      envPrefix(name) === envPrefix(inputs.deployment) &&
      COMPOSE_FILES.some(file => existsSync(join(parent, name, file)))
  )
  if (clash !== undefined) {
    throw new InputError(
      'deployment',
      `deployment '${inputs.deployment}' of service '${inputs.service}' is named like the service '${clash}' (${join(dirname(inputs.path), clash)}), so ${envPrefix(inputs.deployment)}<KEY> would select the secrets of both`,
      'Rename the deployment (e.g. <service>-<target>) in Terraform.'
    )
  }
}

interface Loaded {
  lastGood: LastGood | undefined
  envBefore: string | undefined
  config: string
  /** IDs of the project's containers before the switch. */
  before: string[]
}

async function load(p: Prepared, deps: DeployDeps, paths: StatePaths): Promise<Loaded> {
  const lastGood = readLastGood(paths)
  // The previous run's secrets may show up in logs too (a rollback runs them again).
  if (lastGood)
    for (const value of configEnvValues(lastGood.config, lastGood.keys)) deps.masker.add(value)
  const envBefore = readIfExists(p.envPath)
  writeFileAtomic(p.envPath, p.envText)
  try {
    // Both only read; side by side they cost one command's time.
    const [config, before] = await dockerChecked(deps, () =>
      Promise.all([
        deps.compose.config(p.target, p.inputs.path),
        deps.compose.containerIds(p.inputs.deployment)
      ])
    )
    checkResolvedConfig(config, p.serviceDir, p.inputs.path, {
      workspace: deps.workspace,
      stateRoot: deps.stateRoot,
      envFile: p.envPath
    })
    const shown = (file: string): string => file.replace(`${p.serviceDir}/`, `${p.inputs.path}/`)
    for (const warning of envInBuildContext(config, p.envPath, shown)) deps.log.warning(warning)
    throwIfCancelled(deps, 'before anything changed')
    return { lastGood, envBefore, config, before }
  } catch (error) {
    restoreFile(p.envPath, envBefore)
    throw error
  }
}

/**
 * Docker is checked only when a docker command failed: a missing binary, daemon or compose plugin
 * is then named as such with its fix, and a good deploy spends no commands on it.
 */
async function dockerChecked<T>(deps: StepDeps, command: () => Promise<T>): Promise<T> {
  try {
    return await command()
  } catch (error) {
    await deps.compose.check()
    throw error
  }
}

interface Switch extends Prepared, Loaded {
  deps: DeployDeps
  paths: StatePaths
}

/** How far a switch got: what recover() needs when something fails or throws. */
interface Progress {
  /** The project's containers after `up`; undefined until listed. */
  after?: ProjectContainer[]
  failure?: string
  /** writeLastGood had started and may have swapped the new state in. */
  recording: boolean
}

/**
 * Switch over → verify → record; until the record is written every failure, reported or thrown,
 * goes through recover().
 */
async function switchOver(s: Switch): Promise<DeployResult> {
  const { inputs, deps } = s
  const progress: Progress = { recording: false }
  let after: ProjectContainer[]
  let images: SavedImage[]
  try {
    progress.failure = await start(s, progress)
    progress.failure ??= await verify(s)
    throwIfCancelled(deps, 'while the new version was starting')
    after = progress.after ??= await deps.compose.containers(inputs.deployment)
    if (progress.failure !== undefined) {
      return await recover({ ...s, failure: progress.failure, recording: false })
    }
    images = await record(s, after, progress)
  } catch (error) {
    const thrown = errorMessage(error)
    if (progress.failure !== undefined && !cancelled(deps)) deps.log.warning(thrown)
    const failure = cancelled(deps)
      ? thrown
      : (progress.failure ?? `The deploy failed after docker compose up had started: ${thrown}`)
    return await recover({ ...s, failure, recording: progress.recording })
  }
  return await recorded(s, after, images)
}

/**
 * `compose up --build --wait`; then, when the compose config or .env changed but compose kept
 * every container, once more with --force-recreate: compose compares services only, so a secret
 * or config whose content comes from a variable (`environment:`, `content: "${X}"`) can change
 * while every container is kept. Returns why it failed; lists the containers it ends with.
 */
async function start(s: Switch, progress: Progress): Promise<string | undefined> {
  const { inputs, deps } = s
  const { waitTimeoutSeconds } = inputs
  deps.log.info(
    `Starting ${inputs.deployment}: docker compose up --build --wait (timeout ${waitTimeoutSeconds} s)`
  )
  const failure = await up(deps, s.target, { waitTimeoutSeconds, build: true })
  if (failure !== undefined) return failure
  progress.after = await deps.compose.containers(inputs.deployment)
  const changed =
    s.lastGood !== undefined && (s.config !== s.lastGood.config || s.envText !== s.lastGood.env)
  if (!changed || !sameContainers(s.before, ids(progress.after))) return undefined
  deps.log.info(
    'The compose config or .env changed but compose kept every container: recreating them.'
  )
  progress.after = undefined
  const recreated = await up(deps, s.target, {
    waitTimeoutSeconds,
    build: false,
    forceRecreate: true
  })
  if (recreated === undefined) progress.after = await deps.compose.containers(inputs.deployment)
  return recreated
}

/** health-url, when set, must answer 2xx/3xx within wait-timeout. Returns why not. */
async function verify(s: Switch): Promise<string | undefined> {
  const { inputs, deps } = s
  if (inputs.healthUrl === undefined || cancelled(deps)) return undefined
  const health = await checkHealth(deps, inputs.healthUrl, inputs.waitTimeoutSeconds * 1000)
  if (!health.ok) return `health-url check failed: ${health.reason}`
  deps.log.info(`${inputs.healthUrl} answered HTTP ${health.status}`)
  return undefined
}

/** Tags the running images and saves this deploy as the last good one. */
async function record(
  s: Switch,
  after: ProjectContainer[],
  progress: Progress
): Promise<SavedImage[]> {
  const { inputs, deps } = s
  const images = await keepImages(deps.compose, inputs.deployment, after, s.lastGood?.images)
  throwIfCancelled(deps, 'while the new version was starting')
  progress.recording = true
  writeLastGood(s.paths, { config: s.config, env: s.envText, images, keys: s.secretKeys })
  return images
}

/** Recorded: this version is the last good one now, so nothing from here on rolls it back. */
async function recorded(
  s: Switch,
  after: ProjectContainer[],
  images: SavedImage[]
): Promise<DeployResult> {
  const { inputs, deps } = s
  await dropStaleImageTags(
    deps.compose,
    inputs.deployment,
    images,
    s.lastGood?.images.map(i => i.tag)
  ).catch((error: unknown) =>
    deps.log.warning(`Could not remove old image tags: ${errorMessage(error)}`)
  )
  const unchanged = s.before.length > 0 && sameContainers(s.before, ids(after))
  deps.log.info(
    unchanged
      ? 'Nothing changed: no container was recreated.'
      : `Deployed: ${after.map(c => c.name).join(', ')}`
  )
  return { status: unchanged ? 'unchanged' : 'deployed', service: inputs.service }
}

/** Runs `compose up`, shows its output, and returns why it failed (undefined when it did not). */
async function up(
  deps: StepDeps,
  target: ComposeTarget,
  options: UpOptions
): Promise<string | undefined> {
  const result = await deps.compose.up(target, options)
  const command = `docker compose up${options.forceRecreate ? ' --force-recreate' : ''}`
  deps.log.group(command, `${result.stdout}${result.stderr}`)
  throwIfCancelled(deps, `during ${command}`)
  if (result.exitCode === 0) return undefined
  return `${command} failed (exit code ${result.exitCode}): ${lastLine(result.stderr) || lastLine(result.stdout)}`
}

function checkHealth(deps: DeployDeps, url: string, timeoutMs: number): Promise<HealthResult> {
  return waitForHealthUrl(url, { timeoutMs, fetch: deps.fetch, signal: deps.cancel?.signal })
}

interface Failed extends Switch {
  failure: string
  /** writeLastGood had started and may have swapped the new state in: put the old one back. */
  recording: boolean
}

/**
 * A failed switch: show why, forget the failed version, then go back to what ran before.
 * Never throws: whatever goes wrong on the way back ends up in the failure it returns.
 */
async function recover(f: Failed): Promise<DeployResult> {
  const { compose, log } = f.deps
  const failed = (why: string): DeployResult => ({
    status: 'failed',
    service: f.inputs.service,
    failure: `${f.failure}. ${why}`
  })
  log.warning(f.failure)
  await bestEffort(log, 'put the saved state back', () => {
    if (!f.recording) return
    if (f.lastGood === undefined) deleteState(f.paths)
    else writeLastGood(f.paths, f.lastGood)
  })
  if (!cancelled(f.deps)) {
    await bestEffort(log, 'show the failing containers', async () =>
      reportFailure(compose, await compose.containers(f.inputs.deployment, { detailed: true }), log)
    )
  }
  if (!f.inputs.rollback || f.lastGood === undefined) {
    // keepImages may have moved our tags to the failed version's images: they must name the
    // images of the record again, or those could be pruned. Without a record no tag is needed.
    await bestEffort(log, 'point the rollback tags back at the saved images', () =>
      f.lastGood === undefined
        ? dropStaleImageTags(compose, f.inputs.deployment, [])
        : restoreImageTags(compose, log, f.lastGood.images)
    )
  }
  if (!f.inputs.rollback) {
    return failed('rollback is false, so the failed version was left as it is.')
  }
  if (f.lastGood !== undefined) {
    log.info('Rolling back to the last good deploy (its compose config, .env and images)...')
    const back = await rollBack(f.deps, f.inputs, f.target, f.envPath, f.lastGood)
    if (back.ok) {
      return {
        status: 'rolled-back',
        service: f.inputs.service,
        failure: `${f.failure}. Rolled back to the previous version, which is running again (its image IDs and health checked).`
      }
    }
    return { ...failed(back.why), ...unfinished(f.deps) }
  }
  if (f.before.length === 0) {
    const notRemoved = (why: string): DeployResult =>
      failed(`Removing the failed first deploy failed too: ${why}`)
    try {
      const down = await compose.down(f.target)
      log.group('docker compose down', `${down.stdout}${down.stderr}`)
      if (down.exitCode !== 0) {
        return {
          ...notRemoved(lastLine(down.stderr) || `exit code ${down.exitCode}`),
          ...unfinished(f.deps)
        }
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

/**
 * Puts the last good deploy's .env back and restores it (see restore); says what runs instead
 * when that did not work. Within a cancelled job it waits only as long as the runner allows.
 */
async function rollBack(
  deps: DeployDeps,
  inputs: DeployInputs,
  target: ComposeTarget,
  envPath: string,
  lastGood: LastGood
): Promise<{ ok: true } | { ok: false; why: string }> {
  const { compose, log } = deps
  let waitTimeoutSeconds = inputs.waitTimeoutSeconds
  if (cancelled(deps) && deps.cancel) {
    const left = Math.floor((deps.cancel.deadline() - Date.now()) / 1000) - 1
    waitTimeoutSeconds = Math.max(1, Math.min(waitTimeoutSeconds, left))
  }
  try {
    writeFileAtomic(envPath, lastGood.env)
    const work = (): ReturnType<typeof restore> =>
      restore(compose, log, target, lastGood, { waitTimeoutSeconds })
    const restored = deps.cancel ? await deps.cancel.spare(work) : await work()
    if (restored.ok) return { ok: true }
    const now = restored.containers ?? (await compose.containers(inputs.deployment))
    const running =
      now.length === 0
        ? 'No container of this deployment runs now.'
        : `Running now: ${now.map(c => `${describeContainer(c)}, image ${c.imageId.slice(0, 19)}`).join('; ')}.`
    return {
      ok: false,
      why: `Rolling back failed too: ${restored.why}. ${running} Deploy a version that works to fix it.`
    }
  } catch (error) {
    return { ok: false, why: `Rolling back failed too: ${errorMessage(error)}` }
  }
}

/**
 * The recover phase of a deploy that was interrupted (the job cancelled or killed before it got
 * back to a good version; its marker is still there): the last good deploy is restored, or for
 * an interrupted first deploy its containers are removed. The caller holds the lock. Returns
 * undefined when nothing was interrupted.
 */
export async function finishInterrupted(
  deps: DeployDeps,
  inputs: DeployInputs,
  paths: StatePaths
): Promise<DeployResult | undefined> {
  const pending = readPending(paths)
  if (pending === undefined) return undefined
  const { compose, log } = deps
  log.warning(
    `An earlier deploy of ${inputs.deployment} (started ${pending.started || 'at an unknown time'}) was interrupted before it finished: bringing the last good version back first.`
  )
  const lastGood = readLastGood(paths)
  const done = (result: DeployResult): DeployResult => {
    log.info(result.failure ?? '')
    if (!result.unfinished) clearPending(paths)
    return result
  }
  const interrupted = (failure: string, status: DeployStatus = 'failed'): DeployResult => ({
    status,
    service: inputs.service,
    failure: `The deploy was interrupted. ${failure}`
  })
  if (!inputs.rollback) {
    return done(interrupted('rollback is false, so the version it started was left as it is.'))
  }
  if (lastGood !== undefined) {
    for (const value of configEnvValues(lastGood.config, lastGood.keys)) deps.masker.add(value)
    // The service folder (and its .env) may be gone: then compose runs in the state folder,
    // with the saved .env copied next to it for the time of the rollback.
    const inFolder = isDirectory(pending.cwd) && pending.envFile !== ''
    const envPath = inFolder ? pending.envFile : join(paths.root, `.${inputs.deployment}.env`)
    const target: ComposeTarget = {
      project: inputs.deployment,
      files: [],
      envFile: envPath,
      cwd: inFolder ? pending.cwd : paths.root
    }
    const back = await rollBack(deps, inputs, target, envPath, lastGood)
    if (!inFolder) restoreFile(envPath, undefined)
    return done(
      back.ok
        ? interrupted(
            'Rolled back to the previous version, which is running again (its image IDs and health checked).',
            'rolled-back'
          )
        : { ...interrupted(back.why), ...unfinished(deps) }
    )
  }
  if (!pending.firstDeploy) {
    return done(
      interrupted(
        'There is no earlier deploy by launch-service to go back to, so what it started was left as it is.'
      )
    )
  }
  await dropStaleImageTags(compose, inputs.deployment, [])
  const down = await compose.down({ project: inputs.deployment, files: [], cwd: paths.root })
  log.group('docker compose down', `${down.stdout}${down.stderr}`)
  return done(
    down.exitCode === 0
      ? interrupted(
          'It was the first deploy: its containers were removed, nothing is left running.'
        )
      : {
          ...interrupted(
            `It was the first deploy, and removing its containers failed: ${lastLine(down.stderr)}`
          ),
          ...unfinished(deps)
        }
  )
}

/** A cancelled job that could not finish: the marker stays for the post step. */
function unfinished(deps: StepDeps): Pick<DeployResult, 'unfinished'> {
  return cancelled(deps) ? { unfinished: true } : {}
}

function cancelled(deps: StepDeps): boolean {
  return deps.cancel?.signal.aborted === true
}

function throwIfCancelled(deps: StepDeps, when: string): void {
  if (cancelled(deps)) throw new ActionError(`The deploy was cancelled ${when}`)
}

async function bestEffort(log: Log, what: string, step: () => void | Promise<void>): Promise<void> {
  try {
    await step()
  } catch (error) {
    log.warning(`Could not ${what}: ${errorMessage(error)}`)
  }
}

function ids(containers: ProjectContainer[]): string[] {
  return containers.map(c => c.id)
}

function sameContainers(a: string[], b: string[]): boolean {
  const x = [...a].sort()
  const y = [...b].sort()
  return x.length === y.length && x.every((id, i) => id === y[i])
}
