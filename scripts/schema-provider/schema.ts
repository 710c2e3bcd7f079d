// The schema data files (schemas/*.json): the shape of `terraform providers schema -json`, one
// provider per file, plus the provider version it matches and where it was generated from.

/** A cty type in its JSON form: "string", ["list", "string"], ["object", {...}], ... */
export type CtyType = string | [string, CtyType | Record<string, CtyType> | CtyType[]]

export type NestingMode = 'single' | 'list' | 'set' | 'map' | 'group'

export interface Attribute {
  type?: CtyType
  nested_type?: {
    attributes: Record<string, Attribute>
    nesting_mode: Exclude<NestingMode, 'group'>
  }
  required?: boolean
  optional?: boolean
  computed?: boolean
  sensitive?: boolean
  write_only?: boolean
  deprecated?: boolean
}

export interface Block {
  attributes?: Record<string, Attribute>
  block_types?: Record<string, BlockType>
}

export interface BlockType {
  nesting_mode: NestingMode
  block: Block
  min_items?: number
  max_items?: number
}

export interface Schema {
  version?: number
  block: Block
}

export interface ProviderSchemaFile {
  /** e.g. registry.terraform.io/bpg/proxmox */
  source: string
  /** The provider release the schema matches; the mirror serves it under this version. */
  version: string
  /** What the generator read, for the next regeneration. */
  generated_from: string
  provider: Schema
  resource_schemas: Record<string, Schema>
  data_source_schemas: Record<string, Schema>
}

const BLOCK_NESTING = { single: 1, list: 2, set: 3, map: 4, group: 5 } as const
const OBJECT_NESTING = { single: 1, list: 2, set: 3, map: 4 } as const

function protoAttribute(name: string, attribute: Attribute): Record<string, unknown> {
  return {
    name,
    type:
      attribute.type === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(attribute.type)),
    nested_type: attribute.nested_type && {
      attributes: Object.entries(attribute.nested_type.attributes).map(([n, a]) =>
        protoAttribute(n, a)
      ),
      nesting: OBJECT_NESTING[attribute.nested_type.nesting_mode]
    },
    required: attribute.required ?? false,
    optional: attribute.optional ?? false,
    computed: attribute.computed ?? false,
    sensitive: attribute.sensitive ?? false,
    write_only: attribute.write_only ?? false,
    deprecated: attribute.deprecated ?? false
  }
}

function protoBlock(block: Block, version = 0): Record<string, unknown> {
  return {
    version,
    attributes: Object.entries(block.attributes ?? {}).map(([name, a]) => protoAttribute(name, a)),
    block_types: Object.entries(block.block_types ?? {}).map(([name, b]) => ({
      type_name: name,
      block: protoBlock(b.block),
      nesting: BLOCK_NESTING[b.nesting_mode],
      min_items: b.min_items ?? 0,
      max_items: b.max_items ?? 0
    }))
  }
}

/** A schema as the tfplugin6 `Schema` message (proto-loader object form). */
export function protoSchema(schema: Schema): Record<string, unknown> {
  return { version: schema.version ?? 0, block: protoBlock(schema.block, schema.version ?? 0) }
}
