// Resource values for plan/apply, in Terraform's msgpack wire form (cty): unknown values are
// msgpack extension 0 (12 when refined); @msgpack/msgpack keeps any extension as ExtData, so
// values this tool does not touch go back to Terraform byte for byte.
import { decode, encode, ExtData } from '@msgpack/msgpack'
import type { Attribute, Block, CtyType } from './schema.ts'

type Value = unknown
type ObjectValue = Record<string, Value>

const UNKNOWN = new ExtData(0, new Uint8Array([0]))

const isUnknown = (value: Value): boolean =>
  value instanceof ExtData && (value.type === 0 || value.type === 12)
const isObject = (value: Value): value is ObjectValue =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof ExtData)

export function decodeValue(
  dynamic: { msgpack?: Uint8Array; json?: Uint8Array } | null | undefined
): Value {
  if (dynamic?.msgpack && dynamic.msgpack.length > 0) return decode(dynamic.msgpack)
  if (dynamic?.json && dynamic.json.length > 0)
    return JSON.parse(Buffer.from(dynamic.json).toString('utf8'))
  return null
}

export const encodeValue = (value: Value): { msgpack: Buffer } => ({
  msgpack: Buffer.from(encode(value))
})

/** Each object of a nested block or nested attribute value, whatever its nesting mode. */
function elements(value: Value, nesting: string): ObjectValue[] {
  if (value === null || isUnknown(value)) return []
  if (nesting === 'single' || nesting === 'group') return isObject(value) ? [value] : []
  if (nesting === 'map') return isObject(value) ? Object.values(value).filter(isObject) : []
  return Array.isArray(value) ? value.filter(isObject) : []
}

function attributesOf(attribute: Attribute): Block | undefined {
  return attribute.nested_type && { attributes: attribute.nested_type.attributes }
}

/**
 * The plan of a provider that knows no API: the proposed new state (config, with prior values for
 * computed attributes), where a computed attribute still null becomes unknown, "known after apply".
 */
export function planValue(proposed: Value, block: Block): Value {
  if (!isObject(proposed)) return proposed
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (attribute.computed && proposed[name] === null) proposed[name] = UNKNOWN
    const nested = attributesOf(attribute)
    if (nested)
      for (const element of elements(proposed[name], attribute.nested_type!.nesting_mode))
        planValue(element, nested)
  }
  for (const [name, type] of Object.entries(block.block_types ?? {}))
    for (const element of elements(proposed[name], type.nesting_mode))
      planValue(element, type.block)
  return proposed
}

/** The value of an attribute that was unknown until apply: a stand-in of its type. */
function appliedValue(name: string, type: CtyType | undefined): Value {
  if (name === 'id' && type === 'string')
    return `schema-provider-${Math.random().toString(36).slice(2, 10)}`
  if (type === 'string') return ''
  if (type === 'number') return 0
  if (type === 'bool') return false
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) return []
  if (Array.isArray(type) && type[0] === 'map') return {}
  return null
}

/** The applied state: the plan, with every value still unknown replaced by a known one. */
export function applyValue(planned: Value, block: Block): Value {
  if (!isObject(planned)) return planned
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (isUnknown(planned[name])) planned[name] = appliedValue(name, attribute.type)
    const nested = attributesOf(attribute)
    if (nested)
      for (const element of elements(planned[name], attribute.nested_type!.nesting_mode))
        applyValue(element, nested)
    else planned[name] = knownWithin(planned[name], attribute.type)
  }
  for (const [name, type] of Object.entries(block.block_types ?? {})) {
    if (isUnknown(planned[name]))
      planned[name] =
        type.nesting_mode === 'single' || type.nesting_mode === 'group'
          ? null
          : type.nesting_mode === 'map'
            ? {}
            : []
    for (const element of elements(planned[name], type.nesting_mode))
      applyValue(element, type.block)
  }
  return planned
}

/** A collection or object attribute with unknown elements (from unknown config references). */
function knownWithin(value: Value, type: CtyType | undefined): Value {
  if (isUnknown(value)) return appliedValue('', type)
  if (!Array.isArray(type)) return value
  const [kind, inner] = type
  if ((kind === 'list' || kind === 'set') && Array.isArray(value))
    return value.map(v => knownWithin(v, inner as CtyType))
  if (kind === 'map' && isObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, knownWithin(v, inner as CtyType)])
    )
  if (kind === 'object' && isObject(value) && isObject(inner))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, knownWithin(v, inner[k] as CtyType)])
    )
  return value
}
