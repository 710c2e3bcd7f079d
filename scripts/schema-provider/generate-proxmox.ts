// Writes schemas/proxmox.json for bpg/proxmox from the provider's source at a release tag: its
// container, VM, file and firewall resources and its provider block are terraform-plugin-sdk/v2
// schemas in Go (proxmoxtf/), read by sdkv2-source.ts. Each resource's top-level arguments are
// checked against its documentation page (docs/resources/<name>.md); a difference is reported.
// Usage: node scripts/schema-provider/generate-proxmox.ts <bpg/terraform-provider-proxmox repository> --ref v0.x.y
// Add a resource: one line in RESOURCES (its Go package and function), then run this again.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ProviderSchemaFile, Schema } from './schema.ts'
import { coreBlock, GoSource, resourceBlock, type GoSchema } from './sdkv2-source.ts'
import { openSnapshot, parseArguments } from './snapshot.ts'

/** resource type → [Go package folder, function returning its *schema.Resource] */
const RESOURCES: Record<string, [string, string]> = {
  proxmox_virtual_environment_container: ['proxmoxtf/resource/container', 'Container'],
  proxmox_virtual_environment_vm: ['proxmoxtf/resource/vm', 'VM'],
  proxmox_virtual_environment_file: ['proxmoxtf/resource', 'File'],
  proxmox_virtual_environment_firewall_options: ['proxmoxtf/resource/firewall', 'Options'],
  proxmox_virtual_environment_firewall_rules: ['proxmoxtf/resource/firewall', 'Rules']
}
/** Packages the resources' schemas draw on besides their own. */
const MORE_PACKAGES = [
  'proxmoxtf/provider',
  'proxmoxtf/resource/vm/disk',
  'proxmoxtf/resource/vm/network'
]

const { flags, positional } = parseArguments(process.argv.slice(2))
const repository = positional[0]
if (!repository) {
  console.error(
    'usage: generate-proxmox.ts <bpg/terraform-provider-proxmox repository> --ref v0.x.y'
  )
  process.exit(2)
}
const snapshot = openSnapshot(repository, flags.ref)
const version = (flags.version ?? flags.ref ?? '').replace(/^v/, '')
// The code's constraint: ">= 0.88, < 1.0".
const minor = /^0\.(\d+)\.\d+$/.exec(version)
if (!minor || Number(minor[1]) < 88)
  throw new Error(`version "${version}" does not satisfy ">= 0.88, < 1.0": give --ref v0.x.y`)

const source = new GoSource()
for (const folder of new Set([...Object.values(RESOURCES).map(([f]) => f), ...MORE_PACKAGES])) {
  const files = snapshot
    .list(folder)
    .filter(name => name.endsWith('.go') && !name.endsWith('_test.go'))
    .map(name => snapshot.read(`${folder}/${name}`) ?? '')
  if (files.length === 0)
    throw new Error(`${folder} has no Go files in ${repository} at ${snapshot.describe}`)
  source.addPackage(folder.split('/').pop()!, files)
}

const warnings: string[] = []
const resourceSchemas: Record<string, Schema> = {}
for (const [type, [folder, fn]] of Object.entries(RESOURCES)) {
  const block = resourceBlock(source.call(folder.split('/').pop()!, fn), `${folder}.${fn}`)
  resourceSchemas[type] = { block }
  // The docs' top-level argument list ("- `name` - ..." at column 0) against the source's.
  const doc = snapshot.read(`docs/resources/${type.replace(/^proxmox_/, '')}.md`) ?? ''
  const documented = new Set([...doc.matchAll(/^- `([a-z0-9_]+)`/gm)].map(m => m[1]!))
  const inSchema = new Set([
    ...Object.keys(block.attributes ?? {}),
    ...Object.keys(block.block_types ?? {})
  ])
  const undocumented = [...inSchema].filter(
    n => !documented.has(n) && n !== 'id' && n !== 'timeouts'
  )
  const unknown = [...documented].filter(n => !inSchema.has(n))
  if (undocumented.length > 0)
    warnings.push(`${type}: in the source, not in the docs: ${undocumented.join(', ')}`)
  if (unknown.length > 0)
    warnings.push(`${type}: in the docs, not in the source: ${unknown.join(', ')}`)
}

const file: ProviderSchemaFile = {
  source: 'registry.terraform.io/bpg/proxmox',
  version,
  generated_from: `bpg/terraform-provider-proxmox ${snapshot.describe}: proxmoxtf/ (terraform-plugin-sdk/v2 schemas)`,
  provider: {
    block: coreBlock(source.call('provider', 'createSchema') as Record<string, GoSchema>, undefined)
  },
  resource_schemas: resourceSchemas,
  data_source_schemas: {}
}
const out = join(dirname(fileURLToPath(import.meta.url)), 'schemas/proxmox.json')
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`)
for (const warning of warnings) console.warn(`note: ${warning}`)
console.log(`wrote ${out}: bpg/proxmox ${version}, ${Object.keys(RESOURCES).length} resources`)
