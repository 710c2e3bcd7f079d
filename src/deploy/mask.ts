/**
 * Secret values never reach a log, an error or a summary. Every value is handed to the runner's
 * masking (core.setSecret), and everything this action prints itself is redacted here too, so
 * leaks are caught even where the runner's masking is not in the loop (tests, local runs) and in
 * text we build from command output (container logs, compose errors).
 *
 * A value is not only printed as it is: compose quotes values in its errors the Go way (`%q`:
 * `\"`, `\\`, `\t` or `\x09`), JSON escapes them (`\"`, `\n`, `\u0009`), a shell quotes them
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
export function printedForms(value: string): string[] {
  const forms = new Set<string>([
    value,
    JSON.stringify(value).slice(1, -1),
    goQuoted(value, 'named'),
    goQuoted(value, 'hex'),
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

/** Go's strconv.Quote without the quotes; `hex` writes every control character as \xHH. */
function goQuoted(value: string, controls: 'named' | 'hex'): string {
  // eslint-disable-next-line no-control-regex -- control characters are what Go escapes
  return value.replace(/[\\"\x00-\x1f\x7f]/g, c => {
    if (c === '\\' || c === '"') return `\\${c}`
    const named = controls === 'named' ? NAMED[c] : undefined
    return named ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
  })
}
