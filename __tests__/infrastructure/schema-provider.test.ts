/**
 * scripts/schema-provider is honest: with bpg/proxmox, cloudflare/cloudflare and integrations/github
 * served from their schemas, `terraform validate` rejects a misspelled argument, a wrong type and an
 * attribute written as a block (and a block written as an attribute) with Terraform's own error
 * naming the file and line, and accepts the correct configuration. Also: a plan and apply against
 * it without mocks, and that it refuses to run outside Terraform.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/action.js'

const work = mkdtempSync(join(tmpdir(), 'schema-provider-test-'))
let env: NodeJS.ProcessEnv

beforeAll(() => {
  const mirror = execFileSync('bash', [join(REPO_ROOT, 'scripts/schema-provider/install-mirror.sh'), join(work, 'mirror')], {
    encoding: 'utf8'
  }).trim()
  env = { ...process.env, TF_CLI_CONFIG_FILE: join(mirror, 'terraform.rc'), TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }
  delete env.TF_DATA_DIR
}, 300_000)
afterAll(() => rmSync(work, { recursive: true, force: true }))

function terraform(dir: string, ...args: string[]): { status: number | null; output: string } {
  const result = spawnSync('terraform', [`-chdir=${dir}`, ...args, '-no-color'], { encoding: 'utf8', env, timeout: 300_000 })
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` }
}

const VERSIONS: Record<string, string> = {
  'bpg/proxmox': '>= 0.88, < 1.0',
  'cloudflare/cloudflare': '~> 5.0',
  'integrations/github': '~> 6.9'
}

/**
 * A configuration directory requiring only `providers` (each one costs a plugin launch per
 * command), initialised once; each case rewrites main.tf and validates it.
 */
function configDir(name: string, providers: string[]): string {
  const dir = join(work, name)
  mkdirSync(dir, { recursive: true })
  const required = providers.map(p => `    ${p.split('/')[1]} = { source = "${p}", version = "${VERSIONS[p]}" }`)
  writeFileSync(join(dir, 'versions.tf'), `terraform {\n  required_providers {\n${required.join('\n')}\n  }\n}\n`)
  writeFileSync(join(dir, 'main.tf'), '')
  const init = terraform(dir, 'init', '-backend=false')
  if (init.status !== 0) throw new Error(`terraform init failed:\n${init.output}`)
  return dir
}

/** Validates `config` with the line holding `find` replaced by `replace`; returns that line's number. */
function validateWith(dir: string, config: string, find: string, replace: string): { status: number | null; output: string; line: number } {
  const lines = config.split('\n')
  const index = lines.findIndex(l => l.trim() === find)
  if (index < 0) throw new Error(`test bug: "${find}" is not a line of the configuration`)
  lines.splice(index, 1, ...replace.split('\n').map(l => `  ${l}`))
  writeFileSync(join(dir, 'main.tf'), lines.join('\n'))
  return { ...terraform(dir, 'validate'), line: index + 1 }
}

const DNS_RECORD = `resource "cloudflare_dns_record" "host" {
  zone_id  = "0123456789abcdef0123456789abcdef"
  name     = "chat.example.com"
  type     = "A"
  content  = "203.0.113.10"
  ttl      = 1
  settings = { ipv4_only = true }
}
`

interface Case {
  name: string
  find: string
  replace: string
  summary: string
  detail: RegExp
}

const PROVIDERS: { provider: string; resource: string; config: string; cases: Case[] }[] = [
  {
    provider: 'bpg/proxmox',
    resource: 'resource "proxmox_virtual_environment_container" "host"',
    config: `resource "proxmox_virtual_environment_container" "host" {
  node_name = "pve"
  started   = true
  tags      = ["launch-service"]
  features {
    nesting = true
  }
  operating_system {
    template_file_id = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
  }
}
`,
    cases: [
      { name: 'a misspelled argument', find: 'node_name = "pve"', replace: 'node_nam = "pve"', summary: 'Unsupported argument', detail: /An argument named "node_nam" is not expected here/ },
      { name: 'a wrong type', find: 'started   = true', replace: 'started = "yes please"', summary: 'Incorrect attribute value type', detail: /a bool is required/ },
      { name: 'an attribute written as a block', find: 'tags      = ["launch-service"]', replace: 'tags {\n}', summary: 'Unsupported block type', detail: /Did you mean to define argument "tags"\?/ },
      { name: 'a block written as an attribute', find: 'started   = true', replace: 'memory = { dedicated = 2048 }', summary: 'Unsupported argument', detail: /Did you mean to define a block of type "memory"\?/ }
    ]
  },
  {
    provider: 'cloudflare/cloudflare',
    resource: 'resource "cloudflare_dns_record" "host"',
    config: DNS_RECORD,
    cases: [
      { name: 'a misspelled argument', find: 'content  = "203.0.113.10"', replace: 'contents = "203.0.113.10"', summary: 'Unsupported argument', detail: /An argument named "contents" is not expected here/ },
      { name: 'a wrong type', find: 'ttl      = 1', replace: 'ttl = "automatic"', summary: 'Incorrect attribute value type', detail: /a number is required/ },
      { name: 'a nested attribute written as a block', find: 'settings = { ipv4_only = true }', replace: 'settings {\n  ipv4_only = true\n}', summary: 'Unsupported block type', detail: /Did you mean to define argument "settings"\?/ },
      { name: 'a wrong type inside a nested attribute', find: 'settings = { ipv4_only = true }', replace: 'settings = { ipv4_only = "sometimes" }', summary: 'Incorrect attribute value type', detail: /a bool is required/ }
    ]
  },
  {
    provider: 'integrations/github',
    resource: 'resource "github_repository_environment" "production"',
    config: `resource "github_repository_environment" "production" {
  repository  = "launch-service"
  environment = "production"
  wait_timer  = 5
  deployment_branch_policy {
    protected_branches     = true
    custom_branch_policies = false
  }
}
`,
    cases: [
      { name: 'a misspelled argument', find: 'wait_timer  = 5', replace: 'wait_timr = 5', summary: 'Unsupported argument', detail: /An argument named "wait_timr" is not expected here/ },
      { name: 'a wrong type', find: 'wait_timer  = 5', replace: 'wait_timer = "soon"', summary: 'Incorrect attribute value type', detail: /a number is required/ },
      { name: 'an attribute written as a block', find: 'wait_timer  = 5', replace: 'wait_timer {\n}', summary: 'Unsupported block type', detail: /Did you mean to define argument "wait_timer"\?/ },
      { name: 'a block written as an attribute', find: 'wait_timer  = 5', replace: 'reviewers = { users = [1] }', summary: 'Unsupported argument', detail: /Did you mean to define a block of type "reviewers"\?/ }
    ]
  }
]

describe.each(PROVIDERS)('$provider served by schema-provider', ({ provider, resource, config, cases }) => {
  let dir: string
  beforeAll(() => {
    dir = configDir(provider.replace('/', '-'), [provider])
  }, 300_000)

  test('accepts the correct configuration', () => {
    writeFileSync(join(dir, 'main.tf'), config)
    const result = terraform(dir, 'validate')
    expect(result.output).toContain('Success! The configuration is valid.')
    expect(result.status).toBe(0)
  })

  test.each(cases)('rejects $name with the file and line', ({ find, replace, summary, detail }) => {
    const result = validateWith(dir, config, find, replace)
    expect(result.status).not.toBe(0)
    // Terraform's own diagnostic: summary, then "on <file> line <n>, in <block>:", then its detail.
    const diagnostic = new RegExp(`Error: ${summary}\\s+on main\\.tf line ${result.line}, in ${resource.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`)
    expect(result.output).toMatch(diagnostic)
    expect(result.output.replace(/\s+/g, ' ')).toMatch(detail) // Terraform wraps its text
  })
})

describe('npm run test:terraform', () => {
  test('fails on a misspelled argument in a module, naming its file and line', () => {
    const copy = join(work, 'infrastructure')
    cpSync(join(REPO_ROOT, 'infrastructure'), copy, { recursive: true })
    const main = join(copy, 'modules/cloudflare-dns/main.tf')
    const lines = readFileSync(main, 'utf8').split('\n')
    const index = lines.findIndex(l => /^\s*content\s*=/.test(l))
    lines[index] = lines[index]!.replace('content', 'contents')
    writeFileSync(main, lines.join('\n'))

    const result = spawnSync('bash', [join(REPO_ROOT, 'scripts/test-terraform.sh'), 'cloudflare-dns'], {
      encoding: 'utf8',
      env: { ...process.env, INFRASTRUCTURE_DIR: copy },
      timeout: 600_000
    })
    const log = `${result.stdout}\n${result.stderr}`
    expect(result.status).toBe(1)
    expect(log).toContain('FAIL  cloudflare-dns')
    expect(log).toMatch(new RegExp(`Error: Unsupported argument\\s+on main\\.tf line ${index + 1}, in resource "cloudflare_dns_record" "host":`))
  }, 600_000)
})

describe('plan and apply without mock_provider', () => {
  test('creates, reads, plans no change, refuses import and destroys, talking to no API', () => {
    const dir = configDir('apply', ['cloudflare/cloudflare', 'integrations/github'])
    writeFileSync(
      join(dir, 'main.tf'),
      `${DNS_RECORD}
data "github_actions_registration_token" "runner" {
  repository = "launch-service"
}

output "record_id" {
  value = cloudflare_dns_record.host.id
}

output "token_expires_at" {
  value = data.github_actions_registration_token.runner.expires_at
}
`
    )
    const plan = terraform(dir, 'plan')
    expect(plan.status).toBe(0)
    expect(plan.output).toMatch(/\+ id\s+= \(known after apply\)/)
    expect(plan.output).toMatch(/\+ content\s+= "203\.0\.113\.10"/)

    const apply = terraform(dir, 'apply', '-auto-approve')
    expect(apply.status).toBe(0)
    const outputs = JSON.parse(terraform(dir, 'output', '-json').output.trim()) as Record<string, { value: unknown }>
    expect(outputs.record_id!.value).toMatch(/^schema-provider-/)
    expect(outputs.token_expires_at!.value).toBe(0)

    const again = terraform(dir, 'plan', '-detailed-exitcode')
    expect(again.output).toContain('No changes.')
    expect(again.status).toBe(0)

    const imported = terraform(dir, 'import', 'cloudflare_dns_record.other', 'zone/record')
    expect(imported.status).not.toBe(0)

    const destroy = terraform(dir, 'destroy', '-auto-approve')
    expect(destroy.status).toBe(0)
    expect(destroy.output).toContain('Destroy complete! Resources: 1 destroyed.')
  }, 600_000)
})

test('the plugin refuses to run outside Terraform', () => {
  const wrapper = join(work, 'mirror/registry.terraform.io/bpg/proxmox')
  const version = readdirSync(wrapper)[0]!
  const result = spawnSync(join(wrapper, version, 'linux_amd64', `terraform-provider-proxmox_v${version}`), {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    timeout: 60_000
  })
  expect(result.status).toBe(1)
  expect(result.stdout).toBe('')
  expect(result.stderr).toContain('This is a Terraform provider plugin')
})
