#!/usr/bin/env node
// `deploy` against its floor on the real Docker engine: a deploy of services/test-service whose
// only change is one value (VERSION), run as the runner runs the action (scripts/run-action.mjs),
// paired with a bare `docker compose up -d --build --wait` of the same change in a copy of the
// folder (its own project and port). Each run checks both pages serve the new version.
// Usage: node bench/deploy.mjs [--runs N]   (npm run bench runs it; figures in bench/README.md)
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODE, REPO_ROOT, runAction, runProcess } from '../scripts/run-action.mjs'
import { formatLine, paired, runsArgument } from './lib.mjs'

const GOAL = 1.15
const SERVICE = 'services/test-service'

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function expectPage(port, version) {
  const page = await (await fetch(`http://127.0.0.1:${port}/`)).text()
  if (!page.includes(`, version ${version}.</p>`))
    throw new Error(`port ${port} does not serve version ${version}:\n${page}`)
}

const runs = runsArgument(10)
const dir = mkdtempSync(join(tmpdir(), 'ls-bench-deploy-'))
const deployment = `ls-bench-${process.pid}`
const bareProject = `ls-bench-bare-${process.pid}`
const workspace = join(dir, 'workspace')
const bareDir = join(dir, 'bare')
cpSync(join(REPO_ROOT, SERVICE), join(workspace, SERVICE), { recursive: true })
cpSync(join(REPO_ROOT, SERVICE), bareDir, { recursive: true })
const [actionPort, barePort] = [await freePort(), await freePort()]

async function deploy(version) {
  const run = await runAction({
    workspace,
    inputs: {
      command: 'deploy',
      deployment,
      path: SERVICE,
      vars: JSON.stringify({
        TEST_SERVICE__VERSION: String(version),
        TEST_SERVICE__TEST_SERVICE_PORT: String(actionPort)
      }),
      secrets: '{}'
    },
    env: { LAUNCH_SERVICE_STATE_DIR: join(dir, 'state') }
  })
  if (run.exitCode !== 0 || run.outputs.status !== 'deployed')
    throw new Error(
      `deploy of version ${version}: ${run.outputs.status}\n${run.stdout}${run.stderr}`
    )
  await expectPage(actionPort, version)
  return run.ms
}

async function bare(version) {
  writeFileSync(
    join(bareDir, '.env'),
    `GREETING=Hello from launch-service\nVERSION=${version}\nTEST_SERVICE_PORT=${barePort}\n`,
    { mode: 0o600 }
  )
  const run = await runProcess(
    'docker',
    ['compose', '--project-name', bareProject, 'up', '-d', '--build', '--wait'],
    { cwd: bareDir }
  )
  if (run.exitCode !== 0) throw new Error(`bare compose up of version ${version}:\n${run.stderr}`)
  await expectPage(barePort, version)
  return run.ms
}

try {
  console.log(
    `deploy vs floor (docker compose up -d --build --wait of the same change), node ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()}, ${execFileSync('docker', ['compose', 'version', '--short'], { encoding: 'utf8' }).trim()}, ${runs} paired runs, medians (min–max)`
  )
  // The first deploy of each builds the image and creates the containers: not what is compared.
  await deploy(0)
  await bare(0)
  const result = await paired({
    runs,
    warmup: 1,
    action: i => deploy(i + 10),
    floor: i => bare(i + 10)
  })
  console.log(formatLine('deploy of a one-value change (test-service)', result, GOAL))
} finally {
  await runAction({
    workspace,
    inputs: { command: 'remove', deployment, path: SERVICE },
    env: { LAUNCH_SERVICE_STATE_DIR: join(dir, 'state') }
  })
  await runProcess('docker', ['compose', '--project-name', bareProject, 'down'], { cwd: bareDir })
  // The rollback tag deploy keeps for this bench's deployment (a unique name).
  await runProcess('docker', ['image', 'rm', `launch-service-rollback/${deployment}:web`])
  rmSync(dir, { recursive: true, force: true })
}
