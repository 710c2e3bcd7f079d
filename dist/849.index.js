export const id = 849;
export const ids = [849];
export const modules = {

/***/ 849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand),
  removeCommand: () => (/* binding */ removeCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/exec.ts + 1 modules
var exec = __webpack_require__(4981);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/compose-files.ts
var compose_files = __webpack_require__(161);
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
/** Fails with a message that says how to fix it when docker, its daemon or compose v2 is missing. */
async function checkDocker(run) {
    let server;
    try {
        server = await runDocker(run, ['version', '--format', '{{.Server.Version}}']);
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`Docker is not installed on this runner (${(0,errors/* errorMessage */.gJ)(error)}). Install Docker Engine on the runner host; the infrastructure boot script does this for hosts it creates.`);
    }
    if (server.exitCode !== 0) {
        throw new errors/* ActionError */.lZ(`The Docker daemon is not reachable: ${firstLine(server.stderr)}. Start it (systemctl start docker) and make sure the runner's user may use it (member of the docker group), or set DOCKER_HOST.`);
    }
    const compose = await runDocker(run, ['compose', 'version', '--short']);
    if (compose.exitCode !== 0) {
        throw new errors/* ActionError */.lZ("The Docker Compose v2 plugin is missing (`docker compose version` failed). Install it: `apt-get install docker-compose-plugin` from Docker's apt repository, or put the docker-compose binary into /usr/libexec/docker/cli-plugins/ (or ~/.docker/cli-plugins/).");
    }
}
function composeArgs(target, ...args) {
    const files = target.config === undefined ? target.files.flatMap(file => ['--file', file]) : ['--file', '-'];
    const envFile = target.envFile === undefined ? [] : ['--env-file', target.envFile];
    return ['compose', '--project-name', target.project, ...files, ...envFile, ...args];
}
function compose(run, target, ...args) {
    const input = target.config === undefined ? undefined : Buffer.from(target.config);
    return runDocker(run, composeArgs(target, ...args), { cwd: target.cwd, input });
}
/**
 * The fully resolved project (`docker compose config --format json`): env files and interpolation
 * applied, paths absolute, `$` escaped as `$$`. JSON, because compose's YAML output is not valid
 * YAML for values with tabs. It holds secret values: store it 0600 only.
 */
async function resolveConfig(run, target, path) {
    const result = await compose(run, target, 'config', '--format', 'json');
    if (result.exitCode !== 0) {
        throw new errors/* ActionError */.lZ(`The compose file in ${path} is not valid (docker compose config):\n${result.stderr.trim()}`);
    }
    return result.stdout;
}
function composeUp(run, target, options) {
    const build = options.build ? ['--build'] : ['--no-build', '--pull', 'never'];
    return compose(run, target, 'up', '--detach', ...build, ...(options.forceRecreate ? ['--force-recreate'] : []), '--wait', '--wait-timeout', String(options.waitTimeoutSeconds), '--remove-orphans');
}
function composeDown(run, target) {
    return compose(run, target, 'down', '--remove-orphans');
}
const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';
/** The project's containers, found by compose's project label (so no compose file is needed). */
async function projectContainers(run, project) {
    const ids = await docker(run, [
        'ps',
        '--all',
        '--quiet',
        '--no-trunc',
        '--filter',
        `label=${PROJECT_LABEL}=${project}`
    ]);
    const list = ids.split('\n').filter(id => id.trim() !== '');
    if (list.length === 0)
        return [];
    const inspected = JSON.parse(await docker(run, ['inspect', ...list]));
    return inspected
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
        .sort((a, b) => a.name.localeCompare(b.name));
}
/**
 * Runs `docker <args>` with only the allowlisted environment (see environment.ts): every docker
 * and compose command of deploy and remove goes through here.
 */
function runDocker(run, args, options = {}) {
    return run('docker', args, { ...options, env: dockerEnvironment() });
}
/** Runs a docker command whose output we need; fails with its stderr. */
async function docker(run, args) {
    const result = await runDocker(run, args);
    if (result.exitCode !== 0) {
        throw new errors/* ActionError */.lZ(`docker ${args[0]} failed: ${result.stderr.trim() || `exit code ${result.exitCode}`}`);
    }
    return result.stdout;
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
async function reportFailure(run, containers, log) {
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
        const logs = await runDocker(run, ['logs', '--tail', LOG_LINES, c.id]);
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
var dist = __webpack_require__(8230);
;// CONCATENATED MODULE: ./src/deploy/env-file.ts





/** The .env key that carries the deployment's public URL. */
const DEPLOYMENT_URL_KEY = 'DEPLOYMENT_URL';
/** Environment variable names compose and the container accept. */
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `web-app` → `WEB_APP__`: the prefix that selects a secret or variable for a service or deployment. */
function envPrefix(name) {
    return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}__`;
}
/**
 * Picks the entries meant for this service and deployment and strips their prefix:
 * `<SERVICE>__<KEY>` and `<DEPLOYMENT>__<KEY>` become `<KEY>`. Precedence, lowest first:
 * service variable, service secret, deployment variable, deployment secret (the more specific
 * name wins; at the same level a secret wins over a variable). Nothing else is selected.
 */
function selectEnv(secrets, vars, service, deployment) {
    const selected = new Map();
    const layers = [
        [vars, envPrefix(service), 'vars'],
        [secrets, envPrefix(service), 'secrets'],
        [vars, envPrefix(deployment), 'vars'],
        [secrets, envPrefix(deployment), 'secrets']
    ];
    for (const [entries, prefix, input] of layers) {
        for (const [name, value] of Object.entries(entries)) {
            if (!name.toUpperCase().startsWith(prefix))
                continue;
            const key = name.slice(prefix.length);
            if (!KEY_PATTERN.test(key)) {
                throw new errors/* InputError */.dz(input, `entry '${name}' does not give a valid variable name after '${prefix}'`, 'Name entries <SERVICE>__<KEY> or <DEPLOYMENT>__<KEY>, where KEY is letters, digits and underscores.');
            }
            selected.set(key, value);
        }
    }
    return new Map([...selected].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
/**
 * The deployment's public URL (the `url` input, matrix.url) as DEPLOYMENT_URL, so a compose file
 * can derive its domain settings from it; a secret or variable of that name still wins.
 */
function withDeploymentUrl(selected, url) {
    if (url === undefined || selected.has(DEPLOYMENT_URL_KEY))
        return selected;
    return new Map([...selected, [DEPLOYMENT_URL_KEY, url.replace(/\/+$/, '')]]);
}
/** Completes the selection from `.env.example` (parsed with dotenv) and lists what is missing. */
function applyExample(selected, exampleText) {
    const env = new Map(selected);
    const missing = [];
    if (exampleText === undefined)
        return { env, missing };
    for (const [key, fallback] of Object.entries((0,dist.parse)(exampleText))) {
        if (env.has(key))
            continue;
        if (fallback === '')
            missing.push(key);
        else
            env.set(key, fallback);
    }
    return {
        env: new Map([...env].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
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
        try {
            const response = await doFetch(url, {
                redirect: 'manual',
                signal: AbortSignal.timeout(options.requestTimeoutMs ?? 5000)
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

;// CONCATENATED MODULE: ./src/deploy/lock.ts




async function acquireLock(lockDir, options) {
    const owner = options.owner ?? currentOwner();
    const isAlive = options.isAlive ?? ownerIsAlive;
    const sleep = options.sleep ?? ((ms) => new Promise(r => setTimeout(r, ms)));
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
        if (now() >= deadline) {
            throw new errors/* ActionError */.lZ(`Another job holds the deploy lock ${lockDir}${holder ? ` (pid ${holder.pid} on ${holder.host})` : ''} and did not release it within ${Math.round(options.timeoutMs / 1000)} s. If no deploy is running, delete that folder.`);
        }
        if (!waited)
            options.onWait?.(holder);
        waited = true;
        await sleep(options.pollMs ?? 1000);
    }
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
    return release;
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
function ownerIsAlive(owner) {
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
/** Tags the running images of a good deploy, before it is recorded. */
async function keepImages(run, deployment, containers) {
    const saved = new Map();
    for (const c of containers) {
        if (c.service === '' || saved.has(c.service))
            continue;
        const tag = imageTag(deployment, c.service);
        await docker(run, ['tag', c.imageId, tag]);
        saved.set(c.service, { service: c.service, imageId: c.imageId, imageRef: c.imageRef, tag });
    }
    return [...saved.values()];
}
/**
 * Drops the deployment's tags except those of `kept`: after a record is written, the tags of
 * services it no longer has (until then a rollback may still need those images); with nothing
 * kept, all of them (remove, or a failed first deploy).
 */
async function dropStaleImageTags(run, deployment, kept) {
    const keep = new Set(kept.map(s => s.tag));
    for (const tag of await imageTags(run, deployment)) {
        if (!keep.has(tag))
            await runDocker(run, ['image', 'rm', tag]);
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
async function restoreImageTags(run, log, images) {
    for (const image of images) {
        await pointBack(run, log, image, image.tag, 'a later rollback may not find it');
    }
}
/**
 * Brings the last good deploy back up: its resolved compose config, from memory on stdin, with
 * the .env it ran with (envFile of target, which the caller has restored: compose needs it for
 * secrets and configs taken from a variable, which the resolved config still names), and its
 * images; returns compose's result. A retag that fails is a warning, not the end of the
 * rollback: compose up still runs and says whether the image it needs is there.
 */
async function rollBack(run, log, target, lastGood, waitTimeoutSeconds) {
    for (const image of lastGood.images) {
        if (needsRetag(image.imageRef)) {
            await pointBack(run, log, image, image.imageRef, 'bringing the previous version up anyway');
        }
    }
    const previous = { ...target, files: [], config: lastGood.config };
    return composeUp(run, previous, { waitTimeoutSeconds, build: false });
}
async function pointBack(run, log, image, name, otherwise) {
    try {
        await docker(run, ['tag', image.imageId, name]);
    }
    catch (error) {
        log.warning(`Could not point ${name} back at the saved image of ${image.service} (${(0,errors/* errorMessage */.gJ)(error)}); ${otherwise}.`);
    }
}
async function imageTags(run, deployment) {
    const out = await docker(run, [
        'image',
        'ls',
        '--format',
        '{{.Repository}}:{{.Tag}}',
        `launch-service-rollback/${deployment}`
    ]);
    return out.split('\n').filter(line => line.trim() !== '' && !line.endsWith(':<none>'));
}

;// CONCATENATED MODULE: ./src/deploy/state.ts





/**
 * What the runner keeps between jobs, per deployment (all 0600 in 0700 folders, because the
 * resolved compose config and the .env copy hold secret values):
 *
 *   <root>/<deployment>.lock/   the lock (see lock.ts), beside the state so removing state never races it
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
        lock: (0,external_node_path_.join)(root, `${deployment}.lock`)
    };
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

;// CONCATENATED MODULE: ./src/deploy/deploy.ts









/** Takes the deployment's lock on this host, waiting (and saying so) while another job holds it. */
function lockDeployment(deps, deployment) {
    return acquireLock(statePaths(deps.stateRoot, deployment).lock, {
        timeoutMs: deps.lockTimeoutMs ?? lockTimeoutMs(),
        onWait: holder => deps.log.info(`Waiting for another job on ${deployment}${holder ? ` (pid ${holder.pid})` : ''} to finish...`)
    });
}
/**
 * Deploys one deployment: secrets/vars → .env → `compose up --build --wait` → health-url.
 * Errors found before anything changes are thrown (nothing on disk changed); a failure after
 * the switch is rolled back and returned as the result, with the reason.
 */
async function deploy(inputs, deps) {
    const { run, log, masker } = deps;
    const { service } = inputs;
    const serviceDir = (0,external_node_path_.resolve)(deps.workspace, inputs.path);
    if (!isDirectory(serviceDir)) {
        throw new errors/* InputError */.dz('path', `folder '${inputs.path}' does not exist in the workspace`, 'Check the repository out first (actions/checkout) and pass the service folder, e.g. services/my-service.');
    }
    // 1. Everything that can be checked without touching anything.
    const selected = withDeploymentUrl(selectEnv(inputs.secrets, inputs.vars, service, inputs.deployment), inputs.url);
    // Secrets are masked; variables are not, as on GitHub: masking a short value such as a port
    // or "1" would garble the whole log.
    const fromSecrets = selectEnv(inputs.secrets, {}, service, inputs.deployment);
    const secretKeys = [...selected]
        .filter(([key, value]) => fromSecrets.get(key) === value)
        .map(([key]) => key);
    for (const key of secretKeys)
        masker.add(selected.get(key) ?? '');
    const { env, missing } = applyExample(selected, readIfExists((0,external_node_path_.join)(serviceDir, '.env.example')));
    if (missing.length > 0) {
        const urlHint = missing.includes(DEPLOYMENT_URL_KEY)
            ? ` ${DEPLOYMENT_URL_KEY} is the deployment's public URL (input url, matrix.url): make the deployment public with a hostname in Terraform.`
            : '';
        throw new errors/* ActionError */.lZ(`${inputs.path}/.env.example needs values for: ${missing.join(', ')}. Add a secret or variable named ${envPrefix(service)}<KEY> (or ${envPrefix(inputs.deployment)}<KEY> for this deployment only), or give the key a default in .env.example.${urlHint}`);
    }
    const envText = encodeEnvFile(env, inputs.deployment);
    const composeFile = findComposeFile(serviceDir, inputs.path, inputs.composeFile);
    await checkDocker(run);
    log.info(`Deploying ${inputs.deployment} (service ${service}) with ${env.size} variable(s) in ${inputs.envFile}: ${[...env.keys()].join(', ') || 'none'}`);
    const paths = statePaths(deps.stateRoot, inputs.deployment);
    const release = await lockDeployment(deps, inputs.deployment);
    try {
        const lastGood = readLastGood(paths);
        const envPath = (0,external_node_path_.join)(serviceDir, inputs.envFile);
        const envBefore = readIfExists(envPath);
        // The previous run's secrets may show up in logs too (a rollback runs them again).
        if (lastGood)
            for (const value of configEnvValues(lastGood.config, lastGood.keys))
                masker.add(value);
        // 2. Write the new .env and let compose validate the project with it.
        writeFileAtomic(envPath, envText);
        const target = {
            project: inputs.deployment,
            files: [composeFile],
            envFile: envPath,
            cwd: serviceDir
        };
        let config;
        let before;
        try {
            config = await resolveConfig(run, target, inputs.path);
            before = await projectContainers(run, inputs.deployment);
        }
        catch (error) {
            restoreFile(envPath, envBefore);
            throw error;
        }
        // 3. Switch. Until the record is written, every failure, reported or thrown, goes through
        // recover().
        const context = { inputs, deps, paths, lastGood, envPath, envBefore, target, before, service };
        const { waitTimeoutSeconds } = inputs;
        let after;
        let recording = false;
        let failure;
        let images;
        try {
            log.info(`Starting ${inputs.deployment}: docker compose up --build --wait (timeout ${waitTimeoutSeconds} s)`);
            failure = await up(deps, target, { waitTimeoutSeconds, build: true });
            if (failure === undefined &&
                lastGood !== undefined &&
                (config !== lastGood.config || envText !== lastGood.env) &&
                sameContainers(before, await projectContainers(run, inputs.deployment))) {
                // Compose compares services only: a secret or config whose content comes from a variable
                // (`environment:`, `content: "${X}"`) can change while every container is kept.
                log.info('The compose config or .env changed but compose kept every container: recreating them.');
                failure = await up(deps, target, { waitTimeoutSeconds, build: false, forceRecreate: true });
            }
            if (failure === undefined && inputs.healthUrl !== undefined) {
                const health = await waitForHealthUrl(inputs.healthUrl, {
                    timeoutMs: waitTimeoutSeconds * 1000,
                    fetch: deps.fetch
                });
                if (health.ok)
                    log.info(`${inputs.healthUrl} answered HTTP ${health.status}`);
                else
                    failure = `health-url check failed: ${health.reason}`;
            }
            after = await projectContainers(run, inputs.deployment);
            if (failure !== undefined)
                return await recover({ ...context, after, failure, recording });
            images = await keepImages(run, inputs.deployment, after);
            recording = true;
            writeLastGood(paths, { config, env: envText, images, keys: secretKeys });
        }
        catch (error) {
            const thrown = (0,errors/* errorMessage */.gJ)(error);
            if (failure !== undefined)
                log.warning(thrown);
            failure ??= `The deploy failed after docker compose up had started: ${thrown}`;
            return await recover({ ...context, after, failure, recording });
        }
        // Recorded: this version is the last good one now, so nothing from here on rolls it back.
        await dropStaleImageTags(run, inputs.deployment, images).catch((error) => log.warning(`Could not remove old image tags: ${(0,errors/* errorMessage */.gJ)(error)}`));
        const unchanged = before.length > 0 && sameContainers(before, after);
        log.info(unchanged
            ? 'Nothing changed: no container was recreated.'
            : `Deployed: ${after.map(c => c.name).join(', ')}`);
        return { status: unchanged ? 'unchanged' : 'deployed', service };
    }
    finally {
        release();
    }
}
/** Runs `compose up`, shows its output, and returns why it failed (undefined when it did not). */
async function up(deps, target, options) {
    const result = await composeUp(deps.run, target, options);
    const command = `docker compose up${options.forceRecreate ? ' --force-recreate' : ''}`;
    deps.log.group(command, `${result.stdout}${result.stderr}`);
    if (result.exitCode === 0)
        return undefined;
    return `${command} failed (exit code ${result.exitCode}): ${lastLine(result.stderr) || lastLine(result.stdout)}`;
}
/**
 * A failed switch: show why, forget the failed version, then go back to what ran before.
 * Never throws: whatever goes wrong on the way back ends up in the failure it returns.
 */
async function recover(f) {
    const { run, log } = f.deps;
    const failed = (why) => ({
        status: 'failed',
        service: f.service,
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
    // keepImages may have moved our tags to the failed version's images: whatever happens next,
    // they must name the images of the record again, or those could be pruned. Without a record
    // no tag is needed.
    await bestEffort(log, 'point the rollback tags back at the saved images', () => f.lastGood === undefined
        ? dropStaleImageTags(run, f.inputs.deployment, [])
        : restoreImageTags(run, log, f.lastGood.images));
    await bestEffort(log, 'show the failing containers', async () => reportFailure(run, f.after ?? (await projectContainers(run, f.inputs.deployment)), log));
    if (!f.inputs.rollback) {
        return failed('rollback is false, so the failed version was left as it is.');
    }
    if (f.lastGood !== undefined) {
        try {
            log.info('Rolling back to the last good deploy (its compose config, .env and images)...');
            writeFileAtomic(f.envPath, f.lastGood.env);
            const back = await rollBack(run, log, f.target, f.lastGood, f.inputs.waitTimeoutSeconds);
            log.group('docker compose up (rollback)', `${back.stdout}${back.stderr}`);
            if (back.exitCode !== 0)
                return failed(`Rolling back failed too: ${lastLine(back.stderr)}`);
        }
        catch (error) {
            return failed(`Rolling back failed too: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
        return {
            status: 'rolled-back',
            service: f.service,
            failure: `${f.failure}. Rolled back to the previous version, which is running again.`
        };
    }
    if (f.before.length === 0) {
        const notRemoved = (why) => failed(`Removing the failed first deploy failed too: ${why}`);
        try {
            const down = await composeDown(run, f.target);
            log.group('docker compose down', `${down.stdout}${down.stderr}`);
            if (down.exitCode !== 0) {
                return notRemoved(lastLine(down.stderr) || `exit code ${down.exitCode}`);
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
async function bestEffort(log, what, step) {
    try {
        await step();
    }
    catch (error) {
        log.warning(`Could not ${what}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
function sameContainers(a, b) {
    const x = a.map(c => c.id).sort();
    const y = b.map(c => c.id).sort();
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
            register(value);
            for (const line of value.split(/\r?\n|\r/))
                register(line);
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

;// CONCATENATED MODULE: ./src/deploy/remove.ts








/**
 * Tears a deployment down: `docker compose down --remove-orphans` for the project, from the saved
 * config of the last good deploy (the service folder may be gone) or else by the project's labels;
 * then deletes its .env, its launch-service image tags and its state. Removing twice is fine.
 */
async function remove(inputs, deps) {
    const { run, log } = deps;
    await checkDocker(run);
    const paths = statePaths(deps.stateRoot, inputs.deployment);
    const release = await lockDeployment(deps, inputs.deployment);
    try {
        const lastGood = readLastGood(paths);
        for (const value of configEnvValues(lastGood?.config, lastGood?.keys ?? [])) {
            deps.masker.add(value);
        }
        const byLabel = { project: inputs.deployment, files: [], cwd: deps.scratchDir };
        let down = lastGood
            ? await composeDown(run, {
                project: inputs.deployment,
                files: [paths.config],
                cwd: paths.dir
            })
            : await composeDown(run, byLabel);
        if (down.exitCode !== 0 && lastGood) {
            log.warning(`docker compose down with the saved config failed (${down.stderr.trim()}); removing by project label instead.`);
            down = await composeDown(run, byLabel);
        }
        log.group('docker compose down', `${down.stdout}${down.stderr}`);
        if (down.exitCode !== 0) {
            throw new errors/* ActionError */.lZ(`docker compose down for ${inputs.deployment} failed: ${down.stderr.trim()}`);
        }
        await dropStaleImageTags(run, inputs.deployment, []);
        if (inputs.path !== undefined)
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)((0,external_node_path_.resolve)(deps.workspace, inputs.path), inputs.envFile), { force: true });
        deleteState(paths);
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

;// CONCATENATED MODULE: ./src/deploy/command.ts













/**
 * A pull request may come from a fork, and a merge queue candidate may never be merged: both may
 * plan, neither may change a host.
 */
const REFUSED_EVENTS = ['pull_request', 'pull_request_target', 'merge_group'];
function refuseUntrustedEvents(command) {
    const event = process.env.GITHUB_EVENT_NAME ?? '';
    if (REFUSED_EVENTS.includes(event)) {
        throw new errors/* InputError */.dz('command', `${command} does not run for ${event} events`, 'Deploy from push or workflow_dispatch; use command: plan in pull requests and merge queues.');
    }
}
/** `command: deploy` — the @actions/core edges around deploy(). */
async function deployCommand() {
    await step('deploy', async (facts, masker) => {
        refuseUntrustedEvents('deploy');
        const inputs = (0,src_inputs/* getDeployInputs */.Z0)(core/* getInput */.V4);
        // Mask every secret handed to the step, not only the selected ones (vars are not secret).
        for (const value of Object.values(inputs.secrets))
            masker.add(value);
        Object.assign(facts, {
            deployment: inputs.deployment,
            service: inputs.service,
            url: inputs.url ?? inputs.healthUrl
        });
        const result = await deploy(inputs, stepDeps(masker));
        facts.status = result.status;
        return result.failure;
    });
}
/** `command: remove` — the @actions/core edges around remove(). */
async function removeCommand() {
    await step('remove', async (facts, masker) => {
        refuseUntrustedEvents('remove');
        const inputs = (0,src_inputs/* getRemoveInputs */.uj)(core/* getInput */.V4);
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
    const masker = createMasker(core/* setSecret */.Pq);
    const facts = {
        command,
        deployment: core/* getInput */.V4('deployment').trim() || '—',
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
    core/* setOutput */.uH('status', done.status);
    core/* setOutput */.uH('url', reason === undefined ? (done.url ?? '') : '');
    try {
        await core/* summary */.z
            .addHeading(escapeHtml(summaryTitle(done)), 3)
            .addTable(summaryRows(done).map(([name, value]) => [{ data: name, header: true }, escapeHtml(value)]))
            .write();
    }
    catch (error) {
        core/* warning */.$e(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    if (reason !== undefined)
        throw new errors/* ActionError */.lZ(reason);
}
/** The real edges: @actions/exec, the runner's workspace and state folder, core's log (redacted). */
function stepDeps(masker) {
    return {
        run: exec/* runCommand */.d1,
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        stateRoot: stateRoot(),
        lockTimeoutMs: lockTimeoutMs(),
        masker,
        log: redactingLog(coreLog, masker)
    };
}
const coreLog = {
    info: message => core/* info */.pq(message),
    warning: message => core/* warning */.$e(message),
    group: (title, body) => {
        core/* startGroup */.Oh(title);
        core/* info */.pq(body);
        core/* endGroup */.N4();
    }
};
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}


/***/ })

};
