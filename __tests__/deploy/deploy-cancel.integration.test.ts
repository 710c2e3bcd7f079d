/**
 * A deploy that is cancelled, killed, or whose rollback target was deleted, run through the
 * bundled action against a real engine and checked from the outside: the page HTTP serves, the
 * processes left (`ps`), the lock and the marker of an interrupted deploy. Signals go to the node
 * process as GitHub's runner sends them: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that.
 * Tests run in order and share the deployment.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { ActionRun } from '../helpers/action.js'
import {
  containerIds,
  docker,
  expectNoLeak,
  expectStatus,
  httpGet,
  removeTestDeployment,
  runStep,
  setServiceVersion,
  testDeployment
} from './support.js'

const web = await testDeployment('web')
const { deployment, canary, port } = web

type Stop = 'runner-cancel' | 'sigkill' | 'runner-cancel-in-rollback'

/** Deploys; with `stop`, stops the step once compose up has been running for a second. */
async function deploy(
  options: { stop?: Stop; waitTimeout?: string; state?: Record<string, string> } = {}
): Promise<ActionRun> {
  const run = await runStep(web, 'deploy', {
    secrets: { WEB__API_KEY: `${canary}-key` },
    vars: { WEB__PORT: String(port) },
    inputs: { 'wait-timeout': options.waitTimeout ?? '20' },
    state: options.state,
    onSpawn: options.stop === undefined ? undefined : child => stopWhenUp(child, options.stop!)
  })
  expectNoLeak(run, canary)
  return run
}

/** The runner's cancel (or a kill -9) one second after compose up (or the rollback) started. */
function stopWhenUp(child: ChildProcess, stop: Stop): void {
  let seen = ''
  const timers: NodeJS.Timeout[] = []
  const send = (signal: NodeJS.Signals, afterMs: number): void => {
    timers.push(
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      }, afterMs)
    )
  }
  child.stdout?.on('data', (d: Buffer) => {
    if (timers.length > 0) return
    seen += d.toString()
    const trigger =
      stop === 'runner-cancel-in-rollback'
        ? 'Rolling back to the last good deploy'
        : 'docker compose up --build --wait'
    if (!seen.includes(trigger)) return
    if (stop === 'sigkill') send('SIGKILL', 1000)
    else {
      // In a rollback: at once, while its compose up is surely still running.
      const at = stop === 'runner-cancel' ? 1000 : 100
      send('SIGINT', at)
      send('SIGTERM', at + 7500)
      send('SIGKILL', at + 10000)
    }
  })
  child.on('close', () => timers.forEach(clearTimeout))
}

const version = (page: string, compose?: string): void =>
  setServiceVersion(web.serviceDir, { page, compose })

const page = async (): Promise<string> => (await httpGet(port)).body

/** Processes whose command line names the deployment: docker compose children left behind. */
function leftovers(): string[] {
  return execFileSync('ps', ['-ww', '-eo', 'pid,pgid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter(line => line.includes(deployment))
}

const lock = (): boolean => existsSync(join(web.stateRoot, `${deployment}.lock`))
const marker = (): boolean => existsSync(join(web.stateRoot, `${deployment}.pending.json`))

afterAll(() => removeTestDeployment(web))

test('version 1 deploys', async () => {
  version('version 1\n')
  expectStatus(await deploy(), 'deployed')
  expect(await page()).toBe('version 1\n')
})

test('cancelled during --wait of an unhealthy version, it rolls back within the runner’s window', async () => {
  version('version 2\n', 'broken/compose.unhealthy.yaml')
  const started = Date.now()
  const run = await deploy({ stop: 'runner-cancel', waitTimeout: '60' })
  // Exited by itself after SIGINT, before SIGTERM (8.5 s after compose up started).
  expect(Date.now() - started).toBeLessThan(60_000)
  if (run.exitCode !== 1 || !run.stdout.includes('Received SIGINT'))
    throw new Error(`expected a cancelled step:\n${run.everything}`)
  expectStatus(run, 'rolled-back')
  expect(run.summary).toContain('rolled-back')
  expect(run.summary).toContain('cancelled')
  expect(await page()).toBe('version 1\n')
  expect(leftovers()).toEqual([])
  expect(lock()).toBe(false)
  expect(marker()).toBe(false)
  // The post step (post-if: always()) finds nothing left to do.
  const post = await deploy({ state: run.state })
  expect(run.state.deployment).toBe(deployment)
  if (post.exitCode !== 0) throw new Error(`post step failed:\n${post.everything}`)
  expect(post.stdout).toContain('nothing to finish')
})

test('cancelled while an ordinary rollback runs, the rollback is not stopped: version 1 is back', async () => {
  version('version 2\n', 'broken/compose.unhealthy.yaml')
  const run = await deploy({ stop: 'runner-cancel-in-rollback', waitTimeout: '4' })
  if (!run.stdout.includes('Received SIGINT'))
    throw new Error(`expected a cancel during the rollback:\n${run.everything}`)
  expectStatus(run, 'rolled-back')
  expect(run.stdout).toContain('Received SIGINT during a rollback: letting it finish')
  expect(await page()).toBe('version 1\n')
  expect(leftovers()).toEqual([])
  expect(marker()).toBe(false)
})

test('killed during --wait (no time to roll back), the post step stops the orphans and rolls back', async () => {
  version('version 2\n', 'broken/compose.unhealthy.yaml')
  const run = await deploy({ stop: 'sigkill', waitTimeout: '60' })
  expect(run.exitCode).toBe(-1)
  expect(marker()).toBe(true)
  // compose up --wait may still wait for the unhealthy version (unless it died writing to the
  // closed pipe): the post step stops whatever is left.
  const orphans = leftovers().length > 0
  const post = await deploy({ state: run.state })
  if (post.exitCode !== 1) throw new Error(post.everything)
  if (orphans)
    expect(post.stdout).toContain('Stopped the docker commands the cancelled deploy left running.')
  expect(post.summary).toContain('rolled-back')
  expect(await page()).toBe('version 1\n')
  expect(leftovers()).toEqual([])
  expect(lock()).toBe(false)
  expect(marker()).toBe(false)
})

test('killed, without a post step: the next deploy waits for the orphans, recovers, then deploys', async () => {
  version('version 2\n', 'broken/compose.unhealthy.yaml')
  const killed = await deploy({ stop: 'sigkill', waitTimeout: '6' })
  expect(killed.exitCode).toBe(-1)
  const orphans = leftovers().length > 0
  version('version 3\n')
  const next = await deploy()
  // The lock covers what the killed step left running (unless it died on the closed pipe).
  if (orphans) expect(next.stdout).toContain('Waiting for another job')
  expect(next.stdout).toContain('was interrupted before it finished')
  expectStatus(next, 'deployed')
  expect(await page()).toBe('version 3\n')
  expect(marker()).toBe(false)
  expect(leftovers()).toEqual([])
})

test('a rollback whose saved image was deleted reports failed and what runs, not rolled-back', async () => {
  version('version 4\n')
  expectStatus(await deploy(), 'deployed')
  // A disk clean-up: the running version's container, image and rollback tag are deleted.
  const [id] = containerIds(deployment)
  const image = docker('inspect', '--format', '{{.Image}}', id as string).trim()
  docker('rm', '--force', id as string)
  docker('rmi', '--force', image)
  version('version 5\n', 'broken/compose.unhealthy.yaml')
  const run = await deploy()
  expectStatus(run, 'failed')
  expect(run.stdout).toContain('is no longer on this host')
  expect(run.stdout).toContain('Running now: service web')
  expect(run.stdout).not.toContain('Rolled back to the previous version')
  // What the message says: the failed version is what answers.
  expect(await page()).toBe('version 5\n')
})

test('cancelled while waiting for the lock, it stops waiting with outputs; its post step leaves the other job’s marker alone', async () => {
  // Another job (a live process) holds the lock and has a deploy under way.
  const other = spawn('sleep', ['120'], { stdio: 'ignore' })
  const lockDir = join(web.stateRoot, `${deployment}.lock`)
  const pending = join(web.stateRoot, `${deployment}.pending.json`)
  try {
    mkdirSync(lockDir, { recursive: true })
    writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ host: hostname(), pid: other.pid }))
    const marker = {
      pid: other.pid,
      cwd: web.serviceDir,
      envFile: '.env',
      started: '',
      firstDeploy: false
    }
    writeFileSync(pending, JSON.stringify(marker))
    const started = Date.now()
    const run = await runStep(web, 'deploy', {
      secrets: { WEB__API_KEY: `${canary}-key` },
      vars: { WEB__PORT: String(port) },
      onSpawn: child => {
        let seen = ''
        child.stdout?.on('data', (d: Buffer) => {
          seen += d.toString()
          if (seen.includes('Waiting for another job') && seen !== 'sent') {
            seen = 'sent'
            child.kill('SIGINT')
          }
        })
      }
    })
    expect(Date.now() - started).toBeLessThan(7_000) // before the runner's SIGTERM
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('cancelled while waiting for another job')
    expectStatus(run, 'failed')
    const post = await runStep(web, 'deploy', { state: run.state })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain("is another job's")
    expect(existsSync(pending)).toBe(true)
    expect(existsSync(lockDir)).toBe(true)
  } finally {
    other.kill()
    rmSync(lockDir, { recursive: true, force: true })
    rmSync(pending, { force: true })
  }
})
