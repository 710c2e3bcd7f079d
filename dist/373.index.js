"use strict";
exports.id = 373;
exports.ids = [373];
exports.modules = {

/***/ 3373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand),
  postDeployCommand: () => (/* binding */ postDeployCommand),
  removeCommand: () => (/* binding */ removeCommand)
});

// UNUSED EXPORTS: DEPLOY_EVENTS

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/compose-files.ts
var compose_files = __webpack_require__(161);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
;// CONCATENATED MODULE: ./src/deploy/environment.ts
/**
 * The environment every docker and docker compose command of deploy/remove runs with, and
 * nothing more. Compose interpolates `${VAR}` in a compose file from its own environment first
 * and from `--env-file` only after that, so an inherited environment would let the runner's
 * variables (PORT, HOME, ...) override the deployment's .env, and would hand every compose file
 * the action's own inputs: INPUT_SECRETS and INPUT_VARS hold all repository secrets and variables.
 *
 * Kept, because docker and compose need them to work at all:
 * - PATH, HOME (docker's config and plugins in ~/.docker), TMPDIR, XDG_RUNTIME_DIR (rootless
 *   Docker's socket);
 * - DOCKER_* (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, DOCKER_CERT_PATH, DOCKER_TLS_VERIFY,
 *   DOCKER_API_VERSION, DOCKER_BUILDKIT, ...) and BUILDKIT_*: which daemon and how to build;
 * - HTTP_PROXY, HTTPS_PROXY, NO_PROXY (either case), SSL_CERT_FILE, SSL_CERT_DIR: how to reach a
 *   registry from behind a proxy or a private CA.
 * Everything else (GITHUB_*, INPUT_*, RUNNER_*, COMPOSE_*, the runner's own variables) is dropped.
 */
const KEPT_NAMES = new Set([
    'PATH',
    'HOME',
    'TMPDIR',
    'XDG_RUNTIME_DIR',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR'
]);
const KEPT_PREFIXES = ['DOCKER_', 'BUILDKIT_'];
function isDockerVariable(name) {
    return KEPT_NAMES.has(name) || KEPT_PREFIXES.some(prefix => name.startsWith(prefix));
}
/** The allowlisted part of an environment (process.env by default). */
function dockerEnvironment(source = process.env) {
    const env = {};
    for (const [name, value] of Object.entries(source)) {
        if (value !== undefined && isDockerVariable(name))
            env[name] = value;
    }
    return env;
}

;// CONCATENATED MODULE: ./src/deploy/compose.ts






/** The service's compose file: the compose-file input, or the one compose file in the folder. */
function findComposeFile(serviceDir, path, composeFile) {
    if (composeFile !== undefined) {
        const file = (0,external_node_path_.join)(serviceDir, composeFile);
        if (!(0,external_node_fs_.existsSync)(file)) {
            throw new errors/* InputError */.dz('compose-file', `'${composeFile}' does not exist in ${path}`, 'Give the name of a compose file in the service folder.');
        }
        return file;
    }
    const found = compose_files/* COMPOSE_FILES */.Z.filter(name => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(serviceDir, name)));
    if (found.length === 0) {
        throw new errors/* ActionError */.lZ(`No compose file in ${path}: expected one of ${compose_files/* COMPOSE_FILES */.Z.join(', ')}. Add a compose.yaml to the service folder, or set compose-file.`);
    }
    if (found.length > 1) {
        throw new errors/* InputError */.dz('compose-file', `${path} has several compose files (${found.join(', ')})`, 'Set compose-file to the one to deploy.');
    }
    return (0,external_node_path_.join)(serviceDir, found[0]);
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
function createCompose(run, env = dockerEnvironment(), 
/** The daemon's API over its local socket, when the CLI would use that (see engine.ts). */
engine) {
    const tryDocker = (args, options = {}) => run('docker', args, { ...options, env });
    const docker = async (args) => {
        const result = await tryDocker(args);
        if (result.exitCode !== 0) {
            throw new errors/* ActionError */.lZ(`docker ${args[0]} failed: ${result.stderr.trim() || `exit code ${result.exitCode}`}`);
        }
        return result.stdout;
    };
    const containerIds = async (project) => (await docker([
        'ps',
        '--all',
        '--quiet',
        '--no-trunc',
        '--filter',
        `label=${PROJECT_LABEL}=${project}`
    ]))
        .split('\n')
        .filter(id => id.trim() !== '');
    const compose = (target, ...args) => {
        const input = target.config === undefined ? undefined : Buffer.from(target.config);
        return tryDocker(composeArgs(target, ...args), { cwd: target.cwd, input });
    };
    return {
        async check() {
            let server;
            try {
                server = await tryDocker(['version', '--format', '{{.Server.Version}}']);
            }
            catch (error) {
                throw new errors/* ActionError */.lZ(`Docker is not installed on this runner (${(0,errors/* errorMessage */.gJ)(error)}). Install Docker Engine on the runner host; the infrastructure boot script does this for hosts it creates.`);
            }
            if (server.exitCode !== 0) {
                throw new errors/* ActionError */.lZ(`The Docker daemon is not reachable: ${firstLine(server.stderr)}. Start it (systemctl start docker) and make sure the runner's user may use it (member of the docker group), or set DOCKER_HOST.`);
            }
            const plugin = await tryDocker(['compose', 'version', '--short']);
            if (plugin.exitCode !== 0) {
                throw new errors/* ActionError */.lZ("The Docker Compose v2 plugin is missing (`docker compose version` failed). Install it: `apt-get install docker-compose-plugin` from Docker's apt repository, or put the docker-compose binary into /usr/libexec/docker/cli-plugins/ (or ~/.docker/cli-plugins/).");
            }
        },
        async config(target, path) {
            const result = await compose(target, 'config', '--format', 'json');
            if (result.exitCode !== 0) {
                throw new errors/* ActionError */.lZ(`The compose file in ${path} is not valid (docker compose config):\n${result.stderr.trim()}`);
            }
            return result.stdout;
        },
        up(target, options) {
            const build = options.build ? ['--build'] : ['--no-build', '--pull', 'never'];
            return compose(target, 'up', '--detach', ...build, ...(options.forceRecreate ? ['--force-recreate'] : []), '--wait', '--wait-timeout', String(options.waitTimeoutSeconds), '--remove-orphans');
        },
        down: target => compose(target, 'down', '--remove-orphans'),
        async containerIds(project) {
            return (await engine?.containerIds(project)) ?? containerIds(project);
        },
        async containers(project, options = {}) {
            const listed = options.detailed ? undefined : await engine?.containers(project);
            if (listed !== undefined)
                return listed;
            const list = await containerIds(project);
            if (list.length === 0)
                return [];
            return parseContainers(await docker(['inspect', ...list]));
        },
        docker,
        tryDocker
    };
}
function composeArgs(target, ...args) {
    const files = target.config === undefined ? target.files.flatMap(file => ['--file', file]) : ['--file', '-'];
    const envFile = target.envFile === undefined ? [] : ['--env-file', target.envFile];
    return ['compose', '--project-name', target.project, ...files, ...envFile, ...args];
}
const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';
function parseContainers(json) {
    return JSON.parse(json)
        .map(c => {
        const log = c.State.Health?.Log ?? [];
        return {
            id: c.Id,
            name: c.Name.replace(/^\//, ''),
            service: c.Config.Labels?.[SERVICE_LABEL] ?? '',
            imageId: c.Image,
            imageRef: c.Config.Image,
            state: c.State.Status,
            exitCode: c.State.ExitCode,
            health: c.State.Health?.Status,
            healthOutput: log[log.length - 1]?.Output
        };
    })
        .sort((a, b) => (0,names/* compareNames */.MP)(a.name, b.name));
}
function firstLine(text) {
    return text.trim().split('\n')[0] ?? '';
}
/** The last meaningful line of compose's output, usually the error (e.g. `container x is unhealthy`). */
function lastLine(text) {
    const lines = text
        .trim()
        .split('\n')
        .filter(l => l.trim() !== '');
    return lines[lines.length - 1]?.trim() ?? '';
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/deploy/engine.ts





/**
 * The socket the CLI would talk to, or undefined when it would use something else: DOCKER_HOST
 * wins (unix:// only), then DOCKER_CONTEXT, then the config's currentContext (only "default").
 */
function engineSocket(env) {
    const host = env.DOCKER_HOST?.trim();
    if (host)
        return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
    const context = env.DOCKER_CONTEXT?.trim();
    if (context && context !== 'default')
        return undefined;
    if (!context) {
        const config = (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker'), 'config.json');
        try {
            const current = JSON.parse((0,external_node_fs_.readFileSync)(config, 'utf8'))
                .currentContext;
            if (current && current !== 'default')
                return undefined;
        }
        catch {
            /* no config: the default context */
        }
    }
    return '/var/run/docker.sock';
}
function createEngine(socketPath, timeoutMs = 10_000) {
    /** `docker ps --all --filter label=com.docker.compose.project=<project>`, or undefined. */
    const list = async (project) => {
        const filters = JSON.stringify({ label: [`com.docker.compose.project=${project}`] });
        const path = `/containers/json?all=1&filters=${encodeURIComponent(filters)}`;
        try {
            return JSON.parse(await get(socketPath, path, timeoutMs));
        }
        catch {
            return undefined;
        }
    };
    return {
        async containerIds(project) {
            return (await list(project))?.map(c => c.Id);
        },
        async containers(project) {
            const listed = await list(project);
            if (listed === undefined)
                return undefined;
            const containers = listed.map(toContainer);
            return containers.every(c => c !== undefined)
                ? containers.sort((a, b) => (0,names/* compareNames */.MP)(a.name, b.name))
                : undefined;
        }
    };
}
/**
 * Health and exit code are only in the Status text before API 1.52 ("Up 3 seconds (healthy)",
 * "Exited (1) 2 seconds ago"). A container whose image name now points elsewhere is listed by
 * image ID instead of its name: that one needs `docker inspect` (undefined).
 */
function toContainer(c) {
    const status = c.Status ?? '';
    if (c.Image.startsWith('sha256:') || c.ImageID.replace(/^sha256:/, '').startsWith(c.Image)) {
        return undefined;
    }
    const health = /\((healthy|unhealthy|health: starting)\)/.exec(status)?.[1];
    return {
        id: c.Id,
        name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''),
        service: c.Labels?.['com.docker.compose.service'] ?? '',
        imageId: c.ImageID,
        imageRef: c.Image,
        state: c.State,
        exitCode: Number(/^Exited \((\d+)\)/.exec(status)?.[1] ?? 0),
        health: health === 'health: starting' ? 'starting' : health
    };
}
function get(socketPath, path, timeoutMs) {
    return new Promise((resolve, reject) => {
        const req = (0,external_node_http_.request)({ socketPath, path, method: 'GET', timeout: timeoutMs }, res => {
            const chunks = [];
            res.on('data', (d) => chunks.push(d));
            res.on('end', () => res.statusCode === 200
                ? resolve(Buffer.concat(chunks).toString('utf8'))
                : reject(new Error(`HTTP ${res.statusCode}`)));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', reject);
        req.end();
    });
}

// EXTERNAL MODULE: ./node_modules/@balena/dockerignore/ignore.js
var ignore = __webpack_require__(4158);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/deploy/containment.ts




/**
 * A deploy reads only its own service folder. Every deployment's .env holds its secrets, and the
 * state folder holds every deployment's saved .env, so a compose file that could name a file
 * elsewhere (`env_file: ../other/.env`, a symlink, a bind mount of the state folder) would hand
 * one service another's secrets. Paths are compared after resolving symlinks.
 */
/** Whether `path` is `folder` or inside it (both already resolved). */
function isInside(folder, path) {
    const rel = (0,external_node_path_.relative)(folder, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
}
/** The path with every symlink resolved; for a path that does not exist, its nearest parent's. */
function realPath(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        const parent = (0,external_node_path_.dirname)(path);
        return parent === path ? path : (0,external_node_path_.resolve)(realPath(parent), (0,external_node_path_.relative)(parent, path));
    }
}
/**
 * The service folder, resolved: it must be exactly workspace/path (no symlink on the way), and
 * outside the state folder, or .env would be written (and read back) somewhere else.
 */
function checkServiceFolder(workspace, path, stateRoot) {
    const real = realPath((0,external_node_path_.resolve)(workspace, path));
    const expected = (0,external_node_path_.resolve)(realPath(workspace), path);
    if (isInside(realPath(workspace), real) && real !== expected) {
        // A link inside the workspace (`ln -s . services/x`) would widen the folder to its target.
        throw new errors/* InputError */.dz('path', `${path} resolves to ${real}, not to ${expected}: the service folder (or a folder above it) is a symlink`, 'Pass the real service folder, not a symlink to it.');
    }
    if (!isInside(realPath(workspace), real)) {
        throw new errors/* InputError */.dz('path', `${path} resolves to ${real}, outside the workspace`, 'Pass a service folder of the checked-out repository that is not a symlink out of it.');
    }
    if (overlaps(real, realPath(stateRoot))) {
        throw new errors/* InputError */.dz('path', `${path} resolves to ${real}, which overlaps the action's state folder ${stateRoot}`, 'Keep the state folder (LAUNCH_SERVICE_STATE_DIR) outside the workspace.');
    }
    return real;
}
/**
 * The files a deploy reads from the service folder before compose runs: the compose file and
 * `.env.example` must resolve inside it; the env file must not be a symlink (its old content is
 * read back to restore it on failure).
 */
function checkServiceFiles(folder, path, files) {
    for (const file of [files.composeFile, files.example])
        mustStayInside(folder, path, file, file);
    if (isSymlink(files.envFile)) {
        throw new errors/* ActionError */.lZ(`${shown(path, folder, files.envFile)} is a symlink; the env file must be a plain file the action writes. Delete the link.`);
    }
}
/**
 * `env_file`, `include` and `extends.file` of the compose file (and of the files they include),
 * which `docker compose config` applies and does not show: each must resolve inside the folder.
 */
function checkComposeReferences(folder, path, composeFile) {
    const seen = new Set();
    const visit = (file, projectDir) => {
        const real = realPath(file);
        const key = `${real}\0${realPath(projectDir)}`;
        if (seen.has(key))
            return;
        seen.add(key);
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(real, 'utf8');
        }
        catch (error) {
            throw new errors/* ActionError */.lZ(`Could not read ${shown(path, folder, file)}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
        let doc;
        try {
            // merge: `<<: *defaults` is how compose files share keys such as env_file. Compose's YAML
            // parser allows many aliases; a file this parser gives up on is not let through unchecked.
            doc = (0,dist/* parse */.qg)(text, { merge: true, maxAliasCount: 10_000 });
        }
        catch (error) {
            throw new errors/* ActionError */.lZ(`${shown(path, folder, file)} could not be read as YAML, so the files it names cannot be checked: ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]}. Fix the file (fewer aliases, one document).`);
        }
        const refer = (what, value, recurse, base = projectDir) => {
            if (typeof value !== 'string')
                return;
            if (value.includes('$')) {
                throw new errors/* ActionError */.lZ(`${what} '${value}' in ${shown(path, folder, file)} uses a variable; write the path literally, relative to the service folder.`);
            }
            const target = (0,external_node_path_.resolve)(base, value);
            mustStayInside(folder, path, target, `${what} ${value}`);
            if (recurse)
                visit(target, (0,external_node_path_.dirname)(target));
        };
        const top = asObject(doc);
        for (const entry of asList(top.include)) {
            const include = asObject(entry);
            const paths = typeof entry === 'string' ? [entry] : asList(include.path);
            // Relative paths in an included file resolve against its project_directory.
            refer('include project_directory', include.project_directory, false);
            const dir = typeof include.project_directory === 'string'
                ? (0,external_node_path_.resolve)(projectDir, include.project_directory)
                : undefined;
            for (const p of paths) {
                if (typeof p !== 'string' || dir === undefined)
                    refer('include', p, true);
                else {
                    refer('include', p, false);
                    visit((0,external_node_path_.resolve)(projectDir, p), dir);
                }
            }
            refer('include env_file', include.env_file, false);
        }
        for (const [name, raw] of Object.entries(asObject(top.services))) {
            const service = asObject(raw);
            for (const entry of asList(service.env_file)) {
                refer(`env_file of ${name}`, typeof entry === 'string' ? entry : asObject(entry).path, false);
            }
            refer(`extends file of ${name}`, asObject(service.extends).file, true);
        }
    };
    visit(composeFile, (0,external_node_path_.dirname)(composeFile));
}
/**
 * What the resolved config (`docker compose config --format json`, absolute paths) lets a
 * container or a build read from the host: build contexts, secret and config files must resolve
 * inside the service folder, and a Dockerfile is not an env file; no bind mount (nor a named
 * volume that binds a host folder) may reach into the state folder, nor into the
 * workspace outside the service folder (other services' .env files are there); no service joins
 * a container outside the deployment (`container:` in pid, ipc, network_mode, volumes_from).
 */
function checkResolvedConfig(configJson, folder, path, places) {
    const stateRoot = places.stateRoot;
    const workspace = realPath(places.workspace);
    const config = asObject(JSON.parse(configJson));
    const local = (value) => typeof value === 'string' && (0,external_node_path_.isAbsolute)(value);
    for (const [name, raw] of Object.entries(asObject(config.services))) {
        const service = asObject(raw);
        const build = asObject(service.build);
        if (local(build.context))
            mustStayInside(folder, path, build.context, `build context of ${name}`);
        for (const [context, value] of Object.entries(asObject(build.additional_contexts))) {
            if (local(value))
                mustStayInside(folder, path, value, `build context ${context} of ${name}`);
        }
        if (typeof build.dockerfile === 'string' && local(build.context)) {
            // docker build prints a Dockerfile it cannot parse: it must not be a file of secrets.
            const dockerfile = (0,external_node_path_.resolve)(build.context, build.dockerfile);
            mustStayInside(folder, path, dockerfile, `Dockerfile of ${name}`);
            const real = realPath(dockerfile);
            if (real === realPath(places.envFile) || (0,external_node_path_.basename)(real).startsWith('.env')) {
                throw new errors/* ActionError */.lZ(`The Dockerfile of ${name} in ${path} is ${build.dockerfile}, an env file: docker build would print its secrets in its parse error. Name the Dockerfile, e.g. dockerfile: Dockerfile.`);
            }
        }
        for (const volume of asList(service.volumes)) {
            const v = asObject(volume);
            if (v.type === 'bind' && local(v.source))
                hostPath(`bind mount ${v.source}`, v.source, name);
        }
        for (const key of ['pid', 'ipc', 'network_mode', 'cgroup']) {
            if (typeof service[key] === 'string')
                notOtherContainer(`${key}: ${service[key]}`, name);
        }
        for (const from of asList(service.volumes_from)) {
            if (typeof from === 'string')
                notOtherContainer(`volumes_from: ${from}`, name);
        }
    }
    // A named volume of the local driver with `o: bind` is a bind mount of `device` in disguise.
    for (const [name, raw] of Object.entries(asObject(config.volumes))) {
        const options = asObject(asObject(raw).driver_opts);
        if (typeof options.device !== 'string' || !/bind/.test(String(options.o ?? '')))
            continue;
        if (!(0,external_node_path_.isAbsolute)(options.device)) {
            throw new errors/* ActionError */.lZ(`Volume ${name} of ${path} binds device ${options.device}, a relative path the Docker daemon would resolve from its own folder. Write the device as an absolute path outside the repository, or use a bind mount (./folder:/path).`);
        }
        hostPath(`use volume ${name}, a bind of ${options.device}`, options.device, undefined);
    }
    function hostPath(what, source, service) {
        const real = realPath(source);
        const who = service === undefined ? path : `Service ${service} of ${path}`;
        if (overlaps(real, realPath(stateRoot)))
            throw new errors/* ActionError */.lZ(`${who} may not ${what}: it overlaps the action's state folder ${stateRoot}, which holds every deployment's secrets. Mount a narrower folder.`);
        if (overlaps(real, workspace) && !isInside(folder, real))
            throw new errors/* ActionError */.lZ(`${who} may not ${what}: it reaches into the workspace outside the service folder, where other services' env files are. Mount a folder inside ${path}, or one outside the repository.`);
    }
    // `container:<name>` joins a container outside this deployment (another deployment's processes,
    // environment and volumes); `service:<name>` stays inside the project and is fine.
    function notOtherContainer(setting, service) {
        if (!/^[a-z_]+: container:/.test(setting))
            return;
        throw new errors/* ActionError */.lZ(`Service ${service} of ${path} may not use ${setting}: it reaches into a container outside this deployment, whose environment holds another deployment's secrets. Use service:<name> for a service of this compose file.`);
    }
    for (const kind of ['secrets', 'configs']) {
        for (const [name, raw] of Object.entries(asObject(config[kind]))) {
            const file = asObject(raw).file;
            if (local(file))
                mustStayInside(folder, path, file, `${kind.slice(0, -1)} ${name} file`);
        }
    }
}
function mustStayInside(folder, path, target, what) {
    const real = realPath(target);
    if (isInside(folder, real))
        return;
    const via = real === (0,external_node_path_.resolve)(target) ? '' : ` resolves to ${real}, which`;
    throw new errors/* ActionError */.lZ(`${what === target ? shown(path, folder, target) : `The ${what} in ${path}`}${via || ` (${real})`} must stay inside the service folder ${path}: a deploy may read only its own folder, never another service's files or the action's state. Move the file into ${path}.`);
}
/** `services/web/.env.example` for a file in the folder; the absolute path otherwise. */
function shown(path, folder, file) {
    const rel = (0,external_node_path_.relative)(folder, (0,external_node_path_.resolve)(file));
    return rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? file : `${path}/${rel}`;
}
function overlaps(a, b) {
    return isInside(a, b) || isInside(b, a);
}
function isSymlink(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path).isSymbolicLink();
    }
    catch {
        return false;
    }
}
function asObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : {};
}
function asList(value) {
    return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

;// CONCATENATED MODULE: ./src/deploy/build-context.ts




/**
 * The env file sits in the service folder, which is usually the build context too: without a
 * .dockerignore that excludes it, `COPY . /app` bakes every secret into the image (and into the
 * rollback tag that keeps the image). Returns one warning per such build, naming the Dockerfile
 * and the fix.
 */
function envInBuildContext(configJson, envPath, shown) {
    const services = JSON.parse(configJson)
        .services;
    const warnings = [];
    for (const [name, service] of Object.entries(services ?? {})) {
        const build = service.build;
        if (typeof build?.context !== 'string' || !(0,external_node_path_.isAbsolute)(build.context))
            continue;
        if (!isInside(build.context, envPath))
            continue;
        const dockerfile = (0,external_node_path_.join)(build.context, build.dockerfile ?? 'Dockerfile');
        const ignoreFile = [`${dockerfile}.dockerignore`, (0,external_node_path_.join)(build.context, '.dockerignore')].find(external_node_fs_.existsSync);
        const rel = (0,external_node_path_.relative)(build.context, envPath);
        if (ignoreFile !== undefined && isIgnored((0,external_node_fs_.readFileSync)(ignoreFile, 'utf8'), rel))
            continue;
        warnings.push(`${shown(envPath)} (this deployment's secrets) is inside the build context of service ${name}, and no .dockerignore excludes it: a COPY of the context in ${shown(dockerfile)} puts the secrets into the image and its rollback tag. Add a .dockerignore next to the Dockerfile with the line ${rel}.`);
    }
    return warnings;
}
/**
 * Whether .dockerignore rules exclude `path`, by Docker's own rules (Go's filepath.Match syntax,
 * `**`, `!` exceptions, the last matching rule wins): no brace or extglob patterns.
 */
function isIgnored(dockerignore, path) {
    // A CommonJS module whose factory is also its `default`, as its types declare.
    return ignore_default()["default"]({ ignorecase: false }).add(dockerignore).ignores(path);
}

;// CONCATENATED MODULE: ./src/deploy/diagnose.ts
const LOG_LINES = '100';
/** Containers that are why a deploy failed: not running, or not healthy. */
function failingContainers(containers) {
    return containers.filter(c => c.state !== 'running' || (c.health !== undefined && c.health !== 'healthy'));
}
function describeContainer(c) {
    const health = c.health === undefined ? 'no healthcheck' : `health ${c.health}`;
    const exit = c.state === 'exited' ? `, exit code ${c.exitCode}` : '';
    return `service ${c.service} (container ${c.name}): ${c.state}${exit}, ${health}`;
}
/**
 * Prints, for each failing container (or every container when none looks failing, e.g. after
 * a health-url failure), its state, last healthcheck output and recent logs. The log redacts.
 */
async function reportFailure(compose, containers, log) {
    const failing = failingContainers(containers);
    if (containers.length === 0) {
        log.info('No container of this deployment exists: the build or the creation failed before any started.');
        return;
    }
    if (failing.length === 0) {
        log.info(`No container is down or unhealthy: ${containers.map(describeContainer).join('; ')}.`);
    }
    const shown = failing.length > 0 ? failing : containers;
    for (const c of shown) {
        const logs = await compose.tryDocker(['logs', '--tail', LOG_LINES, c.id]);
        const health = c.healthOutput?.trim()
            ? `\nlast healthcheck output:\n${c.healthOutput.trim()}`
            : '';
        const output = `${logs.stdout}${logs.stderr}`.trim() || '(no output)';
        log.group(`${describeContainer(c)}`, `${describeContainer(c)}${health}\nlast ${LOG_LINES} log lines:\n${output}`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/dotenv/dist/index.cjs
var dotenv_dist = __webpack_require__(8230);
;// CONCATENATED MODULE: ./src/deploy/env-file.ts






/** The .env key that carries the deployment's public URL. */
const DEPLOYMENT_URL_KEY = 'DEPLOYMENT_URL';
/** Environment variable names compose and the container accept. */
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Picks the entries meant for this service and deployment and strips their prefix:
 * `<SERVICE>__<KEY>` and `<DEPLOYMENT>__<KEY>` become `<KEY>`. Precedence, lowest first:
 * service variable, service secret, deployment variable, deployment secret (the more specific
 * name wins; at the same level a secret wins over a variable). Nothing else is selected.
 */
function selectEnv(secrets, vars, service, deployment) {
    const selected = new Map();
    const layers = [
        [vars, (0,names/* envPrefix */.In)(service), 'vars'],
        [secrets, (0,names/* envPrefix */.In)(service), 'secrets'],
        [vars, (0,names/* envPrefix */.In)(deployment), 'vars'],
        [secrets, (0,names/* envPrefix */.In)(deployment), 'secrets']
    ];
    for (const [entries, prefix, source] of layers) {
        for (const [name, value] of Object.entries(entries)) {
            if (!name.toUpperCase().startsWith(prefix))
                continue;
            const key = name.slice(prefix.length);
            if (!KEY_PATTERN.test(key)) {
                throw new errors/* InputError */.dz(source, `entry '${name}' does not give a valid variable name after '${prefix}'`, 'Name entries <SERVICE>__<KEY> or <DEPLOYMENT>__<KEY>, where KEY is letters, digits and underscores.');
            }
            selected.set(key, { value, source });
        }
    }
    return new Map([...selected].sort(([a], [b]) => (0,names/* compareNames */.MP)(a, b)));
}
/**
 * The deployment's public URL (the `url` input, matrix.url) as DEPLOYMENT_URL, so a compose file
 * can derive its domain settings from it; a secret or variable of that name still wins. Public,
 * so selected as a variable (never masked).
 */
function withDeploymentUrl(selected, url) {
    if (url === undefined || selected.has(DEPLOYMENT_URL_KEY))
        return selected;
    return new Map([
        ...selected,
        [DEPLOYMENT_URL_KEY, { value: url.replace(/\/+$/, ''), source: 'vars' }]
    ]);
}
/** The values of a selection, by key. */
function envValues(selected) {
    return new Map([...selected].map(([key, { value }]) => [key, value]));
}
/** Completes the selection from `.env.example` (parsed with dotenv) and lists what is missing. */
function applyExample(selected, exampleText) {
    const env = new Map(selected);
    const missing = [];
    if (exampleText === undefined)
        return { env, missing };
    for (const [key, fallback] of Object.entries((0,dotenv_dist.parse)(exampleText))) {
        if (env.has(key))
            continue;
        if (fallback === '')
            missing.push(key);
        else
            env.set(key, fallback);
    }
    return {
        env: new Map([...env].sort(([a], [b]) => (0,names/* compareNames */.MP)(a, b))),
        missing: missing.sort()
    };
}
/**
 * One value in the form compose's .env parser (compose-go dotenv, used for both `env_file:` and
 * interpolation) reads back byte for byte: double quotes, with `\`, `"`, `$`, newline and carriage
 * return escaped. Compose expands `\n`/`\r`, unescapes `\\` and `\"`, and turns `\$` into a
 * literal `$` instead of interpolating. Single quotes are not enough: compose cannot represent a
 * backslash before a single quote or at the end of a single-quoted value.
 */
function encodeValue(value) {
    const escaped = value
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\$/g, '\\$')
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r');
    return `"${escaped}"`;
}
function encodeEnvFile(env, deployment) {
    const lines = [
        `# Written by launch-service for deployment ${deployment}. Do not edit: the next deploy replaces it.`
    ];
    for (const [key, value] of env) {
        if (!KEY_PATTERN.test(key)) {
            throw new errors/* ActionError */.lZ(`.env key '${key}' is not a valid variable name (letters, digits and underscores).`);
        }
        if (value.includes('\0')) {
            throw new errors/* ActionError */.lZ(`The value of ${key} contains a NUL character, which no environment variable can hold. Remove it from the secret or variable.`);
        }
        lines.push(`${key}=${encodeValue(value)}`);
    }
    return `${lines.join('\n')}\n`;
}
/**
 * The values of the given environment keys in a resolved compose config (JSON), exactly, for
 * masking the last good deploy's secrets; never throws.
 */
function configEnvValues(configJson, keys) {
    if (configJson === undefined || keys.length === 0)
        return [];
    try {
        const config = JSON.parse(configJson);
        const wanted = new Set(keys);
        return Object.values(config.services ?? {}).flatMap(s => Object.entries(s.environment ?? {})
            .filter((e) => wanted.has(e[0]) && typeof e[1] === 'string')
            .map(([, v]) => v.replace(/\$\$/g, '$')));
    }
    catch {
        return [];
    }
}
function readIfExists(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
/**
 * Writes a file atomically with mode 0600: a temp file in the same folder, fsynced, then renamed
 * over the target, so readers see either the old or the new content, never a partial file, and
 * the content is never readable by others, not even for a moment.
 */
function writeFileAtomic(path, content) {
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    writeNewFile(temp, content);
    try {
        (0,external_node_fs_.renameSync)(temp, path);
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(temp, { force: true });
        throw error;
    }
}
/** Creates a file that must not exist yet, mode 0600 from the start, and flushes it to disk. */
function writeNewFile(path, content) {
    const fd = (0,external_node_fs_.openSync)(path, 'wx', 0o600);
    try {
        (0,external_node_fs_.writeSync)(fd, content);
        (0,external_node_fs_.fsyncSync)(fd);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Puts a file back as it was: the given content, or no file at all. */
function restoreFile(path, content) {
    if (content === undefined)
        (0,external_node_fs_.rmSync)(path, { force: true });
    else
        writeFileAtomic(path, content);
}

;// CONCATENATED MODULE: ./src/deploy/health.ts
/**
 * Polls url until it answers 2xx or 3xx (redirects are not followed: a redirect is an answer),
 * or timeoutMs has passed. Called after compose reports the containers healthy.
 */
async function waitForHealthUrl(url, options) {
    const doFetch = options.fetch ?? fetch;
    const sleep = options.sleep ?? ((ms) => new Promise(r => setTimeout(r, ms)));
    const now = options.now ?? Date.now;
    const deadline = now() + options.timeoutMs;
    let reason;
    for (;;) {
        if (options.signal?.aborted)
            return { ok: false, reason: `${url} was not checked: cancelled` };
        try {
            const timeout = AbortSignal.timeout(options.requestTimeoutMs ?? 5000);
            const response = await doFetch(url, {
                redirect: 'manual',
                signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
            });
            await response.body?.cancel();
            if (response.status >= 200 && response.status < 400)
                return { ok: true, status: response.status };
            reason = `HTTP ${response.status}`;
        }
        catch (error) {
            const cause = error.cause?.code;
            reason = cause ?? (error instanceof Error ? error.message : String(error));
        }
        if (now() >= deadline) {
            return {
                ok: false,
                reason: `${url} did not answer 2xx/3xx within ${Math.round(options.timeoutMs / 1000)} s (last: ${reason})`
            };
        }
        await sleep(options.intervalMs ?? 1000);
    }
}

;// CONCATENATED MODULE: ./src/deploy/rollback.ts




/**
 * Rollback = the last good deploy exactly as it ran: its resolved compose config (so a changed
 * compose file, healthcheck or env does not leak into the rollback) and its images, started
 * without building or pulling. A `--build` moves the image name (e.g. `web-prod-app`) to the new
 * build, so after every good deploy each service's image is also tagged
 * `launch-service-rollback/<deployment>:<service>`; rollback points the name (and our tag) back
 * at the saved image ID.
 * A digest reference (`nginx:1.27@sha256:...`) needs no retag, and Docker refuses to tag one: it
 * names exactly one image, which our tag keeps on the host, so compose finds it by its digest.
 */
function imageTag(deployment, service) {
    const tag = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(service)
        ? service
        : `s-${(0,external_node_crypto_.createHash)('sha256').update(service).digest('hex').slice(0, 16)}`;
    return `launch-service-rollback/${deployment}:${tag}`;
}
/**
 * Tags the running images of a good deploy, before it is recorded. A service that runs the image
 * the last good deploy recorded keeps its tag as it is (it already names that image).
 */
async function keepImages(compose, deployment, containers, recorded = []) {
    const saved = new Map();
    for (const c of containers) {
        if (c.service === '' || saved.has(c.service))
            continue;
        const tag = imageTag(deployment, c.service);
        const same = recorded.some(i => i.service === c.service && i.imageId === c.imageId && i.tag === tag);
        if (!same)
            await compose.docker(['tag', c.imageId, tag]);
        saved.set(c.service, { service: c.service, imageId: c.imageId, imageRef: c.imageRef, tag });
    }
    return [...saved.values()];
}
/**
 * Drops the deployment's tags except those of `kept`: after a record is written, the tags of
 * services it no longer has (until then a rollback may still need those images); with nothing
 * kept, all of them (remove, or a failed first deploy).
 */
async function dropStaleImageTags(compose, deployment, kept, 
/** The tags there are, when known (the previous record's): saves listing them. */
existing) {
    const keep = new Set(kept.map(s => s.tag));
    for (const tag of existing ?? (await imageTags(compose, deployment))) {
        if (!keep.has(tag))
            await compose.tryDocker(['image', 'rm', tag]);
    }
}
/** Whether rollback must point the image's name back at the saved image (not for IDs and digests). */
function needsRetag(imageRef) {
    return !imageRef.startsWith('sha256:') && !imageRef.includes('@');
}
/**
 * Points our tags back at the saved images. A failed deploy may have moved them already (keepImages
 * runs before the record is written), and a tag that names an image the record does not would let
 * the saved one be pruned. Failures are warnings: the caller goes on either way.
 */
async function restoreImageTags(compose, log, images) {
    for (const image of images) {
        await pointBack(compose, log, image, image.tag, 'a later rollback may not find it');
    }
}
/**
 * Brings the last good deploy back up and checks that it is what runs: its resolved compose
 * config, from memory on stdin, with the .env it ran with (envFile of target, which the caller
 * has restored: compose needs it for secrets and configs taken from a variable, which the resolved
 * config still names), and its images, started without building or pulling. Then every service
 * must run the saved image ID and be running and not unhealthy. (Not health-url: it belongs to
 * the failed version, whose new endpoint the previous one may well not have.)
 * A saved image that is gone from the host (a `docker rmi`, a prune) stops it before compose
 * runs: the image name now points at another build, so compose would start the wrong version.
 */
async function restore(compose, log, target, lastGood, options) {
    const gone = [];
    for (const image of lastGood.images) {
        // Our tag first (a failed deploy may have moved it): it fails when the image is gone.
        for (const name of needsRetag(image.imageRef) ? [image.tag, image.imageRef] : [image.tag]) {
            const tagged = await compose.tryDocker(['tag', image.imageId, name]);
            if (tagged.exitCode !== 0) {
                gone.push(image);
                break;
            }
        }
    }
    if (gone.length > 0) {
        return {
            ok: false,
            why: `the saved image of ${gone.map(i => `${i.service} (${i.imageId.slice(0, 19)})`).join(', ')} is no longer on this host (removed by a docker rmi or an image prune outside launch-service), so the previous version cannot be started`
        };
    }
    const previous = { ...target, files: [], config: lastGood.config };
    const upPrevious = async () => {
        const result = await compose.up(previous, {
            waitTimeoutSeconds: options.waitTimeoutSeconds,
            build: false
        });
        log.group('docker compose up (rollback)', `${result.stdout}${result.stderr}`);
        return result;
    };
    let up = await upPrevious();
    let containers = await compose.containers(target.project);
    // A recreate that was interrupted (a cancelled job) leaves a container that was created and
    // never started, under a temporary name compose then trips over: remove it, and try once more.
    const stale = containers.filter(c => c.state === 'created');
    if (up.exitCode !== 0 && stale.length > 0) {
        log.info(`Removing ${stale.map(c => c.name).join(', ')}, left by an interrupted recreate.`);
        await compose.tryDocker(['rm', '--force', ...stale.map(c => c.id)]);
        up = await upPrevious();
        containers = await compose.containers(target.project);
    }
    if (up.exitCode !== 0) {
        return {
            ok: false,
            why: `docker compose up of the previous version failed: ${lastLine(up.stderr) || `exit code ${up.exitCode}`}`,
            containers
        };
    }
    const wrong = lastGood.images.filter(image => !containers.some(c => c.service === image.service && c.imageId === image.imageId && c.state === 'running'));
    if (wrong.length > 0) {
        return {
            ok: false,
            why: `after docker compose up, ${wrong.map(i => i.service).join(', ')} does not run the saved image`,
            containers
        };
    }
    const failing = failingContainers(containers);
    if (failing.length > 0) {
        return {
            ok: false,
            why: `the previous version is not healthy: ${failing.map(describeContainer).join('; ')}`,
            containers
        };
    }
    return { ok: true, containers };
}
async function pointBack(compose, log, image, name, otherwise) {
    try {
        await compose.docker(['tag', image.imageId, name]);
    }
    catch (error) {
        log.warning(`Could not point ${name} back at the saved image of ${image.service} (${(0,errors/* errorMessage */.gJ)(error)}); ${otherwise}.`);
    }
}
async function imageTags(compose, deployment) {
    const out = await compose.docker([
        'image',
        'ls',
        '--format',
        '{{.Repository}}:{{.Tag}}',
        `launch-service-rollback/${deployment}`
    ]);
    return out.split('\n').filter(line => line.trim() !== '' && !line.endsWith(':<none>'));
}
/**
 * Removes the images compose built for the deployment (labelled with its project); pulled images
 * are kept, as other deployments may use them. Returns a warning per image still in use.
 */
async function removeBuiltImages(compose, deployment) {
    const ids = await compose.docker([
        'image',
        'ls',
        '--quiet',
        '--no-trunc',
        '--filter',
        `label=com.docker.compose.project=${deployment}`
    ]);
    const warnings = [];
    for (const id of new Set(ids.split('\n').filter(line => line.trim() !== ''))) {
        const removed = await compose.tryDocker(['image', 'rm', id]);
        if (removed.exitCode !== 0) {
            warnings.push(`Could not remove the image ${id.slice(0, 19)} built for ${deployment}: ${lastLine(removed.stderr)}`);
        }
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/deploy/state.ts





/**
 * What the runner keeps between jobs, per deployment (all 0600 in 0700 folders, because the
 * resolved compose config and the .env copy hold secret values):
 *
 *   <root>/<deployment>.lock/   the lock (see lock.ts), beside the state so removing state never races it
 *   <root>/<deployment>.pending.json   written when a deploy starts switching over, removed when it
 *                  ended (deployed, or back on the last good version): one left behind means the
 *                  deploy was interrupted, and the post step or the next deploy finishes it
 *   <root>/<deployment>         a symlink to <deployment>.state-XXXXXX/, the current version, which holds:
 *     compose.json   `docker compose config --format json` of the last good deploy
 *     env            the .env of the last good deploy
 *     record.json    the images it ran (kept alive by launch-service-rollback/<deployment> tags) and
 *                    the names of the keys that came from secrets
 *
 * The three files belong together, so they are replaced together: writeLastGood fills a new
 * version folder and renames a symlink over <deployment>, one atomic step (a folder cannot be
 * renamed over a non-empty one). Deployment names have no '.', so <deployment>.state-* never
 * belongs to another deployment.
 *
 * root is $LAUNCH_SERVICE_STATE_DIR, or ~/.launch-service of the runner's user: it outlives the
 * job's workspace, which a checkout may clean.
 */
function stateRoot(env = process.env) {
    return env.LAUNCH_SERVICE_STATE_DIR?.trim() || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.launch-service');
}
/**
 * How long deploy and remove wait for another job's lock on the same deployment:
 * $LAUNCH_SERVICE_LOCK_TIMEOUT seconds, default 15 minutes.
 */
function lockTimeoutMs(env = process.env) {
    const seconds = Number(env.LAUNCH_SERVICE_LOCK_TIMEOUT);
    return Number.isFinite(seconds) && seconds >= 0 && env.LAUNCH_SERVICE_LOCK_TIMEOUT?.trim()
        ? seconds * 1000
        : 15 * 60_000;
}
function statePaths(root, deployment) {
    const dir = (0,external_node_path_.join)(root, deployment);
    return {
        root,
        dir,
        config: (0,external_node_path_.join)(dir, 'compose.json'),
        env: (0,external_node_path_.join)(dir, 'env'),
        record: (0,external_node_path_.join)(dir, 'record.json'),
        lock: (0,external_node_path_.join)(root, `${deployment}.lock`),
        pending: (0,external_node_path_.join)(root, `${deployment}.pending.json`)
    };
}
function writePending(paths, pending) {
    (0,external_node_fs_.mkdirSync)(paths.root, { recursive: true, mode: 0o700 });
    (0,external_node_fs_.rmSync)(paths.pending, { force: true });
    writeNewFile(paths.pending, JSON.stringify(pending));
}
/** The marker of an interrupted deploy, or undefined; a damaged marker still counts as one. */
function readPending(paths) {
    const text = readIfExists(paths.pending);
    if (text === undefined)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return { pid: 0, cwd: paths.root, envFile: '', started: '', firstDeploy: false };
    }
}
function clearPending(paths) {
    (0,external_node_fs_.rmSync)(paths.pending, { force: true });
}
/**
 * The last good deploy, or undefined when there is none. A record that cannot be read is an
 * error, not "no last good deploy": that would silently drop the rollback target and treat the
 * running containers as started another way.
 */
function readLastGood(paths) {
    const dir = currentFolder(paths);
    if (dir === undefined)
        return undefined;
    const config = readIfExists((0,external_node_path_.join)(dir, CONFIG));
    const record = readIfExists((0,external_node_path_.join)(dir, RECORD));
    if (config === undefined || record === undefined)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(record);
    }
    catch (error) {
        throw damaged(paths, `is not valid JSON (${(0,errors/* errorMessage */.gJ)(error)})`);
    }
    if (!isRecord(parsed))
        throw damaged(paths, 'does not hold a list of images and keys');
    return {
        config,
        env: readIfExists((0,external_node_path_.join)(dir, ENV)) ?? '',
        images: parsed.images,
        keys: parsed.keys
    };
}
/**
 * Replaces the saved state as a whole: the three files go into a new version folder (0700, files
 * 0600), then a symlink to it is renamed over <deployment>. A failure before that rename leaves
 * the previous state exactly as it was; old version folders are removed after it.
 */
function writeLastGood(paths, lastGood) {
    const record = { images: lastGood.images, keys: lastGood.keys };
    if (!isRecord(record)) {
        throw new errors/* ActionError */.lZ('Cannot save the deploy: docker inspect gave an image without an ID or name.');
    }
    (0,external_node_fs_.mkdirSync)(paths.root, { recursive: true, mode: 0o700 });
    const next = (0,external_node_fs_.mkdtempSync)(`${paths.dir}${VERSION}`); // mode 0700
    const link = `${next}.link`;
    let aside;
    try {
        writeNewFile((0,external_node_path_.join)(next, CONFIG), lastGood.config);
        writeNewFile((0,external_node_path_.join)(next, ENV), lastGood.env);
        writeNewFile((0,external_node_path_.join)(next, RECORD), `${JSON.stringify(record, null, 2)}\n`);
        (0,external_node_fs_.symlinkSync)((0,external_node_path_.basename)(next), link);
        if (lstatOrUndefined(paths.dir)?.isDirectory()) {
            // State written by an older version is a plain folder: move it aside first (not atomic,
            // once per deployment).
            aside = `${next}.previous`;
            (0,external_node_fs_.renameSync)(paths.dir, aside);
        }
        (0,external_node_fs_.renameSync)(link, paths.dir);
    }
    catch (error) {
        if (aside !== undefined)
            (0,external_node_fs_.renameSync)(aside, paths.dir);
        (0,external_node_fs_.rmSync)(link, { force: true });
        (0,external_node_fs_.rmSync)(next, { recursive: true, force: true });
        throw error;
    }
    fsyncPath(paths.root);
    removeVersions(paths, (0,external_node_path_.basename)(next));
}
/** Deletes the saved state: the symlink first (from then on there is none), then the folders. */
function deleteState(paths) {
    (0,external_node_fs_.rmSync)(paths.dir, { recursive: true, force: true });
    removeVersions(paths);
}
const CONFIG = 'compose.json';
const ENV = 'env';
const RECORD = 'record.json';
const VERSION = '.state-';
/** The folder the state is read from: the symlink's target, or a plain folder of an older version. */
function currentFolder(paths) {
    try {
        return (0,external_node_fs_.realpathSync)(paths.dir);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
function isRecord(value) {
    const { images, keys } = (value ?? {});
    return (Array.isArray(images) &&
        images.every((i) => typeof i === 'object' &&
            i !== null &&
            ['service', 'imageId', 'imageRef', 'tag'].every(field => typeof i[field] === 'string')) &&
        Array.isArray(keys) &&
        keys.every(key => typeof key === 'string'));
}
function damaged(paths, problem) {
    return new errors/* ActionError */.lZ(`The saved state of this deployment is damaged: ${paths.record} ${problem}. Delete ${paths.dir} on the runner and re-run. The running containers are not touched; the next deploy counts as a first deploy, so until one succeeds there is nothing to roll back to.`);
}
/** Flushes a folder, so the rename in it is on disk. */
function fsyncPath(path) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        (0,external_node_fs_.fsyncSync)(fd);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function lstatOrUndefined(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
/** Removes the deployment's version folders (and leftovers of an interrupted write), but keep. */
function removeVersions(paths, keep) {
    const prefix = `${(0,external_node_path_.basename)(paths.dir)}${VERSION}`;
    for (const name of (0,external_node_fs_.existsSync)(paths.root) ? (0,external_node_fs_.readdirSync)(paths.root) : []) {
        if (name.startsWith(prefix) && name !== keep) {
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(paths.root, name), { recursive: true, force: true });
        }
    }
}

// EXTERNAL MODULE: ./src/exec.ts + 1 modules
var exec = __webpack_require__(4981);
;// CONCATENATED MODULE: ./src/deploy/processes.ts

function createProcessGroups() {
    const groups = new Set();
    const listeners = [];
    const changed = () => {
        for (const listener of listeners)
            listener([...groups]);
    };
    // Output as buffers, start errors named (a missing program or working directory), like every
    // command; detached: the child leads a new session and process group, so a signal sent to the
    // group reaches docker, its compose plugin and their builders, and nothing else.
    const run = async (command, args, options = {}) => {
        let pid;
        try {
            return await (0,exec/* spawnCommand */.nj)(command, args, options, {
                detached: true,
                onStart: started => {
                    pid = started;
                    groups.add(started);
                    changed();
                }
            });
        }
        finally {
            if (pid !== undefined && groups.delete(pid))
                changed();
        }
    };
    return {
        run,
        live: () => [...groups],
        onChange: listener => listeners.push(listener),
        signalAll: signal => {
            for (const group of groups)
                signalGroup(group, signal);
        }
    };
}
/** Sends a signal to a process group; false when no process of it lives. */
function signalGroup(group, signal) {
    try {
        process.kill(-group, signal);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}

;// CONCATENATED MODULE: ./src/deploy/lock.ts





async function acquireLock(lockDir, options) {
    const owner = options.owner ?? currentOwner();
    const isAlive = options.isAlive ?? ownerIsAlive;
    const sleep = options.sleep ?? ((ms) => wakeableSleep(ms, options.signal));
    const now = options.now ?? Date.now;
    const graceMs = options.graceMs ?? 30_000;
    const deadline = now() + options.timeoutMs;
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(lockDir), { recursive: true, mode: 0o700 });
    let waited = false;
    for (;;) {
        if (tryCreate(lockDir, owner))
            return releaser(lockDir, owner);
        const holder = readOwner(lockDir);
        if (isStale(lockDir, holder, isAlive, now(), graceMs)) {
            breakStale(lockDir, holder, isAlive, now, graceMs);
            continue;
        }
        if (options.signal?.aborted) {
            throw new errors/* ActionError */.lZ(`The job was cancelled while waiting for another job${holder ? ` (pid ${holder.pid})` : ''} to release the deploy lock ${lockDir}; nothing was changed.`);
        }
        if (now() >= deadline) {
            throw new errors/* ActionError */.lZ(`Another job holds the deploy lock ${lockDir}${holder ? ` (pid ${holder.pid} on ${holder.host})` : ''} and did not release it within ${Math.round(options.timeoutMs / 1000)} s. If no deploy is running, delete that folder.`);
        }
        if (!waited)
            options.onWait?.(holder);
        waited = true;
        await sleep(options.pollMs ?? 1000);
    }
}
function wakeableSleep(ms, signal) {
    return new Promise(resolve => {
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done);
    });
}
function tryCreate(lockDir, owner) {
    try {
        (0,external_node_fs_.mkdirSync)(lockDir, { mode: 0o700 });
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw error;
    }
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(lockDir, 'owner.json'), JSON.stringify(owner));
    return true;
}
function releaser(lockDir, owner) {
    let released = false;
    const track = (groups) => {
        if (released)
            return;
        // Replaced atomically, so a waiter never reads half an owner.
        const temp = (0,external_node_path_.join)(lockDir, `owner.json.${process.pid}.tmp`);
        (0,external_node_fs_.writeFileSync)(temp, JSON.stringify({ ...owner, groups }));
        (0,external_node_fs_.renameSync)(temp, (0,external_node_path_.join)(lockDir, 'owner.json'));
    };
    const release = () => {
        if (released)
            return;
        released = true;
        process.removeListener('exit', release);
        // Only remove the lock if it is still ours (it is, unless someone wrongly broke it).
        const holder = readOwner(lockDir);
        if (holder &&
            holder.pid === owner.pid &&
            holder.host === owner.host &&
            holder.start === owner.start) {
            (0,external_node_fs_.rmSync)(lockDir, { recursive: true, force: true });
        }
    };
    process.once('exit', release);
    return Object.assign(release, { track });
}
function readOwner(lockDir) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(lockDir, 'owner.json'), 'utf8'));
    }
    catch {
        return undefined;
    }
}
function isStale(lockDir, holder, isAlive, now, graceMs) {
    if (holder)
        return holder.host === (0,external_node_os_.hostname)() && !isAlive(holder);
    try {
        return now - (0,external_node_fs_.statSync)(lockDir).mtimeMs > graceMs;
    }
    catch {
        return false; // gone meanwhile: the next mkdir decides
    }
}
/** Removes a stale lock, under a short-lived guard lock so a fresh lock is never removed. */
function breakStale(lockDir, holder, isAlive, now, graceMs) {
    const guard = `${lockDir}.breaking`;
    try {
        (0,external_node_fs_.mkdirSync)(guard);
    }
    catch {
        // Someone else is breaking it; a guard left by a crashed breaker expires after the grace time.
        try {
            if (now() - (0,external_node_fs_.statSync)(guard).mtimeMs > graceMs)
                (0,external_node_fs_.rmSync)(guard, { recursive: true, force: true });
        }
        catch {
            /* gone meanwhile */
        }
        return;
    }
    try {
        const again = readOwner(lockDir);
        const same = JSON.stringify(again) === JSON.stringify(holder);
        if (same && isStale(lockDir, again, isAlive, now(), graceMs)) {
            const doomed = `${lockDir}.stale-${process.pid}-${now()}`;
            (0,external_node_fs_.renameSync)(lockDir, doomed);
            (0,external_node_fs_.rmSync)(doomed, { recursive: true, force: true });
        }
    }
    catch {
        /* the lock vanished meanwhile: the next mkdir decides */
    }
    finally {
        (0,external_node_fs_.rmSync)(guard, { recursive: true, force: true });
    }
}
function currentOwner() {
    return { host: (0,external_node_os_.hostname)(), pid: process.pid, start: processStart(process.pid) };
}
function processStart(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command name (which may hold spaces and parentheses); starttime is field 22.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    }
    catch {
        return undefined;
    }
}
/** The owner's process lives, or one of the command groups it recorded does. */
function ownerIsAlive(owner) {
    return processIsAlive(owner) || (owner.groups ?? []).some(group => signalGroup(group, 0));
}
function processIsAlive(owner) {
    try {
        process.kill(owner.pid, 0);
    }
    catch (error) {
        if (error.code !== 'EPERM')
            return false;
    }
    const start = processStart(owner.pid);
    return owner.start === undefined || start === undefined || start === owner.start;
}
/**
 * Stops what a dead owner left running: its command groups get SIGTERM, then SIGKILL after
 * graceMs. Only for an owner whose own process is gone (a killed job); returns whether any lived.
 */
async function stopLeftovers(owner, graceMs = 3000, sleep = (ms) => new Promise(r => setTimeout(r, ms))) {
    if (!owner || owner.host !== (0,external_node_os_.hostname)() || processIsAlive(owner))
        return false;
    const live = (owner.groups ?? []).filter(group => signalGroup(group, 'SIGTERM'));
    for (let waited = 0; waited < graceMs && live.some(g => signalGroup(g, 0)); waited += 100) {
        await sleep(100);
    }
    for (const group of live)
        signalGroup(group, 'SIGKILL');
    return live.length > 0;
}

;// CONCATENATED MODULE: ./src/deploy/step.ts


/** Takes the deployment's lock on this host, waiting (and saying so) while another job holds it. */
async function lockDeployment(deps, deployment) {
    const release = await acquireLock(statePaths(deps.stateRoot, deployment).lock, {
        timeoutMs: deps.lockTimeoutMs ?? lockTimeoutMs(),
        signal: deps.cancel?.signal,
        onWait: holder => deps.log.info(`Waiting for another job on ${deployment}${holder ? ` (pid ${holder.pid})` : ''} to finish...`)
    });
    deps.groups?.onChange(groups => release.track(groups));
    return release;
}

;// CONCATENATED MODULE: ./src/deploy/deploy.ts













/**
 * Deploys one deployment in named phases:
 *   prepare     everything that can be checked without changing anything (thrown errors)
 *   (lock)      the deployment's lock, which also covers the docker commands it starts
 *   recover     an earlier deploy that was interrupted is finished first (finishInterrupted)
 *   load        .env written, `compose config` validated and checked, the containers listed
 *   switch over start: `compose up --build --wait` (and a forced recreate when compose kept
 *               everything); verify: health-url; record: images tagged, last good deploy saved
 * A failure or a cancel during the switch goes back to the last good deploy (recover → rollBack),
 * which is verified before it is reported.
 */
async function deploy(inputs, deps) {
    const prepared = await prepare(inputs, deps);
    const paths = statePaths(deps.stateRoot, inputs.deployment);
    const release = await lockDeployment(deps, inputs.deployment);
    try {
        throwIfCancelled(deps, 'before anything changed');
        await finishInterrupted(deps, inputs, paths);
        const loaded = await load(prepared, deps, paths);
        const context = { ...prepared, ...loaded, deps, paths };
        writePending(paths, {
            pid: process.pid,
            cwd: prepared.serviceDir,
            envFile: prepared.envPath,
            started: new Date().toISOString(),
            firstDeploy: loaded.lastGood === undefined && loaded.before.length === 0
        });
        const result = await switchOver(context);
        // A cancelled deploy that could not get back in time leaves the marker for the post step.
        if (!result.unfinished)
            clearPending(paths);
        return result;
    }
    finally {
        release();
    }
}
async function prepare(inputs, deps) {
    const { service } = inputs;
    if (!isDirectory((0,external_node_path_.resolve)(deps.workspace, inputs.path))) {
        throw new errors/* InputError */.dz('path', `folder '${inputs.path}' does not exist in the workspace`, 'Check the repository out first (actions/checkout) and pass the service folder, e.g. services/my-service.');
    }
    const serviceDir = checkServiceFolder(deps.workspace, inputs.path, deps.stateRoot);
    refuseNameCollision(inputs, (0,external_node_path_.resolve)(deps.workspace, inputs.path));
    const selected = withDeploymentUrl(selectEnv(inputs.secrets, inputs.vars, service, inputs.deployment), inputs.url);
    // Secrets are masked; variables are not, as on GitHub: masking a short value such as a port
    // or "1" would garble the whole log.
    const secretKeys = [...selected].filter(([, v]) => v.source === 'secrets').map(([key]) => key);
    for (const key of secretKeys)
        deps.masker.add(selected.get(key)?.value ?? '');
    const composeFile = findComposeFile(serviceDir, inputs.path, inputs.composeFile);
    const example = (0,external_node_path_.join)(serviceDir, '.env.example');
    const envPath = (0,external_node_path_.join)(serviceDir, inputs.envFile);
    checkServiceFiles(serviceDir, inputs.path, { composeFile, example, envFile: envPath });
    checkComposeReferences(serviceDir, inputs.path, composeFile);
    const { env, missing } = applyExample(envValues(selected), readIfExists(example));
    if (missing.length > 0) {
        const urlHint = missing.includes(DEPLOYMENT_URL_KEY)
            ? ` ${DEPLOYMENT_URL_KEY} is the deployment's public URL (input url, matrix.url): make the deployment public with a hostname in Terraform.`
            : '';
        throw new errors/* ActionError */.lZ(`${inputs.path}/.env.example needs values for: ${missing.join(', ')}. Add a secret or variable named ${(0,names/* envPrefix */.In)(service)}<KEY> (or ${(0,names/* envPrefix */.In)(inputs.deployment)}<KEY> for this deployment only), or give the key a default in .env.example.${urlHint}`);
    }
    const envText = encodeEnvFile(env, inputs.deployment);
    deps.log.info(`Deploying ${inputs.deployment} (service ${service}) with ${env.size} variable(s) in ${inputs.envFile}: ${[...env.keys()].join(', ') || 'none'}`);
    const target = {
        project: inputs.deployment,
        files: [composeFile],
        envFile: envPath,
        cwd: serviceDir
    };
    return { inputs, serviceDir, composeFile, envPath, envText, secretKeys, target };
}
/**
 * A deployment named like another service makes `<NAME>__<KEY>` mean two things: the service's
 * secrets would land in this deployment too. plan refuses such a contract; this catches a deploy
 * run without plan, by the service folders beside this one.
 */
function refuseNameCollision(inputs, folder) {
    if ((0,names/* envPrefix */.In)(inputs.deployment) === (0,names/* envPrefix */.In)(inputs.service))
        return;
    const parent = (0,external_node_path_.dirname)(folder);
    const clash = (0,external_node_fs_.readdirSync)(parent).find(name => name !== (0,external_node_path_.basename)(folder) &&
        (0,names/* envPrefix */.In)(name) === (0,names/* envPrefix */.In)(inputs.deployment) &&
        compose_files/* COMPOSE_FILES */.Z.some(file => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(parent, name, file))));
    if (clash !== undefined) {
        throw new errors/* InputError */.dz('deployment', `deployment '${inputs.deployment}' of service '${inputs.service}' is named like the service '${clash}' (${(0,external_node_path_.join)((0,external_node_path_.dirname)(inputs.path), clash)}), so ${(0,names/* envPrefix */.In)(inputs.deployment)}<KEY> would select the secrets of both`, 'Rename the deployment (e.g. <service>-<target>) in Terraform.');
    }
}
async function load(p, deps, paths) {
    const lastGood = readLastGood(paths);
    // The previous run's secrets may show up in logs too (a rollback runs them again).
    if (lastGood)
        for (const value of configEnvValues(lastGood.config, lastGood.keys))
            deps.masker.add(value);
    const envBefore = readIfExists(p.envPath);
    writeFileAtomic(p.envPath, p.envText);
    try {
        // Both only read; side by side they cost one command's time.
        const [config, before] = await dockerChecked(deps, () => Promise.all([
            deps.compose.config(p.target, p.inputs.path),
            deps.compose.containerIds(p.inputs.deployment)
        ]));
        checkResolvedConfig(config, p.serviceDir, p.inputs.path, {
            workspace: deps.workspace,
            stateRoot: deps.stateRoot,
            envFile: p.envPath
        });
        const shown = (file) => file.replace(`${p.serviceDir}/`, `${p.inputs.path}/`);
        for (const warning of envInBuildContext(config, p.envPath, shown))
            deps.log.warning(warning);
        throwIfCancelled(deps, 'before anything changed');
        return { lastGood, envBefore, config, before };
    }
    catch (error) {
        restoreFile(p.envPath, envBefore);
        throw error;
    }
}
/**
 * Docker is checked only when a docker command failed: a missing binary, daemon or compose plugin
 * is then named as such with its fix, and a good deploy spends no commands on it.
 */
async function dockerChecked(deps, command) {
    try {
        return await command();
    }
    catch (error) {
        await deps.compose.check();
        throw error;
    }
}
/**
 * Switch over → verify → record; until the record is written every failure, reported or thrown,
 * goes through recover().
 */
async function switchOver(s) {
    const { inputs, deps } = s;
    const progress = { recording: false };
    let after;
    let images;
    try {
        progress.failure = await start(s, progress);
        progress.failure ??= await verify(s);
        throwIfCancelled(deps, 'while the new version was starting');
        after = progress.after ??= await deps.compose.containers(inputs.deployment);
        if (progress.failure !== undefined) {
            return await recover({ ...s, failure: progress.failure, recording: false });
        }
        images = await record(s, after, progress);
    }
    catch (error) {
        const thrown = (0,errors/* errorMessage */.gJ)(error);
        if (progress.failure !== undefined && !cancelled(deps))
            deps.log.warning(thrown);
        const failure = cancelled(deps)
            ? thrown
            : (progress.failure ?? `The deploy failed after docker compose up had started: ${thrown}`);
        return await recover({ ...s, failure, recording: progress.recording });
    }
    return await recorded(s, after, images);
}
/**
 * `compose up --build --wait`; then, when the compose config or .env changed but compose kept
 * every container, once more with --force-recreate: compose compares services only, so a secret
 * or config whose content comes from a variable (`environment:`, `content: "${X}"`) can change
 * while every container is kept. Returns why it failed; lists the containers it ends with.
 */
async function start(s, progress) {
    const { inputs, deps } = s;
    const { waitTimeoutSeconds } = inputs;
    deps.log.info(`Starting ${inputs.deployment}: docker compose up --build --wait (timeout ${waitTimeoutSeconds} s)`);
    const failure = await up(deps, s.target, { waitTimeoutSeconds, build: true });
    if (failure !== undefined)
        return failure;
    progress.after = await deps.compose.containers(inputs.deployment);
    const changed = s.lastGood !== undefined && (s.config !== s.lastGood.config || s.envText !== s.lastGood.env);
    if (!changed || !sameContainers(s.before, ids(progress.after)))
        return undefined;
    deps.log.info('The compose config or .env changed but compose kept every container: recreating them.');
    progress.after = undefined;
    const recreated = await up(deps, s.target, {
        waitTimeoutSeconds,
        build: false,
        forceRecreate: true
    });
    if (recreated === undefined)
        progress.after = await deps.compose.containers(inputs.deployment);
    return recreated;
}
/** health-url, when set, must answer 2xx/3xx within wait-timeout. Returns why not. */
async function verify(s) {
    const { inputs, deps } = s;
    if (inputs.healthUrl === undefined || cancelled(deps))
        return undefined;
    const health = await checkHealth(deps, inputs.healthUrl, inputs.waitTimeoutSeconds * 1000);
    if (!health.ok)
        return `health-url check failed: ${health.reason}`;
    deps.log.info(`${inputs.healthUrl} answered HTTP ${health.status}`);
    return undefined;
}
/** Tags the running images and saves this deploy as the last good one. */
async function record(s, after, progress) {
    const { inputs, deps } = s;
    const images = await keepImages(deps.compose, inputs.deployment, after, s.lastGood?.images);
    throwIfCancelled(deps, 'while the new version was starting');
    progress.recording = true;
    writeLastGood(s.paths, { config: s.config, env: s.envText, images, keys: s.secretKeys });
    return images;
}
/** Recorded: this version is the last good one now, so nothing from here on rolls it back. */
async function recorded(s, after, images) {
    const { inputs, deps } = s;
    await dropStaleImageTags(deps.compose, inputs.deployment, images, s.lastGood?.images.map(i => i.tag)).catch((error) => deps.log.warning(`Could not remove old image tags: ${(0,errors/* errorMessage */.gJ)(error)}`));
    const unchanged = s.before.length > 0 && sameContainers(s.before, ids(after));
    deps.log.info(unchanged
        ? 'Nothing changed: no container was recreated.'
        : `Deployed: ${after.map(c => c.name).join(', ')}`);
    return { status: unchanged ? 'unchanged' : 'deployed', service: inputs.service };
}
/** Runs `compose up`, shows its output, and returns why it failed (undefined when it did not). */
async function up(deps, target, options) {
    const result = await deps.compose.up(target, options);
    const command = `docker compose up${options.forceRecreate ? ' --force-recreate' : ''}`;
    deps.log.group(command, `${result.stdout}${result.stderr}`);
    throwIfCancelled(deps, `during ${command}`);
    if (result.exitCode === 0)
        return undefined;
    return `${command} failed (exit code ${result.exitCode}): ${lastLine(result.stderr) || lastLine(result.stdout)}`;
}
function checkHealth(deps, url, timeoutMs) {
    return waitForHealthUrl(url, { timeoutMs, fetch: deps.fetch, signal: deps.cancel?.signal });
}
/**
 * A failed switch: show why, forget the failed version, then go back to what ran before.
 * Never throws: whatever goes wrong on the way back ends up in the failure it returns.
 */
async function recover(f) {
    const { compose, log } = f.deps;
    const failed = (why) => ({
        status: 'failed',
        service: f.inputs.service,
        failure: `${f.failure}. ${why}`
    });
    log.warning(f.failure);
    await bestEffort(log, 'put the saved state back', () => {
        if (!f.recording)
            return;
        if (f.lastGood === undefined)
            deleteState(f.paths);
        else
            writeLastGood(f.paths, f.lastGood);
    });
    if (!cancelled(f.deps)) {
        await bestEffort(log, 'show the failing containers', async () => reportFailure(compose, await compose.containers(f.inputs.deployment, { detailed: true }), log));
    }
    if (!f.inputs.rollback || f.lastGood === undefined) {
        // keepImages may have moved our tags to the failed version's images: they must name the
        // images of the record again, or those could be pruned. Without a record no tag is needed.
        await bestEffort(log, 'point the rollback tags back at the saved images', () => f.lastGood === undefined
            ? dropStaleImageTags(compose, f.inputs.deployment, [])
            : restoreImageTags(compose, log, f.lastGood.images));
    }
    if (!f.inputs.rollback) {
        return failed('rollback is false, so the failed version was left as it is.');
    }
    if (f.lastGood !== undefined) {
        log.info('Rolling back to the last good deploy (its compose config, .env and images)...');
        const back = await rollBack(f.deps, f.inputs, f.target, f.envPath, f.lastGood);
        if (back.ok) {
            return {
                status: 'rolled-back',
                service: f.inputs.service,
                failure: `${f.failure}. Rolled back to the previous version, which is running again (its image IDs and health checked).`
            };
        }
        return { ...failed(back.why), ...unfinished(f.deps) };
    }
    if (f.before.length === 0) {
        const notRemoved = (why) => failed(`Removing the failed first deploy failed too: ${why}`);
        try {
            const down = await compose.down(f.target);
            log.group('docker compose down', `${down.stdout}${down.stderr}`);
            if (down.exitCode !== 0) {
                return {
                    ...notRemoved(lastLine(down.stderr) || `exit code ${down.exitCode}`),
                    ...unfinished(f.deps)
                };
            }
            restoreFile(f.envPath, f.envBefore);
        }
        catch (error) {
            return notRemoved((0,errors/* errorMessage */.gJ)(error));
        }
        return failed('This was the first deploy, so nothing was left running.');
    }
    return failed('There is no earlier deploy by launch-service to roll back to (the running containers were started another way), so the failed version was left as it is.');
}
/**
 * Puts the last good deploy's .env back and restores it (see restore); says what runs instead
 * when that did not work. Within a cancelled job it waits only as long as the runner allows.
 */
async function rollBack(deps, inputs, target, envPath, lastGood) {
    const { compose, log } = deps;
    let waitTimeoutSeconds = inputs.waitTimeoutSeconds;
    if (cancelled(deps) && deps.cancel) {
        const left = Math.floor((deps.cancel.deadline() - Date.now()) / 1000) - 1;
        waitTimeoutSeconds = Math.max(1, Math.min(waitTimeoutSeconds, left));
    }
    try {
        writeFileAtomic(envPath, lastGood.env);
        const work = () => restore(compose, log, target, lastGood, { waitTimeoutSeconds });
        const restored = deps.cancel ? await deps.cancel.spare(work) : await work();
        if (restored.ok)
            return { ok: true };
        const now = restored.containers ?? (await compose.containers(inputs.deployment));
        const running = now.length === 0
            ? 'No container of this deployment runs now.'
            : `Running now: ${now.map(c => `${describeContainer(c)}, image ${c.imageId.slice(0, 19)}`).join('; ')}.`;
        return {
            ok: false,
            why: `Rolling back failed too: ${restored.why}. ${running} Deploy a version that works to fix it.`
        };
    }
    catch (error) {
        return { ok: false, why: `Rolling back failed too: ${(0,errors/* errorMessage */.gJ)(error)}` };
    }
}
/**
 * The recover phase of a deploy that was interrupted (the job cancelled or killed before it got
 * back to a good version; its marker is still there): the last good deploy is restored, or for
 * an interrupted first deploy its containers are removed. The caller holds the lock. Returns
 * undefined when nothing was interrupted.
 */
async function finishInterrupted(deps, inputs, paths) {
    const pending = readPending(paths);
    if (pending === undefined)
        return undefined;
    const { compose, log } = deps;
    log.warning(`An earlier deploy of ${inputs.deployment} (started ${pending.started || 'at an unknown time'}) was interrupted before it finished: bringing the last good version back first.`);
    const lastGood = readLastGood(paths);
    const done = (result) => {
        log.info(result.failure ?? '');
        if (!result.unfinished)
            clearPending(paths);
        return result;
    };
    const interrupted = (failure, status = 'failed') => ({
        status,
        service: inputs.service,
        failure: `The deploy was interrupted. ${failure}`
    });
    if (!inputs.rollback) {
        return done(interrupted('rollback is false, so the version it started was left as it is.'));
    }
    if (lastGood !== undefined) {
        for (const value of configEnvValues(lastGood.config, lastGood.keys))
            deps.masker.add(value);
        // The service folder (and its .env) may be gone: then compose runs in the state folder,
        // with the saved .env copied next to it for the time of the rollback.
        const inFolder = isDirectory(pending.cwd) && pending.envFile !== '';
        const envPath = inFolder ? pending.envFile : (0,external_node_path_.join)(paths.root, `.${inputs.deployment}.env`);
        const target = {
            project: inputs.deployment,
            files: [],
            envFile: envPath,
            cwd: inFolder ? pending.cwd : paths.root
        };
        const back = await rollBack(deps, inputs, target, envPath, lastGood);
        if (!inFolder)
            restoreFile(envPath, undefined);
        return done(back.ok
            ? interrupted('Rolled back to the previous version, which is running again (its image IDs and health checked).', 'rolled-back')
            : { ...interrupted(back.why), ...unfinished(deps) });
    }
    if (!pending.firstDeploy) {
        return done(interrupted('There is no earlier deploy by launch-service to go back to, so what it started was left as it is.'));
    }
    await dropStaleImageTags(compose, inputs.deployment, []);
    const down = await compose.down({ project: inputs.deployment, files: [], cwd: paths.root });
    log.group('docker compose down', `${down.stdout}${down.stderr}`);
    return done(down.exitCode === 0
        ? interrupted('It was the first deploy: its containers were removed, nothing is left running.')
        : {
            ...interrupted(`It was the first deploy, and removing its containers failed: ${lastLine(down.stderr)}`),
            ...unfinished(deps)
        });
}
/** A cancelled job that could not finish: the marker stays for the post step. */
function unfinished(deps) {
    return cancelled(deps) ? { unfinished: true } : {};
}
function cancelled(deps) {
    return deps.cancel?.signal.aborted === true;
}
function throwIfCancelled(deps, when) {
    if (cancelled(deps))
        throw new errors/* ActionError */.lZ(`The deploy was cancelled ${when}`);
}
async function bestEffort(log, what, step) {
    try {
        await step();
    }
    catch (error) {
        log.warning(`Could not ${what}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
function ids(containers) {
    return containers.map(c => c.id);
}
function sameContainers(a, b) {
    const x = [...a].sort();
    const y = [...b].sort();
    return x.length === y.length && x.every((id, i) => id === y[i]);
}

;// CONCATENATED MODULE: ./src/deploy/log.ts
/** A log that redacts every registered secret value from everything it is given. */
function redactingLog(log, masker) {
    return {
        info: message => log.info(masker.redact(message)),
        warning: message => log.warning(masker.redact(message)),
        group: (title, body) => log.group(masker.redact(title), masker.redact(body))
    };
}

;// CONCATENATED MODULE: ./src/deploy/mask.ts
function createMasker(setSecret) {
    const values = new Set();
    const register = (value) => {
        if (value.trim() === '' || values.has(value))
            return;
        values.add(value);
        setSecret(value);
    };
    return {
        add(value) {
            for (const form of printedForms(value))
                register(form);
        },
        redact(text) {
            // Longest first, so a value that contains another is replaced whole.
            let out = text;
            for (const value of [...values].sort((a, b) => b.length - a.length)) {
                out = out.split(value).join('***');
            }
            return out;
        }
    };
}
/** The value, each of its lines, and every escaped form a program may print it in. */
function printedForms(raw) {
    // What a program reads back from the UTF-8 .env: a lone surrogate has become U+FFFD.
    const value = Buffer.from(raw, 'utf8').toString('utf8');
    const forms = new Set([
        raw,
        value,
        JSON.stringify(value).slice(1, -1),
        goJson(value),
        goQuoted(value, 'named'),
        goQuoted(value, 'hex'),
        goTimeQuoted(value),
        value.replace(/'/g, `'\\''`),
        value.replace(/'/g, `'"'"'`)
    ]);
    for (const form of [...forms])
        for (const line of form.split(/\r?\n|\r/))
            forms.add(line);
    return [...forms].filter(form => form.trim() !== '');
}
const NAMED = {
    '\x07': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v'
};
/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const hex = (n, width) => n.toString(16).padStart(width, '0');
/**
 * Go's strconv.Quote (`%q`) without the quotes: printable runes as they are, other runes as
 * \uXXXX or \U00XXXXXX; `hex` writes every ASCII control character as \xHH, as YAML errors do.
 */
function goQuoted(value, controls) {
    let out = '';
    for (const c of value) {
        const code = c.codePointAt(0) ?? 0;
        if (c === '\\' || c === '"')
            out += `\\${c}`;
        else if (code < 0x20 || code === 0x7f)
            out += (controls === 'named' ? NAMED[c] : undefined) ?? `\\x${hex(code, 2)}`;
        else if (code < 0x80 || GO_PRINTABLE.test(c))
            out += c;
        else if (code < 0x10000)
            out += `\\u${hex(code, 4)}`;
        else
            out += `\\U${hex(code, 8)}`;
    }
    return out;
}
/**
 * Go's time package quoting (`time: invalid duration "..."`): every byte of a non-ASCII character
 * and every control character below space as \xHH.
 */
function goTimeQuoted(value) {
    let out = '';
    for (const c of value) {
        const code = c.codePointAt(0) ?? 0;
        if (c === '\\' || c === '"')
            out += `\\${c}`;
        else if (code >= 0x20 && code < 0x80)
            out += c;
        else
            for (const byte of Buffer.from(c, 'utf8'))
                out += `\\x${hex(byte, 2)}`;
    }
    return out;
}
/** Go's encoding/json (compose's JSON output): HTML characters and U+2028/U+2029 escaped too. */
function goJson(value) {
    return JSON.stringify(value)
        .slice(1, -1)
        .replace(/[<>&\u2028\u2029]/g, c => `\\u${hex(c.charCodeAt(0), 4)}`)
        .replace(/\\([bf])/g, (_, c) => `\\u00${c === 'b' ? '08' : '0c'}`);
}

;// CONCATENATED MODULE: ./src/deploy/remove.ts








/**
 * Tears a deployment down: `docker compose down --remove-orphans` for the project, from the saved
 * config of the last good deploy (the service folder may be gone) or else by the project's labels;
 * then deletes its .env, its launch-service image tags, the images compose built for it and its
 * state. Removing twice is fine.
 */
async function remove(inputs, deps) {
    const { compose, log } = deps;
    await compose.check();
    const paths = statePaths(deps.stateRoot, inputs.deployment);
    // The same folder rules as deploy, or a symlinked folder would have .env deleted elsewhere.
    const folder = (0,external_node_path_.resolve)(deps.workspace, inputs.path ?? '.');
    const serviceDir = inputs.path !== undefined && (0,external_node_fs_.existsSync)(folder)
        ? checkServiceFolder(deps.workspace, inputs.path, deps.stateRoot)
        : undefined;
    const release = await lockDeployment(deps, inputs.deployment);
    try {
        const lastGood = readLastGood(paths);
        for (const value of configEnvValues(lastGood?.config, lastGood?.keys ?? [])) {
            deps.masker.add(value);
        }
        const byLabel = { project: inputs.deployment, files: [], cwd: deps.scratchDir };
        let down = lastGood
            ? await compose.down({
                project: inputs.deployment,
                files: [paths.config],
                cwd: paths.dir
            })
            : await compose.down(byLabel);
        if (down.exitCode !== 0 && lastGood) {
            log.warning(`docker compose down with the saved config failed (${down.stderr.trim()}); removing by project label instead.`);
            down = await compose.down(byLabel);
        }
        log.group('docker compose down', `${down.stdout}${down.stderr}`);
        if (down.exitCode !== 0) {
            throw new errors/* ActionError */.lZ(`docker compose down for ${inputs.deployment} failed: ${down.stderr.trim()}`);
        }
        await dropStaleImageTags(compose, inputs.deployment, []);
        for (const warning of await removeBuiltImages(compose, inputs.deployment))
            log.warning(warning);
        if (serviceDir !== undefined)
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(serviceDir, inputs.envFile), { force: true });
        deleteState(paths);
        clearPending(paths);
        log.info(`Removed ${inputs.deployment}.`);
    }
    finally {
        release();
    }
}

;// CONCATENATED MODULE: ./src/deploy/summary.ts
/** Rows of the summary table; the caller redacts nothing here, so pass redacted text. */
function summaryRows(facts) {
    const rows = [
        ['Deployment', facts.deployment],
        ['Service', facts.service ?? '—'],
        ['Commit', facts.commit ? facts.commit.slice(0, 12) : '—'],
        ['Status', facts.status],
        ['Duration', `${(facts.durationMs / 1000).toFixed(1)} s`]
    ];
    if (facts.url)
        rows.push(['URL', facts.url]);
    if (facts.failure)
        rows.push(['Failure', facts.failure]);
    return rows;
}
function summaryTitle(facts) {
    const ok = facts.failure === undefined;
    return `${ok ? '✅' : '❌'} ${facts.command} ${facts.deployment}: ${facts.status}`;
}

// EXTERNAL MODULE: ./src/workflow.ts
var workflow = __webpack_require__(2986);
;// CONCATENATED MODULE: ./src/deploy/command.ts


















/**
 * The events deploy and remove run for: a push to a branch, a manual or scheduled run, and a
 * dispatch through the API (which needs a token with write access). Everything else is refused,
 * by allowlist: pull requests may come from forks, a merge queue candidate may never be merged,
 * and workflow_run, pull_request_review, issue_comment and the like are triggered by people who
 * cannot push. Any of them may plan, none may change a host.
 */
const DEPLOY_EVENTS = ['push', 'workflow_dispatch', 'schedule', 'repository_dispatch'];
function refuseUntrustedEvents(command) {
    const event = process.env.GITHUB_EVENT_NAME ?? '';
    if (!DEPLOY_EVENTS.includes(event)) {
        throw new errors/* InputError */.dz('command', `${command} does not run for ${event || 'an unknown'} event${event ? 's' : ''}`, `Deploy from ${DEPLOY_EVENTS.join(', ')}; use command: plan anywhere else (pull requests, merge queues, workflow_run, ...).`);
    }
}
/** How long after the first signal the runner kills the job: SIGINT, SIGTERM 7.5 s later, kill 2.5 s after. */
const KILL_AFTER_MS = 10_000;
/**
 * `command: deploy` — the runner's edges around deploy(). A cancelled job (SIGINT, then
 * SIGTERM) stops the running docker commands and goes back to the last good version within
 * the runner's window; the post step (`post-if: always()`) finishes what did not fit.
 */
async function deployCommand() {
    const groups = createProcessGroups();
    const cancel = listenForCancel(groups);
    try {
        await step('deploy', async (facts, masker) => {
            refuseUntrustedEvents('deploy');
            const inputs = (0,src_inputs/* getDeployInputs */.Z0)(workflow/* getInput */.V4);
            // Mask every secret handed to the step, not only the selected ones (vars are not secret).
            for (const value of Object.values(inputs.secrets))
                masker.add(value);
            Object.assign(facts, {
                deployment: inputs.deployment,
                service: inputs.service,
                url: inputs.url ?? inputs.healthUrl
            });
            // Tells the post step which deployment to look at, if this step does not get to finish.
            (0,workflow/* saveState */.LZ)('deployment', inputs.deployment);
            // ...and which marker is its own: another job's marker is that job's to finish.
            (0,workflow/* saveState */.LZ)('pid', String(process.pid));
            const result = await deploy(inputs, { ...stepDeps(masker, groups), cancel });
            facts.status = result.status;
            return result.failure;
        });
    }
    finally {
        cancel.stop();
    }
}
/**
 * The post step of a deploy: nothing to do when the deploy ended, else (the job was cancelled or
 * killed before it got back to a good version) it stops the docker commands the main step left
 * running and finishes the deploy: back to the last good version, or a first deploy removed.
 */
async function postDeployCommand(deployment) {
    const root = stateRoot();
    const paths = statePaths(root, deployment);
    const pending = readPending(paths);
    if (pending === undefined) {
        (0,workflow/* info */.pq)(`The deploy of ${deployment} ended in its main step: nothing to finish.`);
        return;
    }
    if (String(pending.pid) !== (0,workflow/* getState */.Gu)('pid')) {
        (0,workflow/* info */.pq)(`The unfinished deploy of ${deployment} is another job's (pid ${pending.pid}): nothing of this job's to finish.`);
        return;
    }
    await step('deploy', async (facts, masker) => {
        const inputs = (0,src_inputs/* getDeployInputs */.Z0)(workflow/* getInput */.V4);
        for (const value of Object.values(inputs.secrets))
            masker.add(value);
        Object.assign(facts, { deployment, service: inputs.service });
        if (await stopLeftovers(readOwner(paths.lock))) {
            (0,workflow/* info */.pq)('Stopped the docker commands the cancelled deploy left running.');
        }
        const deps = stepDeps(masker, createProcessGroups());
        const release = await lockDeployment(deps, deployment);
        try {
            const result = await finishInterrupted(deps, inputs, paths);
            // Another job took the lock first and finished it already.
            facts.status = result?.status ?? 'finished by the next deploy';
            return result?.failure;
        }
        finally {
            release();
        }
    });
}
/** SIGINT/SIGTERM: cancel the deploy and stop its docker commands (not those of a rollback, see spare). */
function listenForCancel(groups) {
    const controller = new AbortController();
    let deadline = 0;
    let sparing = 0;
    const onSignal = (signal) => {
        if (!controller.signal.aborted && sparing > 0) {
            deadline = Date.now() + KILL_AFTER_MS;
            (0,workflow/* warning */.$e)(`Received ${signal} during a rollback: letting it finish; the post step finishes it if the job is killed first.`);
            controller.abort(signal);
            return;
        }
        if (controller.signal.aborted) {
            (0,workflow/* warning */.$e)(`Received ${signal} again: still rolling back; the post step finishes it if the job is killed first.`);
            return;
        }
        deadline = Date.now() + KILL_AFTER_MS;
        (0,workflow/* warning */.$e)(`Received ${signal}: the job is being cancelled. Stopping docker compose and going back to the last good version.`);
        groups.signalAll('SIGTERM');
        controller.abort(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        deadline: () => deadline,
        spare: async (work) => {
            sparing++;
            try {
                return await work();
            }
            finally {
                sparing--;
            }
        },
        stop: () => {
            process.removeListener('SIGINT', onSignal);
            process.removeListener('SIGTERM', onSignal);
        }
    };
}
/** `command: remove` — the runner's edges around remove(). */
async function removeCommand() {
    await step('remove', async (facts, masker) => {
        refuseUntrustedEvents('remove');
        const inputs = (0,src_inputs/* getRemoveInputs */.uj)(workflow/* getInput */.V4);
        Object.assign(facts, { deployment: inputs.deployment, service: inputs.service });
        const scratchDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'launch-service-'));
        try {
            await remove(inputs, { ...stepDeps(masker), scratchDir });
        }
        finally {
            (0,external_node_fs_.rmSync)(scratchDir, { recursive: true, force: true });
        }
        facts.status = 'removed';
        return undefined;
    });
}
/**
 * Runs one command's body and always finishes with outputs and a job summary, also when the
 * body throws before it got far (an input error, a refused event): the summary then shows the
 * raw `deployment` input and the (redacted) error. The body returns the failure, if any.
 */
async function step(command, body) {
    const started = Date.now();
    const masker = createMasker(workflow/* setSecret */.Pq);
    const facts = {
        command,
        deployment: (0,workflow/* getInput */.V4)('deployment').trim() || '—',
        commit: process.env.GITHUB_SHA,
        status: 'failed',
        durationMs: 0
    };
    let failure;
    try {
        failure = await body(facts, masker);
    }
    catch (error) {
        failure = (0,errors/* errorMessage */.gJ)(error);
    }
    await finish(facts, failure, started, masker);
}
/** Outputs, job summary, and a failed step (with a redacted reason) when something failed. */
async function finish(facts, failure, started, masker) {
    const reason = failure === undefined ? undefined : masker.redact(failure);
    const done = { ...facts, failure: reason, durationMs: Date.now() - started };
    (0,workflow/* setOutput */.uH)('status', done.status);
    (0,workflow/* setOutput */.uH)('url', reason === undefined ? (done.url ?? '') : '');
    try {
        (0,workflow/* appendSummary */.fe)((0,workflow/* summaryTable */.jb)(escapeHtml(summaryTitle(done)), 3, summaryRows(done).map(([name, value]) => [{ data: name, header: true }, escapeHtml(value)])));
    }
    catch (error) {
        (0,workflow/* warning */.$e)(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    if (reason !== undefined)
        throw new errors/* ActionError */.lZ(reason);
}
/**
 * The real edges: docker commands in process groups of their own, the runner's workspace and
 * state folder, the runner's log (redacted).
 */
function stepDeps(masker, groups = createProcessGroups()) {
    const env = dockerEnvironment();
    const socket = engineSocket(env);
    return {
        compose: createCompose(groups.run, env, socket === undefined ? undefined : createEngine(socket)),
        groups,
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        stateRoot: stateRoot(),
        lockTimeoutMs: lockTimeoutMs(),
        masker,
        log: redactingLog(runnerLog, masker)
    };
}
const runnerLog = {
    info: workflow/* info */.pq,
    warning: workflow/* warning */.$e,
    group: (title, body) => {
        (0,workflow/* startGroup */.Oh)(title);
        (0,workflow/* info */.pq)(body);
        (0,workflow/* endGroup */.N4)();
    }
};
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}


/***/ })

};
;