import * as exec from '@actions/exec'

export interface CommandResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  env?: Record<string, string>
  input?: Buffer
  /**
   * Also echo output to the log as it comes. Nothing sets it today: every command, compose
   * build/up included, is captured silently and shown afterwards (deploy prints up's output in a
   * log group once it has finished).
   */
  stream?: boolean
}

/** Runs a program with an argument array (never a shell string); the seam tests replace. */
export type Runner = (
  command: string,
  args: string[],
  options?: RunOptions
) => Promise<CommandResult>

export const runCommand: Runner = async (command, args, options = {}) => {
  const result = await exec.getExecOutput(command, args, {
    cwd: options.cwd,
    env: options.env,
    input: options.input,
    silent: !options.stream,
    ignoreReturnCode: true
  })
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}
