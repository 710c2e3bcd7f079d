import type { Masker } from './mask.js'

/** Where deploy and remove report progress; core's log in the action, an array in tests. */
export interface Log {
  info(message: string): void
  warning(message: string): void
  /** A collapsible block (core.startGroup/endGroup). */
  group(title: string, body: string): void
}

/** A log that redacts every registered secret value from everything it is given. */
export function redactingLog(log: Log, masker: Masker): Log {
  return {
    info: message => log.info(masker.redact(message)),
    warning: message => log.warning(masker.redact(message)),
    group: (title, body) => log.group(masker.redact(title), masker.redact(body))
  }
}
