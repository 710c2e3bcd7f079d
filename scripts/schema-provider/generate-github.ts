// Writes schemas/github.json for integrations/github from the generated code of the npm package
// @cdktf/provider-github (dev dependency; 15.3.1 is generated from integrations/github 6.9.0):
// each resource's lib/<name>/index.js names its arguments with their types and block flags
// (synthesizeHclAttributes) and its read-only attributes (getters), and .jsii says which arguments
// are optional. The provider's resources are terraform-plugin-sdk/v2 ones (blocks, no nested
// attributes), so the block flags are exact. The provider's repository at the matching tag gives
// what the package does not say (sensitive attributes, optional ones that are also computed, from
// its Go source); every resource is checked against that source and its documentation
// (website/docs/{r,d}/<name>.html.markdown), and a difference is reported.
// Usage: node scripts/schema-provider/generate-github.ts <integrations/terraform-provider-github repository> --ref v6.9.0
// Add a resource or data source: one line in the lists below, then run this again.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Attribute, Block, BlockType, CtyType, ProviderSchemaFile } from './schema.ts'
import { coreBlock, GoSource, resourceBlock, type GoResource } from './sdkv2-source.ts'
import { openSnapshot, parseArguments, type Snapshot } from './snapshot.ts'

const RESOURCES = [
  'github_repository_environment',
  'github_repository_environment_deployment_policy',
  'github_actions_environment_secret',
  'github_actions_environment_variable',
  'github_actions_variable',
  'github_actions_secret'
]
const DATA_SOURCES = [
  'github_actions_registration_token',
  'github_actions_organization_registration_token',
  'github_repository'
]
const PROVIDER_VERSION = '6.9.0' // what @cdktf/provider-github 15.3.1 was generated from

const here = dirname(fileURLToPath(import.meta.url))
const packageRoot = dirname(
  createRequire(import.meta.url).resolve('@cdktf/provider-github/package.json')
)
const packageVersion = (
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version
if (packageVersion !== '15.3.1')
  throw new Error(
    `@cdktf/provider-github is ${packageVersion}; this generator expects 15.3.1 (integrations/github ${PROVIDER_VERSION})`
  )
interface JsiiProperty {
  name: string
  optional?: boolean
}
const jsii = JSON.parse(readFileSync(join(packageRoot, '.jsii'), 'utf8')) as {
  types: Record<string, { properties?: JsiiProperty[] }>
}

const pascal = (s: string): string =>
  s.replace(/(^|[-_])([a-z0-9])/g, (_m, _sep, c: string) => c.toUpperCase())
const camel = (s: string): string => pascal(s).replace(/^./, c => c.toLowerCase())

const PRIMITIVE: Record<string, CtyType> = { string: 'string', number: 'number', boolean: 'bool' }

/** The type of an argument from its synthesizeHclAttributes entry. */
function argumentType(kind: string, storage: string): CtyType {
  const element = /^(string|number|boolean)(List|Map)?$/.exec(storage)
  if (!element) throw new Error(`unknown storageClassType ${storage}`)
  const primitive = PRIMITIVE[element[1]!]!
  if (kind === 'simple' && !element[2]) return primitive
  if (element[2] === 'Map') return ['map', primitive]
  return [kind === 'set' ? 'set' : 'list', primitive]
}

/** The type of a read-only attribute from its getter's expression. */
function getterType(expression: string): CtyType | undefined {
  const set = expression.includes('Fn.tolist(')
  const getter =
    /this\.get(String|Number|Boolean|List|NumberList|StringMap|NumberMap|BooleanMap)Attribute\(/.exec(
      expression
    )
  if (!getter) return undefined
  const kind = getter[1]!
  if (kind === 'String') return 'string'
  if (kind === 'Number') return 'number'
  if (kind === 'Boolean') return 'bool'
  if (kind === 'List') return [set ? 'set' : 'list', 'string']
  if (kind === 'NumberList') return [set ? 'set' : 'list', 'number']
  return ['map', PRIMITIVE[kind.replace('Map', '').toLowerCase()]!]
}

class Module {
  readonly code: string
  readonly namespace: string
  constructor(dir: string) {
    this.code = readFileSync(join(packageRoot, 'lib', dir, 'index.js'), 'utf8')
    this.namespace = camel(dir)
  }

  classBody(name: string): string {
    const start = this.code.indexOf(`class ${name} extends `)
    if (start < 0) throw new Error(`class ${name} not found in lib/${this.namespace}`)
    const end = this.code.indexOf('\nclass ', start + 1)
    return this.code.slice(start, end < 0 ? undefined : end)
  }

  /** The `const attrs = { ... }` entries of synthesizeHclAttributes or of a struct's ToHclTerraform. */
  arguments(
    body: string
  ): { name: string; value: string; isBlock: boolean; kind: string; storage: string }[] {
    const attrs = /const attrs = \{([\s\S]*?)\n\s*\};/.exec(body)
    if (!attrs) throw new Error('no attrs in a synthesizeHclAttributes body')
    const entry =
      /(\w+): \{\s*value: (.+),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",\s*\}/g
    return [...attrs[1]!.matchAll(entry)].map(m => ({
      name: m[1]!,
      value: m[2]!,
      isBlock: m[3] === 'true',
      kind: m[4]!,
      storage: m[5]!
    }))
  }

  functionBody(name: string): string {
    const start = this.code.indexOf(`function ${name}(`)
    if (start < 0) throw new Error(`function ${name} not found in lib/${this.namespace}`)
    return this.code.slice(start, this.code.indexOf('\n}\n', start))
  }

  /** Getters of a class: Terraform name → expression (those that read an attribute or a nested object). */
  getters(body: string): Map<string, string> {
    const out = new Map<string, string>()
    for (const m of body.matchAll(/\n {4}get (\w+)\(\) \{\n\s*return ([^;]+);/g)) {
      const expression = m[2]!
      const attribute = /Attribute\('([^']+)'\)/.exec(expression)
      if (attribute) out.set(attribute[1]!, expression)
      const nested = /^this\._(\w+)$/.exec(expression)
      if (nested) {
        const created = new RegExp(
          `this\\._${nested[1]} = new (\\w+)\\(this, "([^"]+)"(?:, (true|false))?\\)`
        ).exec(body)
        if (created)
          out.set(created[2]!, `nested ${created[1]} ${created[3] === 'true' ? 'set' : 'list'}`)
      }
    }
    return out
  }

  /** A read-only nested object (computed list of objects): its OutputReference class's getters. */
  computedObject(listClass: string): CtyType {
    const reference = /return new (\w+OutputReference)\(/.exec(this.classBody(listClass))
    const referenceClass = reference ? reference[1]! : listClass
    const fields: Record<string, CtyType> = {}
    for (const [name, expression] of this.getters(this.classBody(referenceClass))) {
      const nested = /^nested (\w+) (list|set)$/.exec(expression)
      fields[name] = nested
        ? [nested[2]!, this.computedObject(nested[1]!)]
        : getterType(expression)!
    }
    return ['object', fields]
  }

  /**
   * One block: the arguments (from the attrs entries), optional per the jsii struct, and the
   * read-only attributes (getters that are not arguments) of its class.
   */
  block(
    attrsBody: string,
    structFqn: string,
    getterClass: string | undefined,
    topLevel: boolean
  ): Block {
    const optional = new Map(
      (jsii.types[structFqn]?.properties ?? []).map(p => [p.name, p.optional ?? false])
    )
    if (optional.size === 0) throw new Error(`${structFqn} not in .jsii`)
    const attributes: Record<string, Attribute> = {}
    const blockTypes: Record<string, BlockType> = {}
    for (const arg of this.arguments(attrsBody)) {
      const property = /(?:struct\.|this\._)(\w+)/.exec(arg.value)?.[1]
      if (!property || !optional.has(property))
        throw new Error(`${arg.name}: no jsii property (${arg.value})`)
      const required = !optional.get(property)
      if (arg.isBlock) {
        const fn = /(\w+)ToHclTerraform\b/.exec(arg.value)![1]!
        const struct = pascal(fn)
        const many = arg.value.includes('listMapperHcl(')
        const nested = this.block(
          this.functionBody(`${fn}ToHclTerraform`),
          `@cdktf/provider-github.${this.namespace}.${struct}`,
          this.code.includes(`class ${struct}OutputReference `)
            ? `${struct}OutputReference`
            : undefined,
          false
        )
        blockTypes[arg.name] = {
          nesting_mode: arg.kind === 'struct' ? 'single' : arg.kind === 'set' ? 'set' : 'list',
          block: nested,
          ...(required && arg.kind !== 'struct' && { min_items: 1 }),
          ...(!many && arg.kind !== 'struct' && { max_items: 1 })
        }
      } else {
        attributes[arg.name] = {
          type: argumentType(arg.kind, arg.storage),
          ...(required ? { required: true } : { optional: true }),
          // helper/schema's implicit id: optional and computed
          ...(topLevel && arg.name === 'id' && { computed: true })
        }
      }
    }
    if (getterClass) {
      for (const [name, expression] of this.getters(this.classBody(getterClass))) {
        if (attributes[name] || blockTypes[name]) continue
        const nested = /^nested (\w+) (list|set)$/.exec(expression)
        const type = nested
          ? ([nested[2]!, this.computedObject(nested[1]!)] as CtyType)
          : getterType(expression)
        if (type) attributes[name] = { type, computed: true }
      }
    }
    if (topLevel) attributes.id ??= { type: 'string', optional: true, computed: true }
    return { attributes, block_types: blockTypes }
  }
}

function schemaOf(typeName: string, data: boolean): Block {
  const dir = (data ? `data_${typeName}` : typeName.replace(/^github_/, '')).replace(/_/g, '-')
  const module = new Module(dir)
  const cls = pascal(dir)
  const body = module.classBody(cls)
  return module.block(
    body.slice(body.indexOf('synthesizeHclAttributes()')),
    `@cdktf/provider-github.${module.namespace}.${cls}Config`,
    cls,
    true
  )
}

function providerSchema(): Block {
  const module = new Module('provider')
  const body = module.classBody('GithubProvider')
  const block = module.block(
    body.slice(body.indexOf('synthesizeHclAttributes()')),
    '@cdktf/provider-github.provider.GithubProviderConfig',
    undefined,
    false
  )
  delete block.attributes!.alias // cdktf's meta-argument, not the provider's
  return block
}

/** Arguments in the docs ("* `name` - (Required|Optional) ...", per "The `x` block supports") versus the schema. */
function checkDocs(snapshot: Snapshot, typeName: string, data: boolean, top: Block): string[] {
  const path = `website/docs/${data ? 'd' : 'r'}/${typeName.replace(/^github_/, '')}.html.markdown`
  const markdown = snapshot.read(path)
  if (markdown === undefined) return [`${typeName}: ${path} not found`]
  const section = markdown.split(/^## Argument Reference/m)[1]?.split(/^## (?!#)/m)[0] ?? ''
  const documented = new Map<string, Map<string, boolean>>([['', new Map()]])
  let current = ''
  for (const line of section.split('\n')) {
    const block = /The `(\w+)` block (?:supports|contains)/.exec(line)
    if (block) documented.set((current = block[1]!), documented.get(block[1]!) ?? new Map())
    const arg = /^\s*\* `(\w+)`\s*-\s*\((Required|Optional)/.exec(line)
    if (arg) documented.get(current)!.set(arg[1]!, arg[2] === 'Required')
  }
  const notes: string[] = []
  for (const [blockName, args] of documented) {
    const block = blockName === '' ? top : top.block_types?.[blockName]?.block
    if (!block) {
      notes.push(`${typeName}: documented block ${blockName} is not in the schema`)
      continue
    }
    const inSchema = new Map<string, boolean>([
      ...Object.entries(block.attributes ?? {})
        .filter(([, a]) => a.required || a.optional)
        .map(([n, a]) => [n, a.required ?? false] as [string, boolean]),
      ...Object.entries(block.block_types ?? {}).map(
        ([n, b]) => [n, (b.min_items ?? 0) > 0] as [string, boolean]
      )
    ])
    const where = blockName ? `${typeName} ${blockName}` : typeName
    for (const [name, required] of args) {
      if (!inSchema.has(name))
        notes.push(`${where}: documented argument ${name} is not in the schema`)
      else if (inSchema.get(name) !== required)
        notes.push(
          `${where}: ${name} is ${required ? 'required' : 'optional'} in the docs, not in the schema`
        )
    }
    for (const name of inSchema.keys())
      if (!args.has(name) && name !== 'id' && !documented.has(name))
        notes.push(`${where}: argument ${name} is not documented`)
  }
  return notes
}

/**
 * What the package's code does not say, from the provider's Go source (github/): which attributes
 * are sensitive, and which optional ones are also computed. Any other difference is reported.
 */
const canonical = (type: unknown): string =>
  JSON.stringify(type, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort())
      : value
  )

function fromSource(block: Block, source: Block, where: string, notes: string[]): void {
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    const real = source.attributes?.[name]
    if (!real) {
      notes.push(
        `${where}: attribute ${name} is not in the Go source${source.block_types?.[name] ? ' (a block there)' : ''}`
      )
      continue
    }
    if (canonical(real.type) !== canonical(attribute.type))
      notes.push(
        `${where}: ${name} is ${JSON.stringify(attribute.type)} here, ${JSON.stringify(real.type)} in the Go source`
      )
    if (!!real.required !== !!attribute.required)
      notes.push(`${where}: ${name} required differs from the Go source`)
    if (real.sensitive) attribute.sensitive = true
    if (real.computed) attribute.computed = true
  }
  for (const [name, type] of Object.entries(block.block_types ?? {})) {
    const real = source.block_types?.[name]
    if (!real) notes.push(`${where}: block ${name} is not a block in the Go source`)
    else fromSource(type.block, real.block, `${where} ${name}`, notes)
  }
  const known = new Set([
    ...Object.keys(block.attributes ?? {}),
    ...Object.keys(block.block_types ?? {})
  ])
  for (const name of [
    ...Object.keys(source.attributes ?? {}),
    ...Object.keys(source.block_types ?? {})
  ])
    if (!known.has(name)) notes.push(`${where}: ${name} is in the Go source only`)
}

const { flags, positional } = parseArguments(process.argv.slice(2))
if (!positional[0]) {
  console.error(
    'usage: generate-github.ts <integrations/terraform-provider-github repository> --ref v6.9.0'
  )
  process.exit(2)
}
const snapshot = openSnapshot(positional[0], flags.ref)
const go = new GoSource()
go.addPackage(
  'github',
  snapshot
    .list('github')
    .filter(name => name.endsWith('.go') && !name.endsWith('_test.go'))
    .map(name => snapshot.read(`github/${name}`) ?? '')
)
const providerGo = snapshot.read('github/provider.go') ?? ''
const goFunction = (typeName: string, data: boolean): string => {
  const map = providerGo.split(data ? 'DataSourcesMap' : 'ResourcesMap')[1] ?? ''
  const fn = new RegExp(`"${typeName}":\\s*(\\w+)\\(\\)`).exec(map)?.[1]
  if (!fn)
    throw new Error(
      `${typeName} is not in github/provider.go's ${data ? 'DataSourcesMap' : 'ResourcesMap'}`
    )
  return fn
}

const notes: string[] = []
const build = (names: string[], data: boolean): Record<string, { block: Block }> =>
  Object.fromEntries(
    names.map(name => {
      const block = schemaOf(name, data)
      fromSource(block, resourceBlock(go.call('github', goFunction(name, data)), name), name, notes)
      notes.push(...checkDocs(snapshot, name, data, block))
      return [name, { block }]
    })
  )
const resources = build(RESOURCES, false)
const dataSources = build(DATA_SOURCES, true)
const provider = providerSchema()
fromSource(
  provider,
  coreBlock((go.call('github', 'Provider') as GoResource).Schema, undefined),
  'provider',
  notes
)
const file: ProviderSchemaFile = {
  source: 'registry.terraform.io/integrations/github',
  version: PROVIDER_VERSION,
  generated_from: `@cdktf/provider-github ${packageVersion} (lib/*/index.js, .jsii); sensitive and computed flags from integrations/terraform-provider-github ${snapshot.describe} github/, checked against its website/docs/`,
  provider: { block: provider },
  resource_schemas: resources,
  data_source_schemas: dataSources
}
const out = join(here, 'schemas/github.json')
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`)
for (const note of notes) console.warn(`note: ${note}`)
console.log(
  `wrote ${out}: integrations/github ${PROVIDER_VERSION}, ${RESOURCES.length} resources, ${DATA_SOURCES.length} data sources`
)
