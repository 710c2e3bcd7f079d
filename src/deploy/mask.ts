/**
 * Secret values never reach a log, an error or a summary. Every value is handed to the runner's
 * masking (core.setSecret, also line by line for multi-line values), and everything this action
 * prints itself is redacted here too, so leaks are caught even where the runner's masking is not
 * in the loop (tests, local runs) and in text we build from command output (container logs).
 */
export interface Masker {
  /** Registers a value (and each of its lines) as secret. Blank values are ignored. */
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
      register(value)
      for (const line of value.split(/\r?\n|\r/)) register(line)
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
