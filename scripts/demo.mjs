#!/usr/bin/env node
// The main job on a local default, no cloud account: this machine plays the self-hosted runner.
//   1. Docker engine + Compose plugin (installed and started if missing)
//   2. terraform apply of infrastructure/examples/local (target "local": no host, only the
//      deployment record and labels), then terraform output -json
//   3. the action's plan, as a workflow_dispatch of test-service would run it
//   4. the action's deploy for each job of the matrix, then the page it serves
// `npm run demo -- --remove` tears the deployment down again.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT as root, runAction } from './run-action.mjs'

const work = join(root, '.demo')
const remove = process.argv.includes('--remove')
const port = process.env.DEMO_PORT ?? '8080'

const say = text => console.log(`\n\x1b[1m▶ ${text}\x1b[0m`)
function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  if (result.error?.code === 'ENOENT')
    throw new Error(`${command} is not installed (needed for the demo).`)
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`)
}

/** Runs the action as the runner does (scripts/run-action.mjs), its log shown as it comes. */
async function action(inputs, eventName = 'workflow_dispatch') {
  const run = await runAction({
    inputs,
    workspace: root,
    eventName,
    event: { inputs: {}, repository: { default_branch: 'main' } },
    env: {
      GITHUB_SHA: execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd: root,
        encoding: 'utf8'
      }).trim(),
      // Where deploy keeps its state between runs (the runner user's home by default).
      ...(process.env.LAUNCH_SERVICE_STATE_DIR
        ? { LAUNCH_SERVICE_STATE_DIR: process.env.LAUNCH_SERVICE_STATE_DIR }
        : {})
    },
    echo: true
  })
  if (run.exitCode !== 0)
    throw new Error(`the action's ${inputs.command} failed; see the log above`)
  return run.outputs
}

try {
  mkdirSync(work, { recursive: true })
  if (!process.argv.includes('--no-setup')) {
    say('Docker engine and Compose plugin')
    sh('bash', [join(root, 'scripts/setup-docker.sh')])
  }

  say('terraform apply: infrastructure/examples/local (local backend, state in .demo/)')
  const tfDir = join(root, 'infrastructure/examples/local')
  const cliConfig = join(work, 'terraformrc')
  writeFileSync(cliConfig, '')
  const tfEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_DATA_DIR: join(work, 'terraform'),
    TF_IN_AUTOMATION: '1'
  }
  const state = `-state=${join(work, 'terraform.tfstate')}`
  sh('terraform', [`-chdir=${tfDir}`, 'init', '-input=false', '-no-color'], {
    env: tfEnv,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  sh(
    'terraform',
    [`-chdir=${tfDir}`, 'apply', '-auto-approve', '-input=false', '-no-color', state],
    { env: tfEnv }
  )
  const output = execFileSync('terraform', [`-chdir=${tfDir}`, 'output', '-json', state], {
    env: tfEnv,
    encoding: 'utf8'
  })
  writeFileSync(join(work, 'terraform-output.json'), output)

  say('plan (as a workflow_dispatch of test-service)')
  const plan = await action({
    command: 'plan',
    deployments: '.demo/terraform-output.json',
    services: 'test-service'
  })
  const jobs = JSON.parse(plan.matrix).include
  console.log(JSON.stringify(jobs, null, 2))

  for (const job of jobs) {
    if (remove) {
      say(`remove ${job.deployment}`)
      await action({ command: 'remove', deployment: job.deployment, path: job.path })
      continue
    }
    say(`deploy ${job.service} → ${job.deployment} (runner labels: ${job['runs-on'].join(', ')})`)
    const url = `http://127.0.0.1:${port}/`
    const result = await action({
      command: 'deploy',
      deployment: job.deployment,
      path: job.path,
      url: job.url ?? '',
      vars: JSON.stringify({
        TEST_SERVICE__GREETING: 'Hello from npm run demo',
        TEST_SERVICE__TEST_SERVICE_PORT: port
      }),
      secrets: JSON.stringify({ github_token: 'never-written' }),
      'health-url': url
    })
    say(`${job.deployment}: ${result.status} — ${url}`)
    console.log(await (await fetch(url)).text())
  }
  if (!remove) console.log('Run `npm run demo -- --remove` to take it down again.')
} catch (error) {
  console.error(`\ndemo failed: ${error.message}`)
  process.exit(1)
}
