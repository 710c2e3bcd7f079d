/**
 * A problem with what the user gave us. The message names the input and says how to fix it;
 * main.ts prints it as is, without a stack trace.
 */
export class InputError extends Error {
  constructor(
    readonly input: string,
    problem: string,
    fix: string
  ) {
    super(`Input '${input}': ${problem}. ${fix}`)
    this.name = 'InputError'
  }
}

/** A problem found while doing the work (git, docker, terraform) with an actionable message. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ActionError'
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
