import * as io from '@actions/io'

/** Path of a program on PATH, or '' when absent. */
export default async function which(tool: string): Promise<string> {
  return io.which(tool, false)
}
