#!/usr/bin/env node
// `plan` against its floor, at several repository sizes. For each size: a whole `node
// dist/index.js` process started as the runner starts it (scripts/run-action.mjs), paired with the
// floor — `node -e 0` plus `git diff --name-only` between the same two commits — run after run.
// Also checks that the services plan reports are exactly those `git diff` names, and measures the
// action's peak memory (one extra run). Repositories are generated with `git fast-import`
// (deterministic: fixed names, contents and dates) and cached in the temp folder.
// Usage: node bench/plan.mjs [--runs N]   (npm run bench runs it; figures in bench/README.md)
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODE, runAction, runProcess } from '../scripts/run-action.mjs'
import { formatLine, paired, runsArgument } from './lib.mjs'

const GOAL = 2.0
const MAX_RSS_MB = 100
const GENERATOR = 'v2' // bump when the generated repositories change
const CACHE = join(tmpdir(), 'launch-service-bench')

/** services × files per service; `changed` files spread evenly over `over` services. */
const SIZES = [
  { services: 50, files: 20, changed: 10, over: 10 },
  { services: 5000, files: 10, changed: 10, over: 10 },
  { services: 5000, files: 10, changed: 1000, over: 250 },
  { services: 500, files: 100, changed: 1000, over: 250 }
]

const serviceName = i => `svc-${String(i).padStart(4, '0')}`
const filePath = (service, j) =>
  j === 0 ? `services/${service}/compose.yaml` : `services/${service}/files/d${j % 8}/f${j}.txt`

/** The repository for one size: two commits on main (`before`, `after`), built once and cached. */
function repository(size) {
  const dir = join(
    CACHE,
    `${GENERATOR}-${size.services}x${size.files}-${size.changed}over${size.over}`
  )
  const ready = join(dir, 'ready.json')
  if (existsSync(ready)) return { dir, ...JSON.parse(readFileSync(ready, 'utf8')) }

  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  execFileSync('git', ['init', '-q', '-b', 'main', dir])
  const chunks = []
  const data = text => `data ${Buffer.byteLength(text)}\n${text}\n`
  const who = 'bench <bench@example.com> 1767225600 +0000'
  chunks.push(`commit refs/heads/main\nmark :1\nauthor ${who}\ncommitter ${who}\n${data('base')}`)
  const deployments = {}
  for (let i = 0; i < size.services; i++) {
    const service = serviceName(i)
    chunks.push(
      `M 100644 inline ${filePath(service, 0)}\n${data(`services:\n  app:\n    image: busybox:1.36\n`)}`
    )
    for (let j = 1; j < size.files; j++)
      chunks.push(`M 100644 inline ${filePath(service, j)}\n${data(`${service} ${j}\n`)}`)
    // As `terraform output -json deployments` writes it (attributes in sorted order, compact).
    deployments[`${service}-aws`] = {
      path: `services/${service}`,
      public: false,
      runner_labels: ['self-hosted', 'aws'],
      service,
      target: 'aws',
      url: null
    }
  }
  chunks.push(`M 100644 inline README.md\n${data('# bench\n')}\n`)
  chunks.push(
    `commit refs/heads/main\nmark :2\nauthor ${who}\ncommitter ${who}\n${data('change')}from :1\n`
  )
  const perService = size.changed / size.over
  const step = Math.floor(size.services / size.over)
  for (let k = 0; k < size.over; k++) {
    for (let j = 1; j <= perService; j++)
      chunks.push(`M 100644 inline ${filePath(serviceName(k * step), j)}\n${data('changed\n')}`)
  }
  // A change outside services/ that must not count.
  chunks.push(`M 100644 inline README.md\n${data('# bench, changed\n')}\n`)
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join('') })
  const rev = ref => execFileSync('git', ['rev-parse', ref], { cwd: dir, encoding: 'utf8' }).trim()
  const info = { before: rev('main~1'), after: rev('main') }
  writeFileSync(join(dir, 'deployments.json'), JSON.stringify(deployments))
  writeFileSync(`${ready}.tmp`, JSON.stringify(info))
  renameSync(`${ready}.tmp`, ready)
  return { dir, ...info }
}

const servicesOf = files =>
  [...new Set(files.filter(f => f.startsWith('services/')).map(f => f.split('/')[1]))].sort()

async function measure(size, runs) {
  const repo = repository(size)
  const event = {
    before: repo.before,
    after: repo.after,
    ref: 'refs/heads/main',
    repository: { default_branch: 'main' }
  }
  const plan = nodeArgs =>
    runAction({
      workspace: repo.dir,
      event,
      inputs: { command: 'plan', deployments: 'deployments.json' },
      env: { GITHUB_SHA: repo.after },
      nodeArgs
    })
  let diffFiles
  const check = run => {
    if (run.exitCode !== 0) throw new Error(`plan failed:\n${run.stdout}\n${run.stderr}`)
    return run
  }
  const result = await paired({
    runs,
    action: async () => check(await plan()).ms,
    floor: async () => {
      const node = await runProcess(NODE, ['-e', '0'])
      const diff = await runProcess('git', ['diff', '--name-only', repo.before, repo.after], {
        cwd: repo.dir
      })
      diffFiles = diff.stdout.split('\n').filter(Boolean)
      return node.ms + diff.ms
    }
  })
  // One more run that reports the process's peak resident memory on exit.
  const memoryRun = check(
    await plan([
      '--import',
      'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxrss-kb=${process.resourceUsage().maxRSS}\\n`))'
    ])
  )
  const peakMb = Number(/maxrss-kb=(\d+)/.exec(memoryRun.stderr)?.[1]) / 1024
  const reported = JSON.parse(memoryRun.outputs.services)
  const expected = servicesOf(diffFiles)
  const same = JSON.stringify(reported) === JSON.stringify(expected)
  const label = `plan ${size.services}×${size.files}, ${size.changed} changed in ${size.over} services`
  console.log(
    formatLine(
      label,
      result,
      GOAL,
      `peak ${peakMb.toFixed(0)} MB${peakMb < MAX_RSS_MB ? '' : ` OVER ${MAX_RSS_MB} MB`}  services ${same ? `= git diff (${expected.length})` : 'DIFFER from git diff'}`
    )
  )
  if (!same) {
    console.log(`  plan: ${reported.join(' ')}\n  diff: ${expected.join(' ')}`)
    process.exitCode = 1
  }
}

const runs = runsArgument(15)
console.log(
  `plan vs floor (node -e 0 + git diff --name-only), node ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()}, ${execFileSync('git', ['--version'], { encoding: 'utf8' }).trim()}, ${runs} paired runs, medians (min–max)`
)
for (const size of SIZES) await measure(size, runs)
