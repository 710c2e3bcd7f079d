// Reads the schema of a terraform-plugin-sdk/v2 resource from the provider's Go source: the
// `map[string]*schema.Schema{...}` literals, the constants naming their keys, the helper functions
// returning them, `structure.MergeSchema(s, f())` and `s[key].Field = value` edits. It evaluates
// just that subset of Go; anything else (validators, defaults, descriptions) is skipped. Then it
// converts the result the way the SDK does (helper/schema core_schema.go) into Terraform's schema.
import type { Attribute, Block, BlockType, CtyType } from './schema.ts'

interface Token {
  kind: 'ident' | 'string' | 'number' | 'punct'
  text: string
  line: number
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  const pattern =
    /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*')|([A-Za-z_][A-Za-z0-9_]*)|(\d[\d_.xXa-fA-F]*)|(:=|\.\.\.|&&|\|\||[=!<>]=|<-|\+\+|--|[-+*/%&|^<>=!:;,.(){}[\]])|(\n)|\s+/g
  let line = 1
  for (const m of source.matchAll(pattern)) {
    if (m[1]) line += (m[1].match(/\n/g) ?? []).length
    else if (m[2]) {
      tokens.push({ kind: 'string', text: m[2], line })
      line += (m[2].match(/\n/g) ?? []).length
    } else if (m[3]) tokens.push({ kind: 'ident', text: m[3], line })
    else if (m[4]) tokens.push({ kind: 'number', text: m[4], line })
    else if (m[5]) tokens.push({ kind: 'punct', text: m[5], line })
    else if (m[6]) line++
  }
  return tokens
}

/** A schema.Schema literal: the fields this reader understands. */
export interface GoSchema {
  Type?: string
  Optional?: boolean
  Required?: boolean
  Computed?: boolean
  Sensitive?: boolean
  MinItems?: number
  MaxItems?: number
  Elem?: GoSchema | GoResource
}
export interface GoResource {
  resource: true
  Schema: Record<string, GoSchema>
  timeouts: string[]
}
type GoValue =
  | string
  | number
  | boolean
  | GoSchema
  | GoResource
  | Record<string, GoSchema>
  | { opaque: true }
  | undefined

interface GoPackage {
  name: string
  constants: Map<string, string>
  functions: Map<string, Token[]> // body tokens, without the outer braces
}

const OPAQUE = { opaque: true } as const
const isResource = (v: unknown): v is GoResource =>
  typeof v === 'object' && v !== null && 'resource' in v

/** Go packages by import name (the folder's last element), from their files' text. */
export class GoSource {
  private packages = new Map<string, GoPackage>()

  addPackage(name: string, files: string[]): void {
    const pkg: GoPackage = this.packages.get(name) ?? {
      name,
      constants: new Map(),
      functions: new Map()
    }
    for (const file of files) {
      const tokens = tokenize(file)
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!
        // NAME = "value" (const blocks and single consts)
        if (
          t.kind === 'ident' &&
          tokens[i + 1]?.text === '=' &&
          tokens[i + 2]?.kind === 'string' &&
          tokens[i - 1]?.text !== '.'
        ) {
          const next = tokens[i + 3]
          if (!next || next.line !== tokens[i + 2]!.line || next.text === ')' || next.text === ';')
            pkg.constants.set(t.text, unquote(tokens[i + 2]!.text))
        }
        // func Name(...) result {  body  }   (not methods)
        if (
          t.text === 'func' &&
          tokens[i + 1]?.kind === 'ident' &&
          tokens[i + 2]?.text === '(' &&
          (i === 0 || tokens[i - 1]!.line < t.line)
        ) {
          let j = skipBalanced(tokens, i + 2)
          while (j < tokens.length && tokens[j]!.text !== '{')
            j = tokens[j]!.text === '(' ? skipBalanced(tokens, j) : j + 1
          const end = skipBalanced(tokens, j)
          pkg.functions.set(tokens[i + 1]!.text, tokens.slice(j + 1, end - 1))
          i = end - 1
        }
      }
    }
    this.packages.set(name, pkg)
  }

  /** Evaluates function `name` of package `pkg` (a resource or a schema map). */
  call(pkg: string, name: string): GoValue {
    const body = this.packages.get(pkg)?.functions.get(name)
    // Validators, defaults and the like from packages not read: the schema does not need them.
    if (!body) return OPAQUE
    return new Evaluator(this, pkg, body).run()
  }

  /** A string constant; undefined for anything else (a number default, a variable). */
  constant(pkg: string, name: string): string | undefined {
    return this.packages.get(pkg)?.constants.get(name)
  }
}

function unquote(text: string): string {
  return text.startsWith('`') ? text.slice(1, -1) : (JSON.parse(text) as string)
}

/** Index just past the bracket group opening at `start`. */
function skipBalanced(tokens: Token[], start: number): number {
  let depth = 0
  for (let i = start; i < tokens.length; i++) {
    const text = tokens[i]!.text
    if (text === '(' || text === '{' || text === '[') depth++
    else if (text === ')' || text === '}' || text === ']') depth--
    if (depth === 0) return i + 1
  }
  return tokens.length
}

class Evaluator {
  private i = 0
  private locals = new Map<string, GoValue>()
  private source: GoSource
  private pkg: string
  private tokens: Token[]
  constructor(source: GoSource, pkg: string, tokens: Token[]) {
    this.source = source
    this.pkg = pkg
    this.tokens = tokens
  }

  private peek(offset = 0): string | undefined {
    return this.tokens[this.i + offset]?.text
  }
  private expect(text: string): void {
    if (this.peek() !== text)
      throw new Error(
        `expected "${text}" at "${this.peek()}" (${this.pkg}, line ${this.tokens[this.i]?.line})`
      )
    this.i++
  }
  private at(...texts: string[]): boolean {
    return texts.every((text, k) => this.peek(k) === text)
  }

  /** Runs a function body: assignments, MergeSchema, field edits, return. */
  run(): GoValue {
    while (this.i < this.tokens.length) {
      const start = this.i
      const t = this.tokens[this.i]!
      if (t.text === 'return') {
        this.i++
        return this.value()
      }
      if (t.kind === 'ident' && this.peek(1) === ':=') {
        this.i += 2
        this.locals.set(t.text, this.value())
      } else if (
        t.kind === 'ident' &&
        this.peek(1) === '.' &&
        this.peek(2) === 'MergeSchema' &&
        this.peek(3) === '('
      ) {
        this.i += 4
        const target = this.locals.get(this.tokens[this.i]!.text) as Record<string, GoSchema>
        this.i++
        this.expect(',')
        const added = this.value() as Record<string, GoSchema>
        Object.assign(target, added)
        this.expect(')')
      } else if (t.kind === 'ident' && this.peek(1) === '[' && this.locals.has(t.text)) {
        // s[key].Field = value   or   s[key] = value
        const map = this.locals.get(t.text) as Record<string, GoSchema>
        this.i += 2
        const key = this.value() as string
        this.expect(']')
        if (this.at('.') && this.tokens[this.i + 2]?.text === '=') {
          const field = this.tokens[this.i + 1]!.text as keyof GoSchema
          this.i += 3
          const value = this.value()
          if (map[key] && typeof value !== 'object')
            (map[key] as Record<string, unknown>)[field] = value
        } else if (this.at('=')) {
          this.i++
          map[key] = this.value() as GoSchema
        }
      }
      if (this.i === start) this.skipStatement()
    }
    return undefined
  }

  /** Go's semicolon rule: a line ending in a name, a literal or a closing bracket ends a statement. */
  private statementEndsBefore(i: number): boolean {
    const previous = this.tokens[i - 1]
    const next = this.tokens[i]
    if (!previous || !next || previous.line === next.line) return false
    return previous.kind !== 'punct' || [')', ']', '}'].includes(previous.text)
  }

  private skipStatement(): void {
    do {
      const text = this.peek()!
      this.i =
        text === '(' || text === '{' || text === '['
          ? skipBalanced(this.tokens, this.i)
          : this.i + 1
    } while (this.i < this.tokens.length && !this.statementEndsBefore(this.i))
  }

  /** One value; anything not understood is skipped up to the next `,` `}` `)` `]`. */
  private value(): GoValue {
    if (this.at('&')) this.i++
    if (this.at('map', '[', 'string', ']', '*', 'schema', '.', 'Schema', '{')) {
      this.i += 8
      return this.schemaMap()
    }
    if (this.at('schema', '.', 'Schema', '{')) {
      this.i += 3
      return this.fields()
    }
    if (this.at('schema', '.', 'Resource', '{')) {
      this.i += 3
      const fields = this.fields() as Record<string, unknown>
      return {
        resource: true,
        Schema: (fields.Schema as Record<string, GoSchema>) ?? {},
        timeouts: (fields.Timeouts as string[]) ?? []
      }
    }
    if (this.at('schema', '.', 'Provider', '{')) {
      this.i += 3
      const fields = this.fields() as Record<string, unknown>
      return {
        resource: true,
        Schema: (fields.Schema as Record<string, GoSchema>) ?? {},
        timeouts: []
      }
    }
    if (this.at('schema', '.', 'ResourceTimeout', '{')) {
      this.i += 3
      return Object.keys(this.fields() as object) as unknown as GoValue
    }
    if (this.at('{')) return this.fields()
    const t = this.tokens[this.i]
    const ends = (k: number): boolean =>
      [',', '}', ')', ']', ':'].includes(this.peek(k) ?? '}') ||
      this.tokens[this.i + k]!.line !== t!.line
    if (!t) return undefined
    if (this.at('schema', '.') && this.peek(2)?.startsWith('Type') && ends(3)) {
      this.i += 3
      return this.tokens[this.i - 1]!.text
    }
    if ((t.text === 'true' || t.text === 'false') && ends(1)) {
      this.i++
      return t.text === 'true'
    }
    if (t.kind === 'number' && ends(1)) {
      this.i++
      return Number(t.text)
    }
    if (t.kind === 'string' && ends(1)) {
      this.i++
      return unquote(t.text)
    }
    if (t.kind === 'ident' && ends(1)) {
      this.i++
      return this.locals.has(t.text)
        ? this.locals.get(t.text)
        : this.source.constant(this.pkg, t.text)
    }
    if (t.kind === 'ident' && this.peek(1) === '.' && ends(3)) {
      this.i += 3
      return this.source.constant(t.text, this.tokens[this.i - 1]!.text)
    }
    if (t.kind === 'ident' && this.peek(1) === '(' && this.peek(2) === ')' && ends(3)) {
      this.i += 3
      return this.source.call(this.pkg, t.text)
    }
    if (
      t.kind === 'ident' &&
      this.peek(1) === '.' &&
      this.peek(3) === '(' &&
      this.peek(4) === ')' &&
      ends(5)
    ) {
      this.i += 5
      return this.source.call(t.text, this.tokens[this.i - 3]!.text)
    }
    while (this.i < this.tokens.length && ![',', '}', ')', ']'].includes(this.peek()!)) {
      const text = this.peek()!
      this.i =
        text === '(' || text === '{' || text === '['
          ? skipBalanced(this.tokens, this.i)
          : this.i + 1
      if (this.statementEndsBefore(this.i)) break
    }
    return OPAQUE
  }

  /** `{ Key: value, ... }` after its `{`: a struct literal's fields. */
  private fields(): Record<string, GoValue> {
    this.expect('{')
    const out: Record<string, GoValue> = {}
    while (!this.at('}')) {
      const name = this.tokens[this.i]!.text
      this.i++
      this.expect(':')
      out[name] = this.value()
      if (this.at(',')) this.i++
    }
    this.expect('}')
    return out
  }

  /** `{ key: {...}, ... }` after `map[string]*schema.Schema`. */
  private schemaMap(): Record<string, GoSchema> {
    this.expect('{')
    const out: Record<string, GoSchema> = {}
    while (!this.at('}')) {
      const key = this.value()
      if (typeof key !== 'string')
        throw new Error(
          `schema map key is not a constant (${this.pkg}, line ${this.tokens[this.i]?.line})`
        )
      this.expect(':')
      out[key] = this.value() as GoSchema
      if (this.at(',')) this.i++
    }
    this.expect('}')
    return out
  }
}

const PRIMITIVE: Record<string, CtyType> = {
  TypeString: 'string',
  TypeInt: 'number',
  TypeFloat: 'number',
  TypeBool: 'bool'
}

function attributeType(s: GoSchema): CtyType {
  const primitive = PRIMITIVE[s.Type ?? '']
  if (primitive) return primitive
  const kind = { TypeList: 'list', TypeSet: 'set', TypeMap: 'map' }[s.Type ?? '']
  if (!kind) throw new Error(`unknown schema type ${s.Type}`)
  if (isResource(s.Elem))
    return [
      kind,
      [
        'object',
        Object.fromEntries(Object.entries(s.Elem.Schema).map(([n, e]) => [n, attributeType(e)]))
      ]
    ]
  return [kind, s.Elem ? attributeType(s.Elem) : 'string']
}

const flags = (s: GoSchema): Attribute => ({
  ...(s.Required && { required: true }),
  ...(s.Optional && { optional: true }),
  ...(s.Computed && { computed: true }),
  ...(s.Sensitive && { sensitive: true })
})

/** helper/schema's core schema of a resource (or of a nested resource: no id, no timeouts). */
export function coreBlock(
  schema: Record<string, GoSchema>,
  topLevel: { timeouts: string[] } | undefined
): Block {
  const attributes: Record<string, Attribute> = {}
  const blockTypes: Record<string, BlockType> = {}
  for (const [name, s] of Object.entries(schema)) {
    if (typeof s !== 'object' || 'opaque' in s || (s.Elem && 'opaque' in s.Elem))
      throw new Error(
        `the schema of "${name}" could not be read from the Go source (a function or package not read?)`
      )
    const asBlock =
      isResource(s.Elem) &&
      (s.Type === 'TypeList' || s.Type === 'TypeSet') &&
      !(s.Computed && !s.Optional)
    if (!asBlock) {
      attributes[name] = { type: attributeType(s), ...flags(s) }
      continue
    }
    let min = s.MinItems ?? 0
    let max = s.MaxItems ?? 0
    if (s.Required && min === 0) min = 1
    if (s.Optional && min > 0) min = 0
    if (s.Computed && !s.Optional) min = max = 0
    blockTypes[name] = {
      nesting_mode: s.Type === 'TypeSet' ? 'set' : 'list',
      block: coreBlock((s.Elem as GoResource).Schema, undefined),
      ...(min > 0 && { min_items: min }),
      ...(max > 0 && { max_items: max })
    }
  }
  if (topLevel) {
    attributes.id ??= { type: 'string', optional: true, computed: true }
    if (topLevel.timeouts.length > 0)
      blockTypes.timeouts = {
        nesting_mode: 'single',
        block: {
          attributes: Object.fromEntries(
            topLevel.timeouts.map(t => [t.toLowerCase(), { type: 'string', optional: true }])
          )
        }
      }
  }
  return { attributes, block_types: blockTypes }
}

export function resourceBlock(value: GoValue, where: string): Block {
  if (!isResource(value)) throw new Error(`${where} did not evaluate to a *schema.Resource`)
  return coreBlock(value.Schema, { timeouts: value.timeouts })
}
