// Writes schemas/cloudflare.json from cloudflare/terraform-provider-cloudflare's generated docs
// (docs/index.md, docs/resources/<name>.md, docs/data-sources/<name>.md), which say for every field
// whether it is an attribute, a nested attribute (`x = { ... }`) or a block.
// Usage: node scripts/schema-provider/generate-cloudflare.ts <provider repository> --ref v5.x.y
// Add a resource or data source: one line in the lists below, then run this again.
import { writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ProviderSchemaFile, Schema } from './schema.ts'
import { openSnapshot, parseArguments } from './snapshot.ts'
import { blockFromDocs } from './tfplugindocs.ts'

const RESOURCES = [
  'cloudflare_dns_record',
  'cloudflare_zero_trust_tunnel_cloudflared',
  'cloudflare_zero_trust_tunnel_cloudflared_config',
  'cloudflare_origin_ca_certificate',
  'cloudflare_ruleset'
]
const DATA_SOURCES = [
  'cloudflare_zero_trust_tunnel_cloudflared_token',
  'cloudflare_ip_ranges',
  'cloudflare_zone'
]

const { flags, positional } = parseArguments(process.argv.slice(2))
const repository = positional[0]
if (!repository) {
  console.error(
    'usage: generate-cloudflare.ts <cloudflare/terraform-provider-cloudflare repository> --ref v5.x.y'
  )
  process.exit(2)
}
const snapshot = openSnapshot(repository, flags.ref)
const version = (flags.version ?? flags.ref ?? '').replace(/^v/, '')
if (!/^5\.\d+\.\d+$/.test(version))
  throw new Error(`version "${version}" is not a 5.x.y release: give --ref v5.x.y (or --version)`)

const page = (folder: string, name: string): Schema => {
  const path = `docs/${folder}/${name.replace(/^cloudflare_/, '')}.md`
  const markdown = snapshot.read(path)
  if (markdown === undefined)
    throw new Error(`${path} is not in ${repository} at ${snapshot.describe}`)
  return { block: blockFromDocs(markdown, path) }
}
const file: ProviderSchemaFile = {
  source: 'registry.terraform.io/cloudflare/cloudflare',
  version,
  generated_from: `cloudflare/terraform-provider-cloudflare ${snapshot.describe}: docs/ (tfplugindocs)`,
  provider: { block: blockFromDocs(snapshot.read('docs/index.md') ?? '', 'docs/index.md') },
  resource_schemas: Object.fromEntries(RESOURCES.map(name => [name, page('resources', name)])),
  data_source_schemas: Object.fromEntries(
    DATA_SOURCES.map(name => [name, page('data-sources', name)])
  )
}
const out = join(dirname(fileURLToPath(import.meta.url)), 'schemas/cloudflare.json')
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`)
console.log(
  `wrote ${out}: cloudflare/cloudflare ${version}, ${RESOURCES.length} resources, ${DATA_SOURCES.length} data sources`
)
