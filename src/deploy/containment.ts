import { lstatSync, readFileSync, realpathSync } from 'node:fs'
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { ActionError, InputError, errorMessage } from '../errors.js'

/**
 * A deploy reads only its own service folder. Every deployment's .env holds its secrets, and the
 * state folder holds every deployment's saved .env, so a compose file that could name a file
 * elsewhere (`env_file: ../other/.env`, a symlink, a bind mount of the state folder) would hand
 * one service another's secrets. Paths are compared after resolving symlinks.
 */

/** Whether `path` is `folder` or inside it (both already resolved). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** The path with every symlink resolved; for a path that does not exist, its nearest parent's. */
export function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    const parent = dirname(path)
    return parent === path ? path : resolve(realPath(parent), relative(parent, path))
  }
}

/**
 * The service folder, resolved: it must be exactly workspace/path (no symlink on the way), and
 * outside the state folder, or .env would be written (and read back) somewhere else.
 */
export function checkServiceFolder(workspace: string, path: string, stateRoot: string): string {
  const real = realPath(resolve(workspace, path))
  const expected = resolve(realPath(workspace), path)
  if (isInside(realPath(workspace), real) && real !== expected) {
    // A link inside the workspace (`ln -s . services/x`) would widen the folder to its target.
    throw new InputError(
      'path',
      `${path} resolves to ${real}, not to ${expected}: the service folder (or a folder above it) is a symlink`,
      'Pass the real service folder, not a symlink to it.'
    )
  }
  if (!isInside(realPath(workspace), real)) {
    throw new InputError(
      'path',
      `${path} resolves to ${real}, outside the workspace`,
      'Pass a service folder of the checked-out repository that is not a symlink out of it.'
    )
  }
  if (overlaps(real, realPath(stateRoot))) {
    throw new InputError(
      'path',
      `${path} resolves to ${real}, which overlaps the action's state folder ${stateRoot}`,
      'Keep the state folder (LAUNCH_SERVICE_STATE_DIR) outside the workspace.'
    )
  }
  return real
}

/**
 * The files a deploy reads from the service folder before compose runs: the compose file and
 * `.env.example` must resolve inside it; the env file must not be a symlink (its old content is
 * read back to restore it on failure).
 */
export function checkServiceFiles(
  folder: string,
  path: string,
  files: { composeFile: string; example: string; envFile: string }
): void {
  for (const file of [files.composeFile, files.example]) mustStayInside(folder, path, file, file)
  if (isSymlink(files.envFile)) {
    throw new ActionError(
      `${shown(path, folder, files.envFile)} is a symlink; the env file must be a plain file the action writes. Delete the link.`
    )
  }
}

/**
 * `env_file`, `include` and `extends.file` of the compose file (and of the files they include),
 * which `docker compose config` applies and does not show: each must resolve inside the folder.
 */
export function checkComposeReferences(folder: string, path: string, composeFile: string): void {
  const seen = new Set<string>()
  const visit = (file: string, projectDir: string): void => {
    const real = realPath(file)
    const key = `${real}\0${realPath(projectDir)}`
    if (seen.has(key)) return
    seen.add(key)
    let text: string
    try {
      text = readFileSync(real, 'utf8')
    } catch (error) {
      throw new ActionError(`Could not read ${shown(path, folder, file)}: ${errorMessage(error)}`)
    }
    let doc: unknown
    try {
      // merge: `<<: *defaults` is how compose files share keys such as env_file. Compose's YAML
      // parser allows many aliases; a file this parser gives up on is not let through unchecked.
      doc = parseYaml(text, { merge: true, maxAliasCount: 10_000 })
    } catch (error) {
      throw new ActionError(
        `${shown(path, folder, file)} could not be read as YAML, so the files it names cannot be checked: ${errorMessage(error).split('\n')[0]}. Fix the file (fewer aliases, one document).`
      )
    }
    const refer = (what: string, value: unknown, recurse: boolean, base = projectDir): void => {
      if (typeof value !== 'string') return
      if (value.includes('$')) {
        throw new ActionError(
          `${what} '${value}' in ${shown(path, folder, file)} uses a variable; write the path literally, relative to the service folder.`
        )
      }
      const target = resolve(base, value)
      mustStayInside(folder, path, target, `${what} ${value}`)
      if (recurse) visit(target, dirname(target))
    }
    const top = asObject(doc)
    for (const entry of asList(top.include)) {
      const include = asObject(entry)
      const paths = typeof entry === 'string' ? [entry] : asList(include.path)
      // Relative paths in an included file resolve against its project_directory.
      refer('include project_directory', include.project_directory, false)
      const dir =
        typeof include.project_directory === 'string'
          ? resolve(projectDir, include.project_directory)
          : undefined
      for (const p of paths) {
        if (typeof p !== 'string' || dir === undefined) refer('include', p, true)
        else {
          refer('include', p, false)
          visit(resolve(projectDir, p), dir)
        }
      }
      refer('include env_file', include.env_file, false)
    }
    for (const [name, raw] of Object.entries(asObject(top.services))) {
      const service = asObject(raw)
      for (const entry of asList(service.env_file)) {
        refer(
          `env_file of ${name}`,
          typeof entry === 'string' ? entry : asObject(entry).path,
          false
        )
      }
      refer(`extends file of ${name}`, asObject(service.extends).file, true)
    }
  }
  visit(composeFile, dirname(composeFile))
}

/**
 * What the resolved config (`docker compose config --format json`, absolute paths) lets a
 * container or a build read from the host: build contexts, secret and config files must resolve
 * inside the service folder, and a Dockerfile is not an env file; no bind mount (nor a named
 * volume that binds a host folder) may reach into the state folder, nor into the
 * workspace outside the service folder (other services' .env files are there); no service joins
 * a container outside the deployment (`container:` in pid, ipc, network_mode, volumes_from).
 */
export function checkResolvedConfig(
  configJson: string,
  folder: string,
  path: string,
  places: { workspace: string; stateRoot: string; envFile: string }
): void {
  const stateRoot = places.stateRoot
  const workspace = realPath(places.workspace)
  const config = asObject(JSON.parse(configJson))
  const local = (value: unknown): value is string => typeof value === 'string' && isAbsolute(value)
  for (const [name, raw] of Object.entries(asObject(config.services))) {
    const service = asObject(raw)
    const build = asObject(service.build)
    if (local(build.context))
      mustStayInside(folder, path, build.context, `build context of ${name}`)
    for (const [context, value] of Object.entries(asObject(build.additional_contexts))) {
      if (local(value)) mustStayInside(folder, path, value, `build context ${context} of ${name}`)
    }
    if (typeof build.dockerfile === 'string' && local(build.context)) {
      // docker build prints a Dockerfile it cannot parse: it must not be a file of secrets.
      const dockerfile = resolve(build.context, build.dockerfile)
      mustStayInside(folder, path, dockerfile, `Dockerfile of ${name}`)
      const real = realPath(dockerfile)
      if (real === realPath(places.envFile) || basename(real).startsWith('.env')) {
        throw new ActionError(
          `The Dockerfile of ${name} in ${path} is ${build.dockerfile}, an env file: docker build would print its secrets in its parse error. Name the Dockerfile, e.g. dockerfile: Dockerfile.`
        )
      }
    }
    for (const volume of asList(service.volumes)) {
      const v = asObject(volume)
      if (v.type === 'bind' && local(v.source)) hostPath(`bind mount ${v.source}`, v.source, name)
    }
    for (const key of ['pid', 'ipc', 'network_mode', 'cgroup'] as const) {
      if (typeof service[key] === 'string') notOtherContainer(`${key}: ${service[key]}`, name)
    }
    for (const from of asList(service.volumes_from)) {
      if (typeof from === 'string') notOtherContainer(`volumes_from: ${from}`, name)
    }
  }
  // A named volume of the local driver with `o: bind` is a bind mount of `device` in disguise.
  for (const [name, raw] of Object.entries(asObject(config.volumes))) {
    const options = asObject(asObject(raw).driver_opts)
    if (typeof options.device !== 'string' || !/bind/.test(String(options.o ?? ''))) continue
    if (!isAbsolute(options.device)) {
      throw new ActionError(
        `Volume ${name} of ${path} binds device ${options.device}, a relative path the Docker daemon would resolve from its own folder. Write the device as an absolute path outside the repository, or use a bind mount (./folder:/path).`
      )
    }
    hostPath(`use volume ${name}, a bind of ${options.device}`, options.device, undefined)
  }
  function hostPath(what: string, source: string, service: string | undefined): void {
    const real = realPath(source)
    const who = service === undefined ? path : `Service ${service} of ${path}`
    if (overlaps(real, realPath(stateRoot)))
      throw new ActionError(
        `${who} may not ${what}: it overlaps the action's state folder ${stateRoot}, which holds every deployment's secrets. Mount a narrower folder.`
      )
    if (overlaps(real, workspace) && !isInside(folder, real))
      throw new ActionError(
        `${who} may not ${what}: it reaches into the workspace outside the service folder, where other services' env files are. Mount a folder inside ${path}, or one outside the repository.`
      )
  }
  // `container:<name>` joins a container outside this deployment (another deployment's processes,
  // environment and volumes); `service:<name>` stays inside the project and is fine.
  function notOtherContainer(setting: string, service: string): void {
    if (!/^[a-z_]+: container:/.test(setting)) return
    throw new ActionError(
      `Service ${service} of ${path} may not use ${setting}: it reaches into a container outside this deployment, whose environment holds another deployment's secrets. Use service:<name> for a service of this compose file.`
    )
  }
  for (const kind of ['secrets', 'configs'] as const) {
    for (const [name, raw] of Object.entries(asObject(config[kind]))) {
      const file = asObject(raw).file
      if (local(file)) mustStayInside(folder, path, file, `${kind.slice(0, -1)} ${name} file`)
    }
  }
}

function mustStayInside(folder: string, path: string, target: string, what: string): void {
  const real = realPath(target)
  if (isInside(folder, real)) return
  const via = real === resolve(target) ? '' : ` resolves to ${real}, which`
  throw new ActionError(
    `${what === target ? shown(path, folder, target) : `The ${what} in ${path}`}${via || ` (${real})`} must stay inside the service folder ${path}: a deploy may read only its own folder, never another service's files or the action's state. Move the file into ${path}.`
  )
}

/** `services/web/.env.example` for a file in the folder; the absolute path otherwise. */
function shown(path: string, folder: string, file: string): string {
  const rel = relative(folder, resolve(file))
  return rel.startsWith('..') || isAbsolute(rel) ? file : `${path}/${rel}`
}

function overlaps(a: string, b: string): boolean {
  return isInside(a, b) || isInside(b, a)
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
}
