// Reads a provider's repository as the `fetch` tool leaves it (a bare git directory, read at a
// tag) or as a plain checkout (then --ref is not needed), for the schema generators.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export interface Snapshot {
  /** A file's text, or undefined when it does not exist. */
  read(path: string): string | undefined
  /** Names of the files directly in a folder. */
  list(folder: string): string[]
  /** What was read, for the schema file's generated_from. */
  describe: string
}

export function openSnapshot(path: string, ref: string | undefined): Snapshot {
  const bare = existsSync(join(path, 'HEAD')) && existsSync(join(path, 'objects'))
  if (!bare) {
    return {
      read: file =>
        existsSync(join(path, file)) ? readFileSync(join(path, file), 'utf8') : undefined,
      list: folder => (existsSync(join(path, folder)) ? readdirSync(join(path, folder)) : []),
      describe: 'a checkout'
    }
  }
  if (!ref)
    throw new Error(
      `${path} is a git directory: give the tag to read with --ref (e.g. --ref v5.22.0)`
    )
  const git = (...args: string[]): string =>
    execFileSync('git', ['--git-dir', path, ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024
    })
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`).trim()
  return {
    read: file => {
      try {
        return git('show', `${commit}:${file}`)
      } catch {
        return undefined
      }
    },
    list: folder =>
      git('ls-tree', '--name-only', `${commit}:${folder}`).split('\n').filter(Boolean),
    describe: `${ref} (${commit})`
  }
}

/** `--flag value` arguments and positional ones. */
export function parseArguments(argv: string[]): {
  flags: Record<string, string>
  positional: string[]
} {
  const flags: Record<string, string> = {}
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('--')) flags[arg.slice(2)] = argv[++i] ?? ''
    else positional.push(arg)
  }
  return { flags, positional }
}
