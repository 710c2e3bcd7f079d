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
}

/**
 * Runs a program with an argument array (never a shell string); the seam tests replace. Output is
 * captured, not echoed: callers show it (deploy prints compose's output in a log group).
 */
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
    silent: true,
    ignoreReturnCode: true
  })
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}
