/**
 * Secret values never reach a log, an error or a summary. Every value is handed to the runner's
 * masking (core.setSecret), and everything this action prints itself is redacted here too, so
 * leaks are caught even where the runner's masking is not in the loop (tests, local runs) and in
 * text we build from command output (container logs, compose errors).
 *
 * A value is not only printed as it is: compose quotes values in its errors the Go way (`%q`:
 * `\"`, `\\`, `\t` or `\x09`, `\u00a0` for a no-break space, `\U000e0001` for what Go deems
 * unprintable; its time package writes every non-ASCII byte as `\xc3`), JSON escapes them (`\"`,
 * `\n`, `\u0009`, Go's also `\u003c` and `\u2028`), a shell quotes them
 * (`'it'\''s'`), and a multi-line value is printed line by line. Each of these forms is
 * registered, both with the runner and with the redactor.
 */
export interface Masker {
  /** Registers a value, its escaped forms and each of its lines as secret. Blank values are ignored. */
  add(value: string): void
  /** Replaces every registered value in text by ***. */
  redact(text: string): string
}

export function createMasker(setSecret: (value: string) => void): Masker {
  const values = new Set<string>()
  const register = (value: string): void => {
    if (value.trim() === '' || values.has(value)) return
    values.add(value)
    setSecret(value)
  }
  return {
    add(value) {
      for (const form of printedForms(value)) register(form)
    },
    redact(text) {
      // Longest first, so a value that contains another is replaced whole.
      let out = text
      for (const value of [...values].sort((a, b) => b.length - a.length)) {
        out = out.split(value).join('***')
      }
      return out
    }
  }
}

/** The value, each of its lines, and every escaped form a program may print it in. */
export function printedForms(raw: string): string[] {
  // What a program reads back from the UTF-8 .env: a lone surrogate has become U+FFFD.
  const value = Buffer.from(raw, 'utf8').toString('utf8')
  const forms = new Set<string>([
    raw,
    value,
    JSON.stringify(value).slice(1, -1),
    goJson(value),
    goQuoted(value, 'named'),
    goQuoted(value, 'hex'),
    goTimeQuoted(value),
    value.replace(/'/g, `'\\''`),
    value.replace(/'/g, `'"'"'`)
  ])
  for (const form of [...forms]) for (const line of form.split(/\r?\n|\r/)) forms.add(line)
  return [...forms].filter(form => form.trim() !== '')
}

const NAMED: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v'
}

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0')

/**
 * Go's strconv.Quote (`%q`) without the quotes: printable runes as they are, other runes as
 * \uXXXX or \U00XXXXXX; `hex` writes every ASCII control character as \xHH, as YAML errors do.
 */
function goQuoted(value: string, controls: 'named' | 'hex'): string {
  let out = ''
  for (const c of value) {
    const code = c.codePointAt(0) ?? 0
    if (c === '\\' || c === '"') out += `\\${c}`
    else if (code < 0x20 || code === 0x7f)
      out += (controls === 'named' ? NAMED[c] : undefined) ?? `\\x${hex(code, 2)}`
    else if (code < 0x80 || GO_PRINTABLE.test(c)) out += c
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`
    else out += `\\U${hex(code, 8)}`
  }
  return out
}

/**
 * Go's time package quoting (`time: invalid duration "..."`): every byte of a non-ASCII character
 * and every control character below space as \xHH.
 */
function goTimeQuoted(value: string): string {
  let out = ''
  for (const c of value) {
    const code = c.codePointAt(0) ?? 0
    if (c === '\\' || c === '"') out += `\\${c}`
    else if (code >= 0x20 && code < 0x80) out += c
    else for (const byte of Buffer.from(c, 'utf8')) out += `\\x${hex(byte, 2)}`
  }
  return out
}

/** Go's encoding/json (compose's JSON output): HTML characters and U+2028/U+2029 escaped too. */
function goJson(value: string): string {
  return JSON.stringify(value)
    .slice(1, -1)
    .replace(/[<>&\u2028\u2029]/g, c => `\\u${hex(c.charCodeAt(0), 4)}`)
    .replace(/\\([bf])/g, (_, c: string) => `\\u00${c === 'b' ? '08' : '0c'}`)
}
