// Writes schemas/<type>.json from a provider repository's tfplugindocs pages (docs/index.md,
// docs/resources/<name>.md, docs/data-sources/<name>.md), which say for every field whether it is
// an attribute, a nested attribute (`x = { ... }`) or a block: cloudflare/cloudflare (default) and
// hashicorp/tls (--provider tls).
// Usage: node scripts/schema-provider/generate-cloudflare.ts <provider repository> --ref v5.x.y
//        node scripts/schema-provider/generate-cloudflare.ts <tls repository> --provider tls --ref v4.x.y
// Add a resource or data source: one line in the lists below, then run this again.
import { writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ProviderSchemaFile, Schema } from './schema.ts'
import { openSnapshot, parseArguments } from './snapshot.ts'
import { blockFromDocs } from './tfplugindocs.ts'

const PROVIDERS = {
  cloudflare: {
    source: 'registry.terraform.io/cloudflare/cloudflare',
    repository: 'cloudflare/terraform-provider-cloudflare',
    major: 5,
    resources: [
      'cloudflare_dns_record',
      'cloudflare_zero_trust_tunnel_cloudflared',
      'cloudflare_zero_trust_tunnel_cloudflared_config',
      'cloudflare_origin_ca_certificate',
      'cloudflare_ruleset'
    ],
    dataSources: [
      'cloudflare_zero_trust_tunnel_cloudflared_token',
      'cloudflare_ip_ranges',
      'cloudflare_zone'
    ]
  },
  // The A-record mode's Origin CA certificate needs a key and a CSR.
  tls: {
    source: 'registry.terraform.io/hashicorp/tls',
    repository: 'hashicorp/terraform-provider-tls',
    major: 4,
    resources: ['tls_private_key', 'tls_cert_request'],
    dataSources: []
  }
} as const

const { flags, positional } = parseArguments(process.argv.slice(2))
const type = flags.provider ?? 'cloudflare'
if (!(type in PROVIDERS)) {
  console.error(`unknown --provider ${type}: one of ${Object.keys(PROVIDERS).join(', ')}`)
  process.exit(2)
}
const provider = PROVIDERS[type as keyof typeof PROVIDERS]
const repository = positional[0]
if (!repository) {
  console.error(
    `usage: generate-cloudflare.ts <${provider.repository} repository> [--provider ${type}] --ref v${provider.major}.x.y`
  )
  process.exit(2)
}
const snapshot = openSnapshot(repository, flags.ref)
const version = (flags.version ?? flags.ref ?? '').replace(/^v/, '')
if (!new RegExp(`^${provider.major}\\.\\d+\\.\\d+$`).test(version))
  throw new Error(
    `version "${version}" is not a ${provider.major}.x.y release: give --ref v${provider.major}.x.y (or --version)`
  )

const page = (folder: string, name: string): Schema => {
  const path = `docs/${folder}/${name.replace(new RegExp(`^${type}_`), '')}.md`
  const markdown = snapshot.read(path)
  if (markdown === undefined)
    throw new Error(`${path} is not in ${repository} at ${snapshot.describe}`)
  return { block: blockFromDocs(markdown, path) }
}
const file: ProviderSchemaFile = {
  source: provider.source,
  version,
  generated_from: `${provider.repository} ${snapshot.describe}: docs/ (tfplugindocs)`,
  provider: { block: blockFromDocs(snapshot.read('docs/index.md') ?? '', 'docs/index.md') },
  resource_schemas: Object.fromEntries(
    provider.resources.map(name => [name, page('resources', name)])
  ),
  data_source_schemas: Object.fromEntries(
    provider.dataSources.map(name => [name, page('data-sources', name)])
  )
}
const out = join(dirname(fileURLToPath(import.meta.url)), `schemas/${type}.json`)
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`)
console.log(
  `wrote ${out}: ${provider.source.replace('registry.terraform.io/', '')} ${version}, ${provider.resources.length} resources, ${provider.dataSources.length} data sources`
)
