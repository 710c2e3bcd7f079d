/**
 * `plan` end to end: real git repositories (a bare origin standing in for GitHub, clones like
 * actions/checkout makes), the bundled dist/index.js started the way the runner starts it, and
 * realistic webhook payloads. Assertions read GITHUB_OUTPUT and the job summary.
 */
import { execFileSync } from 'node:child_process'
import {
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { type ActionRun, runAction } from '../helpers/action.js'
import {
  mergeGroupEvent,
  pullRequestEvent,
  pushEvent,
  workflowDispatchEvent
} from '../helpers/events.js'
import { visibleOutput } from '../deploy/support.js'
import { startFakeGitHubApi } from '../helpers/fake-github-api.js'
import { TestRepo, ZERO, git } from '../helpers/git.js'

const compose = (name: string) => `services:\n  ${name}:\n    image: busybox:1.36\n`

const DEPLOYMENTS = {
  'web-homelab': {
    service: 'web',
    path: 'services/web',
    target: 'proxmox',
    runner_labels: ['self-hosted', 'proxmox', 'web-homelab'],
    public: false,
    url: null
  },
  'web-aws': {
    service: 'web',
    path: 'services/web',
    target: 'aws',
    runner_labels: ['self-hosted', 'aws', 'web-aws'],
    public: true,
    url: 'https://web.example.com'
  },
  'api-aws': {
    service: 'api',
    path: 'services/api',
    target: 'aws',
    runner_labels: ['self-hosted', 'aws', 'api-aws'],
    public: false,
    url: null
  }
}

interface Entry {
  deployment: string
  service: string
  path: string
  target: string
  'runs-on': string[]
  action: string
  url: string | null
}

const matrixOf = (run: ActionRun): Entry[] =>
  (JSON.parse(run.outputs.matrix ?? 'null') as { include: Entry[] }).include
const jobs = (run: ActionRun) =>
  matrixOf(run)
    .map(e => `${e.action}:${e.deployment}`)
    .sort()

function expectOk(run: ActionRun): void {
  if (run.exitCode !== 0)
    throw new Error(`action failed (${run.exitCode}):\n${run.stdout}\n${run.stderr}`)
}

/** The git this machine runs, for wrappers and PATHs built around it. */
const gitOnPath = () => execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()

let repo: TestRepo
let first: string

beforeEach(() => {
  repo = new TestRepo()
  first = repo.commit({
    'README.md': '# homelab\n',
    'services/web/compose.yaml': compose('web'),
    'services/api/compose.yaml': compose('api'),
    'services/worker/compose.yml': compose('worker'),
    'shared/nginx.conf': 'worker_processes 1;\n'
  })
  repo.push('origin', 'main')
})
afterEach(() => repo.cleanup())

async function plan(
  workspace: string,
  event: unknown,
  options: {
    eventName?: string
    inputs?: Record<string, string>
    sha?: string
    ref?: string
    env?: Record<string, string>
  } = {}
): Promise<ActionRun> {
  return runAction({
    workspace,
    eventName: options.eventName ?? 'push',
    event,
    inputs: { command: 'plan', deployments: JSON.stringify(DEPLOYMENTS), ...options.inputs },
    env: {
      GITHUB_SHA: options.sha ?? git(workspace, 'rev-parse', 'HEAD'),
      GITHUB_REF: options.ref ?? 'refs/heads/main',
      ...options.env
    }
  })
}

describe('push', () => {
  test('a change in one service deploys it to each of its deployments, and only it', async () => {
    const after = repo.commit({
      'services/web/compose.yaml': compose('web') + '    restart: always\n'
    })
    repo.push('origin', 'main')
    const run = await plan(repo.checkout({ depth: 1 }), pushEvent({ before: first, after }))
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:web-aws', 'deploy:web-homelab'])
    expect(matrixOf(run).find(e => e.deployment === 'web-aws')).toEqual({
      deployment: 'web-aws',
      service: 'web',
      path: 'services/web',
      target: 'aws',
      'runs-on': ['self-hosted', 'aws', 'web-aws'],
      action: 'deploy',
      url: 'https://web.example.com'
    })
    expect(run.outputs.services).toBe('["web"]')
    expect(run.outputs['has-changes']).toBe('true')
    expect(run.outputs.unrouted).toBe('[]')
    expect(run.summary).toContain(
      '| web-aws | web | aws | self-hosted, aws, web-aws | deploy | `services/web/compose.yaml` |'
    )
  })

  test('the post step after a plan step (post-if: always()) plans nothing again', async () => {
    // The runner runs `post:` after every step that used the action, with the step's inputs
    // again and only the state its main step saved: a plan's post step must not plan again
    // (a second summary, the warnings and errors twice).
    const after = repo.commit({
      'services/web/compose.yaml': compose('web') + '    restart: always\n'
    })
    repo.push('origin', 'main')
    const workspace = repo.checkout({ depth: 1 })
    const event = pushEvent({ before: first, after })
    const main = await plan(workspace, event)
    expectOk(main)
    expect(main.summary).toContain('| web-aws | web |')
    const post = await runAction({
      workspace,
      eventName: 'push',
      event,
      inputs: { command: 'plan', deployments: JSON.stringify(DEPLOYMENTS) },
      state: main.state,
      env: { GITHUB_SHA: git(workspace, 'rev-parse', 'HEAD'), GITHUB_REF: 'refs/heads/main' }
    })
    expectOk(post)
    expect({ summary: post.summary, outputs: post.outputs }).toEqual({ summary: '', outputs: {} })
  })

  test('a deployment whose path is not its service folder is routed by the folder, with a warning', async () => {
    const after = repo.commit({ 'services/api/compose.yaml': compose('api') + '    init: true\n' })
    repo.push('origin', 'main')
    const deployments = {
      ...DEPLOYMENTS,
      'api-aws': { ...DEPLOYMENTS['api-aws'], path: 'apps/api' }
    }
    const run = await plan(repo.checkout({ depth: 1 }), pushEvent({ before: first, after }), {
      inputs: { deployments: JSON.stringify(deployments) }
    })
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:api-aws'])
    expect(run.stdout).toContain(
      "::warning::Deployment 'api-aws' has path 'apps/api', but service 'api' lives in 'services/api'; changes are detected in 'services/api'."
    )
    expect(run.stdout.match(/::warning::/g)).toHaveLength(1)
  })

  test('files outside services/ change nothing', async () => {
    const after = repo.commit({
      'README.md': '# homelab, now documented\n',
      'shared/nginx.conf': 'x'
    })
    repo.push('origin', 'main')
    const run = await plan(repo.checkout({ depth: 1 }), pushEvent({ before: first, after }))
    expectOk(run)
    expect(run.outputs.matrix).toBe('{"include":[]}')
    expect(run.outputs['has-changes']).toBe('false')
    expect(run.outputs.services).toBe('[]')
  })

  test('a change matching shared-paths redeploys every deployed service (not the undeployed ones)', async () => {
    const after = repo.commit({ 'shared/nginx.conf': 'worker_processes 2;\n' })
    repo.push('origin', 'main')
    const run = await plan(repo.checkout({ depth: 1 }), pushEvent({ before: first, after }), {
      inputs: { 'shared-paths': 'shared/**\n*.lock' }
    })
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:api-aws', 'deploy:web-aws', 'deploy:web-homelab'])
    expect(run.outputs.unrouted).toBe('[]')
    expect(run.summary).toContain('`shared/nginx.conf`')
  })

  test('in a depth-1 clone the previous commit is fetched, several commits back', async () => {
    repo.commit({ 'services/api/app.txt': '1' })
    repo.commit({ 'README.md': 'docs' })
    const after = repo.commit({ 'services/api/app.txt': '2' })
    repo.push('origin', 'main')
    const workspace = repo.checkout({ depth: 1 })
    expect(() => git(workspace, 'cat-file', '-e', `${first}^{commit}`)).toThrow()
    const run = await plan(workspace, pushEvent({ before: first, after }))
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:api-aws'])
    expect(run.stdout).not.toContain('every service counts as changed')
  })

  test('a force push compares the trees: a change that was overwritten away still counts', async () => {
    // Deployed: a commit that changed api. Then history is rewritten to a commit that changes web.
    const deployed = repo.commit({
      'services/api/compose.yaml': compose('api') + '    restart: always\n'
    })
    repo.push('origin', 'main')
    git(repo.work, 'reset', '-q', '--hard', first)
    const after = repo.commit({
      'services/web/compose.yaml': compose('web') + '    restart: always\n'
    })
    repo.push('--force', 'origin', 'main')
    const run = await plan(
      repo.checkout({ depth: 1 }),
      pushEvent({ before: deployed, after, forced: true })
    )
    expectOk(run)
    // api goes back to its old definition, web gets its new one: both differ from what runs.
    expect(jobs(run)).toEqual(['deploy:api-aws', 'deploy:web-aws', 'deploy:web-homelab'])
  })

  test('a previous commit that cannot be fetched makes everything count, with a warning', async () => {
    const after = repo.commit({ 'services/web/x': '1' })
    repo.push('origin', 'main')
    const gone = 'deadbeef'.repeat(5)
    const run = await plan(
      repo.checkout({ depth: 1 }),
      pushEvent({ before: gone, after, forced: true })
    )
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:api-aws', 'deploy:web-aws', 'deploy:web-homelab'])
    expect(run.outputs.unrouted).toBe('["worker"]')
    expect(run.stdout).toContain(`::warning::The previous commit ${gone} cannot be fetched`)
    // The warning carries git's own reason, so a credentials problem is not mistaken for a GC.
    expect(run.stdout).toMatch(/git fetch said: .*not our ref|git fetch said: .*deadbeef/)
  })

  test('a new branch is compared with its merge-base on the default branch', async () => {
    git(repo.work, 'checkout', '-q', '-b', 'feature')
    repo.commit({ 'services/api/app.txt': 'feature work' })
    const after = repo.head()
    repo.push('origin', 'feature')
    git(repo.work, 'checkout', '-q', 'main')
    repo.commit({ 'services/web/app.txt': 'main moved on' })
    repo.push('origin', 'main')
    const workspace = repo.checkout({ depth: 1, ref: 'feature' })
    const run = await plan(
      workspace,
      pushEvent({ before: ZERO, after, ref: 'refs/heads/feature' }),
      {
        ref: 'refs/heads/feature'
      }
    )
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:api-aws'])
  })

  test('the first push of the default branch deploys everything', async () => {
    const run = await plan(repo.checkout({ depth: 1 }), pushEvent({ before: ZERO, after: first }))
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:api-aws', 'deploy:web-aws', 'deploy:web-homelab'])
    expect(run.outputs.services).toBe('["api","web","worker"]')
    expect(run.outputs.unrouted).toBe('["worker"]')
    expect(run.stdout).toContain(
      '::warning::Changed services with no deployment in the Terraform output (not deployed): worker.'
    )
  })

  test('a deleted service folder removes each of its deployments; a rename is a remove plus a deploy', async () => {
    const after = repo.commit({
      'services/web': null,
      'services/api/compose.yaml': null,
      'services/api-v2/compose.yaml': compose('api')
    })
    repo.push('origin', 'main')
    const deployments = {
      ...DEPLOYMENTS,
      'api-v2-aws': {
        ...DEPLOYMENTS['api-aws'],
        service: 'api-v2',
        path: 'services/api-v2',
        runner_labels: ['self-hosted', 'aws']
      }
    }
    const run = await plan(repo.checkout({ depth: 1 }), pushEvent({ before: first, after }), {
      inputs: { deployments: JSON.stringify(deployments) }
    })
    expectOk(run)
    expect(jobs(run)).toEqual([
      'deploy:api-v2-aws',
      'remove:api-aws',
      'remove:web-aws',
      'remove:web-homelab'
    ])
    expect(matrixOf(run).find(e => e.deployment === 'web-homelab')?.path).toBe('services/web')
    expect(run.outputs.services).toBe('["api","api-v2","web"]')
  })

  test('unusual file names (spaces, quotes, unicode, new lines) are attributed to their service', async () => {
    const after = repo.commit({ 'services/api/static/ünï cödé "quoted" it\'s\nnewline.txt': 'x' })
    repo.push('origin', 'main')
    const run = await plan(repo.checkout({ depth: 1 }), pushEvent({ before: first, after }))
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:api-aws'])
    expect(run.summary).toContain('ünï cödé')
  })

  test("a checkout owned by another user works (no 'dubious ownership')", async () => {
    const after = repo.commit({ 'services/api/app.txt': 'x' })
    repo.push('origin', 'main')
    const workspace = repo.checkout({ depth: 1 })
    chownTree(workspace, 4242)
    // Plain git refuses this checkout now, as it does on a self-hosted runner with another owner.
    expect(() => git(workspace, 'status')).toThrow(/dubious ownership/)
    const run = await plan(workspace, pushEvent({ before: first, after }), {
      sha: after,
      env: { HOME: repo.root }
    })
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:api-aws'])
  })
})

describe('the work follows the change, not the repository', () => {
  /**
   * The git commands a plan ran (GIT_TRACE), without `git`, sorted (the comparison and the folder
   * reader run at the same time, so the trace's order is a race), and what the folder reader
   * (`git diff-tree --stdin`) was given to read: the real git, behind a wrapper that copies its
   * input.
   */
  async function tracedPlan(
    workspace: string,
    event: unknown,
    eventName = 'push',
    inputs: Record<string, string> = {},
    ok = true
  ) {
    const id = Math.random().toString(36).slice(2)
    const trace = join(repo.root, `trace-${id}`)
    const readerInput = join(repo.root, `reader-input-${id}`)
    writeFileSync(readerInput, '')
    const bin = join(repo.root, `bin-${id}`)
    mkdirSync(bin)
    const realGit = gitOnPath()
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\ncase " $* " in *" --stdin "*) tee -a '${readerInput}' | '${realGit}' "$@"; exit $? ;; esac\nexec '${realGit}' "$@"\n`,
      { mode: 0o755 }
    )
    const run = await plan(workspace, event, {
      eventName,
      inputs,
      env: { GIT_TRACE: trace, PATH: `${bin}:${process.env.PATH ?? ''}` }
    })
    if (ok) expectOk(run)
    await readersEnded(bin)
    const commands = readFileSync(trace, 'utf8')
      .split('\n')
      .filter(line => line.includes('trace: built-in: git '))
      .map(line => line.replace(/^.*trace: built-in: git /, ''))
      .sort()
    return { run, commands, readerInput: readFileSync(readerInput, 'utf8') }
  }

  /**
   * A folder reader plan started but never asked is not waited for: it reads end-of-input when the
   * action exits, and may write its trace line after that. Its wrapper was running before the
   * action exited (spawn returns once the program runs), so this waits until no process runs it.
   */
  async function readersEnded(bin: string): Promise<void> {
    const deadline = Date.now() + 30_000
    const running = () =>
      execFileSync('ps', ['-ww', '-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .some(args => args.includes(join(bin, 'git')))
    while (running()) {
      if (Date.now() > deadline) throw new Error(`a git reader from ${bin} is still running`)
      await new Promise(resolve => setTimeout(resolve, 20))
    }
  }

  test('a push with both commits in the clone: one diff, then the touched folders’ trees only', async () => {
    const after = repo.commit({
      'services/web/app.txt': 'x',
      'services/Not_A_Name/compose.yaml': compose('x')
    })
    repo.push('origin', 'main')
    const { run, commands } = await tracedPlan(repo.checkout(), pushEvent({ before: first, after }))
    expect(jobs(run)).toEqual(['deploy:web-aws', 'deploy:web-homelab'])
    expect(run.stdout).toContain(
      "::warning::Folder 'services/Not_A_Name' is not a valid service name"
    )
    // The diff gives the touched folders' trees; their compose files are looked up in those.
    expect(commands).toEqual([
      'diff-tree --stdin --no-renames -z -- compose.yaml compose.yml docker-compose.yaml docker-compose.yml',
      `diff-tree -r -t --raw --no-renames -z '${first}^{commit}' '${after}^{commit}' --`
    ])
  })

  test('a push that edits compose files reads no folder: the diff shows them', async () => {
    rmSync(join(repo.work, 'services/web/compose.yaml'))
    const after = repo.commit({
      // Renamed within the folder, and edited.
      'services/web/compose.yml': compose('web'),
      'services/api/compose.yaml': compose('api') + '    init: true\n'
    })
    repo.push('origin', 'main')
    const { run, commands, readerInput } = await tracedPlan(
      repo.checkout(),
      pushEvent({ before: first, after })
    )
    expect(jobs(run)).toEqual(['deploy:api-aws', 'deploy:web-aws', 'deploy:web-homelab'])
    // The folder reader is started ahead (a trace shows it), but is given no folder: it reads
    // end-of-input and ends with the action.
    expect(commands).toEqual([
      'diff-tree --stdin --no-renames -z -- compose.yaml compose.yml docker-compose.yaml docker-compose.yml',
      `diff-tree -r -t --raw --no-renames -z '${first}^{commit}' '${after}^{commit}' --`
    ])
    expect(readerInput).toBe('')
  })

  test('a compose file the push deletes is looked up: the folder may hold another', async () => {
    rmSync(join(repo.work, 'services/api/compose.yaml'))
    rmSync(join(repo.work, 'services/web/compose.yaml'))
    const after = repo.commit({
      'services/api/notes.txt': 'no compose file here any more',
      'services/web/docker-compose.yml': compose('web')
    })
    repo.push('origin', 'main')
    const { run, commands, readerInput } = await tracedPlan(
      repo.checkout(),
      pushEvent({ before: first, after })
    )
    expect(jobs(run)).toEqual(['deploy:web-aws', 'deploy:web-homelab', 'remove:api-aws'])
    expect(commands).toHaveLength(2)
    // Only api's folder is read: web's new compose file is in the diff.
    const apiTree = git(repo.work, 'rev-parse', `${after}:services/api`)
    expect(readerInput.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(` ${apiTree}$`))
    ])
  })

  test('bad deployments fail before a folder reader starts: only the comparison ran', async () => {
    const after = repo.commit({ 'services/web/app.txt': 'x' })
    repo.push('origin', 'main')
    const bad = JSON.stringify({ web: { ...DEPLOYMENTS['web-aws'], service: 'Web;rm' } })
    const { run, commands } = await tracedPlan(
      repo.checkout(),
      pushEvent({ before: first, after }),
      'push',
      { deployments: bad },
      false
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`service "Web;rm" must match`)
    expect(commands).toEqual([
      `diff-tree -r -t --raw --no-renames -z '${first}^{commit}' '${after}^{commit}' --`
    ])
  })

  test('a service folder replaced by a file of that name is a removal', async () => {
    rmSync(join(repo.work, 'services/web'), { recursive: true })
    const after = repo.commit({ 'services/web': 'a file now' })
    repo.push('origin', 'main')
    const { run, commands } = await tracedPlan(repo.checkout(), pushEvent({ before: first, after }))
    expect(jobs(run)).toEqual(['remove:web-aws', 'remove:web-homelab'])
    expect(commands.filter(c => c.startsWith('ls-tree'))).toEqual([])
  })

  test('a SHA-256 repository plans a few and many changed services like a SHA-1 one', async () => {
    const sha256 = new TestRepo({ objectFormat: 'sha256' })
    try {
      const many = Array.from({ length: 40 }, (_, i) => `s${String(i).padStart(2, '0')}`)
      const base = sha256.commit(
        Object.fromEntries(many.map(name => [`services/${name}/compose.yaml`, compose(name)]))
      )
      const few = sha256.commit({ 'services/s05/app.txt': 'x', 'services/s00/compose.yaml': null })
      const all = sha256.commit(
        Object.fromEntries(many.map(name => [`services/${name}/app.txt`, 'changed']))
      )
      sha256.push('origin', 'main')
      expect(all).toMatch(/^[0-9a-f]{64}$/)
      const deployments = JSON.stringify(
        Object.fromEntries(
          many.map(name => [
            `${name}-aws`,
            { ...DEPLOYMENTS['api-aws'], service: name, path: `services/${name}` }
          ])
        )
      )
      const checkout = sha256.checkout({ depth: 5 })
      const planned = async (before: string, after: string) => {
        const run = await plan(checkout, pushEvent({ before, after }), {
          sha: after,
          inputs: { deployments }
        })
        expectOk(run)
        return jobs(run)
      }
      expect(await planned(base, few)).toEqual(['deploy:s05-aws', 'remove:s00-aws'])
      // s00 has no compose file since `few`: still a removal.
      expect(await planned(few, all)).toEqual([
        ...many.slice(1).map(name => `deploy:${name}-aws`),
        'remove:s00-aws'
      ])
    } finally {
      sha256.cleanup()
    }
  })

  test('events that compare nothing list the whole services folder', async () => {
    const { run, commands } = await tracedPlan(
      repo.checkout({ depth: 1 }),
      workflowDispatchEvent(),
      'workflow_dispatch'
    )
    expect(run.outputs.services).toBe('["api","web","worker"]')
    expect(commands.filter(c => c.startsWith('ls-tree'))).toEqual([
      `ls-tree -r --name-only --full-tree -z ${first} -- services/`
    ])
  })

  test('a change to many services looks their compose files up by tree, listing no folder', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `s${String(i).padStart(2, '0')}`)
    const base = repo.commit(
      Object.fromEntries(many.map(name => [`services/${name}/compose.yaml`, compose(name)]))
    )
    repo.push('origin', 'main')
    // All 40 change; s00 loses its compose file (a removal), s01 swaps it for another name.
    const after = repo.commit({
      ...Object.fromEntries(many.map(name => [`services/${name}/app.txt`, 'changed'])),
      'services/s00/compose.yaml': null,
      'services/s01/compose.yaml': null,
      'services/s01/docker-compose.yml': compose('s01')
    })
    repo.push('origin', 'main')
    const deployments = Object.fromEntries(
      many.map(name => [
        `${name}-aws`,
        { ...DEPLOYMENTS['api-aws'], service: name, path: `services/${name}` }
      ])
    )
    const trace = join(repo.root, 'trace-many')
    const run = await plan(repo.checkout(), pushEvent({ before: base, after }), {
      inputs: { deployments: JSON.stringify(deployments) },
      env: { GIT_TRACE: trace }
    })
    expectOk(run)
    expect(jobs(run)).toEqual([
      ...many.slice(1).map(name => `deploy:${name}-aws`),
      'remove:s00-aws'
    ])
    const commands = readFileSync(trace, 'utf8')
    expect(commands).not.toContain('ls-tree')
    expect(commands).toContain('diff-tree --stdin --no-renames -z --')
  })
})

describe('what counts as a service folder', () => {
  const many = Array.from({ length: 40 }, (_, i) => `s${String(i).padStart(2, '0')}`)
  const manyDeployments = Object.fromEntries(
    many.map(name => [
      `${name}-aws`,
      { ...DEPLOYMENTS['api-aws'], service: name, path: `services/${name}` }
    ])
  )

  // Few changed folders are listed by name, many are read by tree: both ways are checked.
  test.each([
    ['a few changed services', 2],
    ['many changed services', 40]
  ])(
    'a blob-less clone whose origin is gone plans %s without fetching a blob',
    async (_name, count) => {
      const changed = many.slice(0, count)
      const base = repo.commit(
        Object.fromEntries(many.map(name => [`services/${name}/compose.yaml`, compose(name)]))
      )
      const after = repo.commit({
        ...Object.fromEntries(changed.map(name => [`services/${name}/app.txt`, 'changed'])),
        'services/s00/compose.yaml': null
      })
      repo.push('origin', 'main')
      const workspace = repo.checkout({ blobless: true })
      git(workspace, 'remote', 'set-url', 'origin', join(repo.root, 'gone.git'))
      const run = await plan(workspace, pushEvent({ before: base, after }), {
        inputs: { deployments: JSON.stringify(manyDeployments) }
      })
      expectOk(run)
      expect(jobs(run)).toEqual([
        ...changed.slice(1).map(name => `deploy:${name}-aws`),
        'remove:s00-aws'
      ])
      // Still blob-less: nothing was fetched to decide.
      expect(() => git(workspace, 'cat-file', '-e', `${after}:services/s01/compose.yaml`)).toThrow()
    }
  )

  test.each([
    ['a few changed services', 2],
    ['many changed services', 40]
  ])('with %s, a folder named compose.yaml is not a compose file', async (_name, count) => {
    const base = repo.commit(
      Object.fromEntries(many.map(name => [`services/${name}/compose.yaml`, compose(name)]))
    )
    const after = repo.commit({
      ...Object.fromEntries(many.slice(0, count).map(name => [`services/${name}/app.txt`, 'x'])),
      'services/s00/compose.yaml': null,
      'services/s00/compose.yaml/notes.txt': 'a folder, not a compose file'
    })
    repo.push('origin', 'main')
    const run = await plan(repo.checkout(), pushEvent({ before: base, after }), {
      inputs: { deployments: JSON.stringify(manyDeployments) }
    })
    expectOk(run)
    expect(jobs(run)).toContain('remove:s00-aws')
    expect(jobs(run)).not.toContain('deploy:s00-aws')
  })

  test('a compose file that is a symlink counts, as compose follows it', async () => {
    const after = repo.commit({ 'services/web/app.txt': 'x' })
    git(repo.work, 'rm', '-q', 'services/web/compose.yaml')
    symlinkSync('../api/compose.yaml', join(repo.work, 'services/web/compose.yaml'))
    const linked = repo.commit({})
    repo.push('origin', 'main')
    const run = await plan(repo.checkout(), pushEvent({ before: after, after: linked }))
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:web-aws', 'deploy:web-homelab'])
  })

  test('a service named in `services` whose compose.yaml is a folder is refused', async () => {
    repo.commit({ 'services/tools/compose.yaml/readme.txt': 'not compose' })
    repo.push('origin', 'main')
    const run = await plan(repo.checkout(), workflowDispatchEvent(), {
      eventName: 'workflow_dispatch',
      inputs: { services: 'tools' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      "::error::Input 'services': no service folder with a compose file for: tools"
    )
  })

  test('a changed folder with an invalid name is warned about only if it holds a compose file', async () => {
    const base = repo.commit({
      'services/_templates/README.md': 'v1',
      'services/Old/compose.yaml': 'x'
    })
    git(repo.work, 'mv', 'services/Old', 'services/old')
    const after = repo.commit({
      'services/_templates/README.md': 'v2',
      'services/Bad_Name/compose.yaml': compose('bad')
    })
    repo.push('origin', 'main')
    const run = await plan(repo.checkout(), pushEvent({ before: base, after }))
    expectOk(run)
    const warned = run.stdout
      .split('\n')
      .filter(line => line.includes('is not a valid service name'))
    expect(warned).toEqual([
      "::warning::Folder 'services/Bad_Name' is not a valid service name (^[a-z0-9][a-z0-9-]{0,62}$) and is ignored."
    ])
  })
})

describe('compare-with: last-successful-run', () => {
  const token = 'ghs_fake_token_for_tests'
  const workflowRef = 'octo-org/homelab/.github/workflows/deploy-service.yml@refs/heads/main'

  test('a push after a failed run deploys what that run did not, as well as its own change', async () => {
    const deployedSha = repo.commit({ 'services/web/app.txt': 'v1' })
    const failedSha = repo.commit({ 'services/web/app.txt': 'v2 (its deploy failed)' })
    const after = repo.commit({ 'services/api/app.txt': 'unrelated change' })
    repo.push('origin', 'main')
    const api = await startFakeGitHubApi({
      token,
      repository: 'octo-org/homelab',
      workflow: 'deploy-service.yml',
      runs: [
        {
          head_sha: deployedSha,
          head_branch: 'main',
          event: 'push',
          status: 'completed',
          conclusion: 'success'
        },
        {
          head_sha: deployedSha,
          head_branch: 'feature',
          event: 'push',
          status: 'completed',
          conclusion: 'success'
        },
        {
          head_sha: failedSha,
          head_branch: 'main',
          event: 'push',
          status: 'completed',
          conclusion: 'failure'
        }
      ]
    })
    try {
      const workspace = repo.checkout({ depth: 1 })
      const event = pushEvent({ before: failedSha, after })
      const env = { GITHUB_API_URL: api.url, GITHUB_WORKFLOW_REF: workflowRef }
      const byEvent = await plan(workspace, event, { env })
      expect(jobs(byEvent)).toEqual(['deploy:api-aws'])
      expect(api.requests).toHaveLength(0)

      const run = await plan(workspace, event, {
        env,
        inputs: { 'compare-with': 'last-successful-run', 'github-token': token }
      })
      expectOk(run)
      expect(jobs(run)).toEqual(['deploy:api-aws', 'deploy:web-aws', 'deploy:web-homelab'])
      expect(api.requests).toHaveLength(1)
      const [request] = api.requests
      expect(request?.path).toBe(
        '/repos/octo-org/homelab/actions/workflows/deploy-service.yml/runs'
      )
      expect(Object.fromEntries(request?.query ?? [])).toMatchObject({
        branch: 'main',
        event: 'push',
        status: 'success',
        per_page: '1'
      })
      expect(visibleOutput(run.everything)).not.toContain(token)
    } finally {
      await api.close()
    }
  })

  test('when the API refuses, it warns and compares with the push before', async () => {
    const after = repo.commit({ 'services/api/app.txt': 'x' })
    repo.push('origin', 'main')
    const api = await startFakeGitHubApi({
      token,
      repository: 'octo-org/homelab',
      workflow: 'deploy-service.yml',
      runs: []
    })
    try {
      const run = await plan(repo.checkout({ depth: 1 }), pushEvent({ before: first, after }), {
        env: { GITHUB_API_URL: api.url, GITHUB_WORKFLOW_REF: workflowRef },
        inputs: { 'compare-with': 'last-successful-run', 'github-token': 'ghs_wrong_token' }
      })
      expectOk(run)
      expect(jobs(run)).toEqual(['deploy:api-aws'])
      expect(run.stdout).toContain(
        '::warning::Could not ask GitHub for the last successful run (Bad credentials'
      )
      expect(visibleOutput(run.everything)).not.toContain('ghs_wrong_token')
    } finally {
      await api.close()
    }
  })
})

function chownTree(dir: string, uid: number): void {
  for (const line of git(dir, 'ls-files', '-z').split('\0').filter(Boolean))
    chownSync(join(dir, line), uid, uid)
  for (const sub of ['', '.git', '.git/objects', '.git/refs']) chownSync(join(dir, sub), uid, uid)
}

describe('pull_request, merge_group, workflow_dispatch', () => {
  test('a pull request plans the changes since it branched off, not what main did since', async () => {
    git(repo.work, 'checkout', '-q', '-b', 'feature')
    const headSha = repo.commit({ 'services/web/app.txt': 'pr' })
    repo.push('origin', 'feature')
    git(repo.work, 'checkout', '-q', 'main')
    const baseSha = repo.commit({ 'services/api/app.txt': 'main moved on' })
    repo.push('origin', 'main')
    const workspace = repo.checkout({ depth: 1, ref: 'feature' })
    const run = await plan(
      workspace,
      pullRequestEvent({ baseRef: 'main', baseSha, headRef: 'feature', headSha }),
      {
        eventName: 'pull_request',
        ref: 'refs/pull/1/merge'
      }
    )
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:web-aws', 'deploy:web-homelab'])
  })

  test('a merge group compares its base_sha with its head_sha', async () => {
    const headSha = repo.commit({ 'services/api/app.txt': 'queued' })
    repo.push('origin', 'main')
    const run = await plan(
      repo.checkout({ depth: 1 }),
      mergeGroupEvent({ baseSha: first, headSha }),
      {
        eventName: 'merge_group'
      }
    )
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:api-aws'])
  })

  test('workflow_dispatch deploys the services named in the input, or everything', async () => {
    const workspace = repo.checkout({ depth: 1 })
    const some = await plan(workspace, workflowDispatchEvent(), {
      eventName: 'workflow_dispatch',
      inputs: { services: 'api,\nweb' }
    })
    expectOk(some)
    expect(jobs(some)).toEqual(['deploy:api-aws', 'deploy:web-aws', 'deploy:web-homelab'])
    const all = await plan(workspace, workflowDispatchEvent(), { eventName: 'workflow_dispatch' })
    expectOk(all)
    expect(all.outputs.services).toBe('["api","web","worker"]')
    const unknown = await plan(workspace, workflowDispatchEvent(), {
      eventName: 'workflow_dispatch',
      inputs: { services: 'nope' }
    })
    expect(unknown.exitCode).not.toBe(0)
    expect(unknown.stdout).toContain(
      "::error::Input 'services': no service folder with a compose file for: nope"
    )
  })

  test('a first deploy (only-deployments) reaches only the new hosts; a missing folder is a warning', async () => {
    const workspace = repo.checkout({ depth: 1 })
    const first = await plan(workspace, workflowDispatchEvent(), {
      eventName: 'workflow_dispatch',
      // As the Terraform workflow passes new-deployments' outputs: the service 'nope' and its
      // deployment are in Terraform, its folder is not committed yet.
      inputs: { services: 'nope,web', 'only-deployments': '["web-homelab","nope-aws"]' }
    })
    expectOk(first)
    expect(jobs(first)).toEqual(['deploy:web-homelab'])
    expect(first.stdout).toContain('::warning::No service folder with a compose file for: nope;')
    const bad = await plan(workspace, workflowDispatchEvent(), {
      eventName: 'workflow_dispatch',
      inputs: { services: 'web', 'only-deployments': 'web-homelab,../x' }
    })
    expect(bad.exitCode).not.toBe(0)
    expect(bad.stdout).toContain(
      "::error::Input 'only-deployments': not valid deployment names: ../x"
    )
  })
})

describe('bad input fails clearly and writes no outputs', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['unknown command', { command: 'deploy-all' }, "Input 'command': unknown command 'deploy-all'"],
    [
      'unparseable deployments',
      { deployments: '{"web": ' },
      "Input 'deployments': the text is not valid JSON"
    ],
    [
      'deployments file missing',
      { deployments: 'infra/nope.json' },
      "Input 'deployments': 'infra/nope.json' is neither JSON nor a readable file"
    ],
    [
      'path escaping the repository',
      { deployments: JSON.stringify({ web: { ...DEPLOYMENTS['web-aws'], path: '../../etc' } }) },
      `deployment 'web': path "../../etc" must be a relative path inside the repository`
    ],
    [
      'service name that is not a name',
      { deployments: JSON.stringify({ web: { ...DEPLOYMENTS['web-aws'], service: 'Web;rm' } }) },
      `deployment 'web': service "Web;rm" must match ^[a-z0-9][a-z0-9-]{0,62}$`
    ],
    [
      'empty runner labels',
      { deployments: JSON.stringify({ web: { ...DEPLOYMENTS['web-aws'], runner_labels: [] } }) },
      "deployment 'web': runner_labels must be a non-empty array"
    ],
    [
      'runner label that is not a string',
      {
        deployments: JSON.stringify({
          web: { ...DEPLOYMENTS['web-aws'], runner_labels: ['self-hosted', 7] }
        })
      },
      'runner_labels 7 are not valid labels'
    ],
    [
      'deployment named like another service (API__<KEY> would mean both)',
      { deployments: JSON.stringify({ ...DEPLOYMENTS, api: DEPLOYMENTS['web-aws'] }) },
      "deployment 'api' (of service 'web') is named like the service 'api': API__<KEY> would select the secrets of both"
    ],
    [
      'base that does not resolve',
      { base: 'no-such-branch' },
      "Input 'base': 'no-such-branch' does not resolve to a commit"
    ],
    [
      'base that looks like an option',
      { base: '--upload-pack=evil' },
      "Input 'base': '--upload-pack=evil' is not a commit"
    ]
  ]
  test.each(cases)('%s', async (_name, inputs, message) => {
    const workspace = repo.checkout({ depth: 1 })
    const before = git(workspace, 'status', '--porcelain')
    const run = await plan(workspace, pushEvent({ before: first, after: first }), { inputs })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(message)
    expect(run.outputs).toEqual({})
    expect(git(workspace, 'status', '--porcelain')).toBe(before)
  })

  test('bad deployments fail before git fetches anything, also in a blob-less clone without the previous commit', async () => {
    const before = repo.commit({ 'services/web/app.txt': '1' })
    const after = repo.commit({ 'services/web/app.txt': '2' })
    repo.push('origin', 'main')
    // actions/checkout's sparse checkout: a partial clone, where git fetches a missing object
    // from origin the moment anything reads it.
    const workspace = repo.checkout({ depth: 1, blobless: true })
    const packs = () => readdirSync(join(workspace, '.git/objects/pack')).sort()
    const had = packs()
    const run = await plan(workspace, pushEvent({ before, after }), {
      sha: after,
      inputs: { deployments: JSON.stringify({ 'Web--': DEPLOYMENTS['web-aws'] }) }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("deployment 'Web--': name must match")
    expect(packs()).toEqual(had)
  })

  test('terraform-dir without terraform on PATH says how to fix it', async () => {
    const workspace = repo.checkout({ depth: 1 })
    // A PATH with git alone: HashiCorp's apt and rpm packages install terraform in /usr/bin, next
    // to git, so no fixed PATH of system folders lacks it everywhere.
    const bin = join(repo.root, 'git-only-bin')
    mkdirSync(bin, { recursive: true })
    const realGit = gitOnPath()
    if (!existsSync(join(bin, 'git'))) symlinkSync(realGit, join(bin, 'git'))
    const run = await plan(workspace, pushEvent({ before: first, after: first }), {
      inputs: { deployments: '', 'terraform-dir': 'infrastructure' },
      env: { PATH: bin }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      "Input 'terraform-dir': terraform is not on PATH. Add hashicorp/setup-terraform"
    )
  })

  test('deployments read from a file holding the whole terraform output document', async () => {
    const workspace = repo.checkout({ depth: 1 })
    writeFileSync(
      join(workspace, 'deployments.json'),
      JSON.stringify({ deployments: { sensitive: false, type: 'x', value: DEPLOYMENTS } })
    )
    const run = await plan(workspace, workflowDispatchEvent(), {
      eventName: 'workflow_dispatch',
      inputs: { deployments: 'deployments.json', services: 'api' }
    })
    expectOk(run)
    expect(jobs(run)).toEqual(['deploy:api-aws'])
  })
})
