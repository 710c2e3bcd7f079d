/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 161:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ COMPOSE_FILES)
/* harmony export */ });
/** The compose file names `docker compose` itself looks for, in its order of preference. */
const COMPOSE_FILES = [
    'compose.yaml',
    'compose.yml',
    'docker-compose.yaml',
    'docker-compose.yml'
];


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/**
 * A problem with what the user gave us. The message names the input and says how to fix it;
 * main.ts prints it as is, without a stack trace.
 */
class InputError extends Error {
    input;
    constructor(input, problem, fix) {
        super(`Input '${input}': ${problem}. ${fix}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** A problem found while doing the work (git, docker, terraform) with an actionable message. */
class ActionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ActionError';
    }
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 4981:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  v$: () => (/* binding */ CommandNotFoundError),
  Ez: () => (/* binding */ runCommandInBackground),
  yQ: () => (/* binding */ runCommandSync),
  nj: () => (/* binding */ spawnCommand),
  S0: () => (/* binding */ startCommand)
});

// UNUSED EXPORTS: runCommand

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = require("node:child_process");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/exec.ts




/** The program could not be started: not on PATH (or not executable). */
class CommandNotFoundError extends Error {
    command;
    constructor(command, reason) {
        super(`Cannot run ${command}: ${reason}`);
        this.command = command;
        this.name = 'CommandNotFoundError';
    }
}
const exitCode = (code, signal) => code ?? 128 + (signal ? external_node_os_.constants.signals[signal] : 0);
function startError(command, error, cwd) {
    const code = error.code;
    // spawn says ENOENT for a missing working directory too: that is not the program's absence.
    if (code === 'ENOENT' && cwd !== undefined && !(0,external_node_fs_.existsSync)(cwd))
        return new Error(`Cannot run ${command} in ${cwd}: that folder does not exist`);
    return code === 'ENOENT' || code === 'EACCES'
        ? new CommandNotFoundError(command, code === 'ENOENT' ? 'not found on PATH' : 'not executable')
        : error;
}
// After the program exits, how long a grandchild that inherited its stdout may keep it open.
const DRAIN_MS = 10_000;
/**
 * The real Runner: node's spawn, output collected as raw chunks and decoded once at the end (a
 * multi-byte character split across chunks stays whole; no per-line work on large outputs).
 */
const runCommand = (command, args, options) => spawnCommand(command, args, options);
/** runCommand, with the hooks deploy's process groups need. */
function spawnCommand(command, args, options = {}, hooks = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
            cwd: options.cwd,
            env: options.env,
            detached: hooks.detached ?? false,
            // Without input, stdin is /dev/null: at its end at once, nothing can wait for a keyboard.
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
        });
        if (child.pid !== undefined)
            hooks.onStart?.(child.pid);
        const stdout = [];
        const stderr = [];
        child.stdout?.on('data', (chunk) => stdout.push(chunk));
        child.stderr?.on('data', (chunk) => stderr.push(chunk));
        let drain;
        child.on('exit', () => {
            drain = setTimeout(() => {
                child.stdout?.destroy();
                child.stderr?.destroy();
            }, DRAIN_MS);
            drain.unref();
        });
        child.on('error', error => {
            clearTimeout(drain);
            reject(startError(command, error, options.cwd));
        });
        child.on('close', (code, signal) => {
            clearTimeout(drain);
            resolve({
                exitCode: exitCode(code, signal),
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8')
            });
        });
        // A program that exits without reading its input is judged by its exit code, not EPIPE.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(options.input);
    });
}
/**
 * The same, blocking until the program ends: node's spawnSync gathers the output in native
 * buffers, without the streams spawn sets up (about 1.5 ms less CPU per process). For plan's short
 * git commands, run one after another; deploy's long ones keep runCommand, which leaves the event
 * loop free for signals.
 */
const runCommandSync = async (command, args, options = {}) => {
    const result = (0,external_node_child_process_namespaceObject.spawnSync)(command, args, {
        cwd: options.cwd,
        env: options.env,
        input: options.input ?? '',
        maxBuffer: MAX_OUTPUT
    });
    if (result.error)
        throw startError(command, result.error, options.cwd);
    return {
        exitCode: exitCode(result.status, result.signal),
        stdout: result.stdout.toString('utf8'),
        stderr: result.stderr.toString('utf8')
    };
};
/**
 * Like runCommand, for a program that runs while the caller works on: its input comes from, and
 * its output goes to, unnamed temporary files (created 0600 and unlinked at once, so nothing is
 * left behind, even if the process is killed); the output is read when it exits. Unlike pipes,
 * files need no streams: the first spawn with pipes costs a few ms of set-up, about the time plan
 * wins by running git alongside.
 */
const runCommandInBackground = (command, args, options = {}) => {
    const { input } = options;
    if (input === undefined)
        return spawnToFiles(command, args, options, 'ignore').ended;
    const stdin = unnamedFile();
    // Written at offset 0 without moving the file's offset: the program reads it from the start.
    (0,external_node_fs_.writeSync)(stdin, input, 0, input.length, 0);
    const { ended } = spawnToFiles(command, args, options, stdin);
    return ended.finally(() => (0,external_node_fs_.closeSync)(stdin));
};
/**
 * Starts a program now and gives it its input later, through a pipe: for a short command whose
 * input is known only after other work, so that the program has started up by then. Output as
 * runCommandInBackground. Until it has its input, nothing of this process waits for it: given
 * none, it reads end-of-input when this process exits, and ends.
 */
function startCommand(command, args, options = {}) {
    const { child, ended } = spawnToFiles(command, args, options, 'pipe');
    // A pipe is a socket, which can be left out of what keeps this process running.
    const stdin = child.stdin;
    // A program that exits without reading its input is judged by its exit code, not EPIPE.
    stdin.on('error', () => undefined);
    child.unref();
    stdin.unref();
    // Never given its input, its failure to start is nobody's error.
    ended.catch(() => undefined);
    return input => {
        child.ref();
        stdin.end(input);
        return ended;
    };
}
/** Starts a program whose output goes to two unnamed files, read when it has exited. */
function spawnToFiles(command, args, options, stdin) {
    const stdout = unnamedFile();
    const stderr = unnamedFile();
    const done = () => {
        (0,external_node_fs_.closeSync)(stdout);
        (0,external_node_fs_.closeSync)(stderr);
    };
    const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
        cwd: options.cwd,
        env: options.env,
        stdio: [stdin, stdout, stderr]
    });
    const ended = new Promise((resolve, reject) => {
        child.on('error', error => {
            done();
            reject(startError(command, error, options.cwd));
        });
        child.on('exit', (code, signal) => {
            const result = {
                exitCode: exitCode(code, signal),
                stdout: readWhole(stdout),
                stderr: readWhole(stderr)
            };
            done();
            resolve(result);
        });
    });
    return { child, ended };
}
function unnamedFile() {
    const path = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `launch-service-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const fd = (0,external_node_fs_.openSync)(path, 'wx+', 0o600);
    (0,external_node_fs_.unlinkSync)(path);
    return fd;
}
/** From the start: the program moved the shared file offset to the end. */
function readWhole(fd) {
    const buffer = Buffer.alloc((0,external_node_fs_.fstatSync)(fd).size);
    let at = 0;
    while (at < buffer.length) {
        const read = (0,external_node_fs_.readSync)(fd, buffer, at, buffer.length - at, at);
        if (read === 0)
            break;
        at += read;
    }
    return buffer.toString('utf8', 0, at);
}
// spawnSync's default limit is 1 MiB; a recursive listing of a large repository is more.
const MAX_OUTPUT = 1024 ** 3;


/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Mj: () => (/* binding */ getNewDeploymentsInputs),
/* harmony export */   OE: () => (/* binding */ getCommand),
/* harmony export */   Z0: () => (/* binding */ getDeployInputs),
/* harmony export */   uj: () => (/* binding */ getRemoveInputs),
/* harmony export */   zb: () => (/* binding */ getPlanInputs)
/* harmony export */ });
/* unused harmony exports COMMANDS, lines, MAX_WAIT_TIMEOUT_SECONDS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6455);


const COMMANDS = ['plan', 'deploy', 'remove', 'new-deployments'];
function getCommand(read) {
    const value = read('command').trim();
    if (COMMANDS.includes(value))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('command', value === '' ? 'is required' : `unknown command '${value}'`, `Use one of: ${COMMANDS.join(', ')}.`);
}
function getPlanInputs(read) {
    const deployments = read('deployments').trim() || undefined;
    const terraformDir = read('terraform-dir').trim() || undefined;
    if (deployments && terraformDir) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('deployments', 'both deployments and terraform-dir are set', 'Set only one: deployments (JSON or a file) or terraform-dir (runs terraform output -json deployments).');
    }
    const publishedVars = deployments || terraformDir ? undefined : stringMap(read, 'vars');
    if (publishedVars !== undefined && Object.keys(publishedVars).length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('deployments', 'none of deployments, terraform-dir or vars is set', 'Pass vars: ${{ toJSON(vars) }} (the deployments Terraform publishes), the terraform output as deployments (JSON text or a file path), or set terraform-dir.');
    }
    const servicesDir = repoPath(read, 'services-dir', 'services');
    return {
        deployments,
        terraformDir: terraformDir === undefined ? undefined : repoPath(read, 'terraform-dir'),
        publishedVars,
        servicesDir,
        base: optionalRevision(read, 'base'),
        head: optionalRevision(read, 'head'),
        services: serviceSelection(read),
        onlyDeployments: nameList(read('only-deployments'), 'only-deployments', 'deployment names', 'deployment names'),
        sharedPaths: lines(read('shared-paths')),
        compareWith: compareWith(read),
        githubToken: read('github-token').trim()
    };
}
function getDeployInputs(read) {
    const deployment = requiredName(read, 'deployment');
    const path = repoPath(read, 'path');
    return {
        deployment,
        path,
        service: serviceName(read, path),
        secrets: stringMap(read, 'secrets'),
        vars: stringMap(read, 'vars'),
        envFile: envFileName(read),
        composeFile: read('compose-file').trim() ? fileName(read, 'compose-file') : undefined,
        waitTimeoutSeconds: positiveInteger(read, 'wait-timeout', 300, MAX_WAIT_TIMEOUT_SECONDS),
        healthUrl: optionalUrl(read, 'health-url'),
        url: optionalUrl(read, 'url'),
        rollback: boolean(read, 'rollback', true)
    };
}
function getRemoveInputs(read) {
    const path = read('path').trim() ? repoPath(read, 'path') : undefined;
    return {
        deployment: requiredName(read, 'deployment'),
        path,
        service: path === undefined && read('service').trim() === ''
            ? undefined
            : serviceName(read, path ?? ''),
        envFile: envFileName(read)
    };
}
/** new-deployments: the JSON of a saved plan, usually in the runner's temporary folder. */
function getNewDeploymentsInputs(read) {
    const terraformPlan = read('terraform-plan').trim();
    if (terraformPlan === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('terraform-plan', 'is required', 'Pass the path of a file holding `terraform show -json <planfile>`.');
    }
    return { terraformPlan };
}
// ---- helpers ---------------------------------------------------------------------------------
function lines(value) {
    return value
        .split(/[\r\n]+/)
        .map(l => l.trim())
        .filter(l => l !== '' && !l.startsWith('#'));
}
function requiredName(read, name) {
    const value = read(name).trim();
    if (value === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'is required', `Pass ${name}: \${{ matrix.${name} }}.`);
    if (!(0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidName */ .uV)(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${value}' is not a valid name`, 'Use lower-case letters, digits and dashes, starting with a letter or digit, at most 63 characters.');
    }
    return value;
}
function compareWith(read) {
    const value = read('compare-with').trim() || 'event';
    if (value === 'event' || value === 'last-successful-run')
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('compare-with', `'${value}' is not a choice`, 'Use event or last-successful-run.');
}
function serviceName(read, path) {
    if (read('service').trim() !== '')
        return requiredName(read, 'service');
    const folder = path.split('/').pop() ?? '';
    if (!(0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidName */ .uV)(folder)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('service', `is not set and the folder name '${folder}' of path is not a valid service name`, 'Pass service: ${{ matrix.service }}.');
    }
    return folder;
}
function repoPath(read, name, fallback) {
    const raw = read(name).trim() || fallback;
    if (raw === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'is required', `Pass a folder path for ${name}.`);
    const value = (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .normaliseRepoPath */ .Gn)(raw);
    if (value === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${raw}' is not a relative path inside the repository`, 'Use a path like services/my-service, without .. or a leading /.');
    }
    return value;
}
function fileName(read, name, fallback) {
    const value = read(name).trim() || fallback || '';
    if (!/^[A-Za-z0-9._-]+$/.test(value) || value === '.' || value === '..') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${value}' is not a plain file name`, 'Give a file name inside the service folder, like .env or compose.yaml (no slashes).');
    }
    return value;
}
/** The env file is written on deploy and deleted on remove: never a compose file or .env.example. */
function envFileName(read) {
    const value = fileName(read, 'env-file', '.env');
    const composeFile = read('compose-file').trim();
    if (/^(docker-)?compose\.ya?ml$/.test(value) ||
        value === composeFile ||
        value === '.env.example') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('env-file', `'${value}' is a file of the service (its compose file or .env.example), which the action would overwrite and delete`, 'Name the env file the compose file reads, like .env.');
    }
    return value;
}
function optionalRevision(read, name) {
    const value = read(name).trim();
    if (value === '')
        return undefined;
    // A revision reaches git's command line: refuse anything that git could read as an option.
    if (value.startsWith('-') || !/^[A-Za-z0-9._/@^~{}-]+$/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${value}' is not a commit`, 'Pass a commit SHA, branch or tag name.');
    }
    return value;
}
function serviceSelection(read) {
    const names = nameList(read('services'), 'services', 'service names', "'all' or folder names under services-dir");
    if (names?.length === 1 && names[0] === 'all')
        return 'all';
    return names;
}
/**
 * Names separated by commas or new lines, or a JSON array of them (new-deployments' output), each
 * checked ('all' passes through for services); undefined if none.
 */
function nameList(text, input, noun, what) {
    const raw = text.trim();
    let names;
    if (raw.startsWith('[')) {
        try {
            names = JSON.parse(raw);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, 'is not a JSON array', `Use ${what}, separated by commas.`);
        }
        if (!Array.isArray(names))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, 'is not a JSON array', `Use ${what}, separated by commas.`);
    }
    else {
        names = raw.split(/[\s,]+/).filter(s => s !== '');
    }
    if (names.length === 0)
        return undefined;
    if (names.length === 1 && names[0] === 'all' && input === 'services')
        return ['all'];
    const bad = names.filter(n => typeof n !== 'string' || !(0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidName */ .uV)(n));
    if (bad.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `not valid ${noun}: ${bad.map(b => (typeof b === 'string' ? b : JSON.stringify(b))).join(', ')}`, `Use ${what}, separated by commas or new lines.`);
    }
    return [...new Set(names)].sort();
}
function stringMap(read, name) {
    const raw = read(name).trim();
    if (raw === '')
        return {};
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch {
        // Never echo the text: it is normally toJSON(secrets).
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'is not valid JSON', `Pass \${{ toJSON(${name}) }} or a JSON object of strings.`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'is not a JSON object', `Pass \${{ toJSON(${name}) }} or a JSON object of strings.`);
    }
    const out = {};
    for (const [key, value] of Object.entries(parsed)) {
        if (typeof value === 'string')
            out[key] = value;
        else if (typeof value === 'number' || typeof value === 'boolean')
            out[key] = String(value);
        else
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `entry '${key}' is not a string`, 'Every value must be a string.');
    }
    return out;
}
/** A day: longer than any job may run on a GitHub-hosted runner, short of overflowing compose. */
const MAX_WAIT_TIMEOUT_SECONDS = 86_400;
function positiveInteger(read, name, fallback, max) {
    const raw = read(name).trim();
    if (raw === '')
        return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${raw}' is not a whole number of seconds from 1 to ${max}`, 'Pass a number like 300.');
    }
    return Number(raw);
}
function optionalUrl(read, name) {
    const raw = read(name).trim();
    if (raw === '')
        return undefined;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${raw}' is not a URL`, 'Pass a full http:// or https:// URL.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${raw}' is not an http(s) URL`, 'Pass a full http:// or https:// URL.');
    }
    return raw;
}
function boolean(read, name, fallback) {
    const raw = read(name).trim().toLowerCase();
    if (raw === '')
        return fallback;
    if (raw === 'true')
        return true;
    if (raw === 'false')
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${raw}' is not true or false`, 'Pass true or false.');
}


/***/ }),

/***/ 6455:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ normaliseRepoPath),
/* harmony export */   In: () => (/* binding */ envPrefix),
/* harmony export */   MP: () => (/* binding */ compareNames),
/* harmony export */   QL: () => (/* binding */ isValidContractPath),
/* harmony export */   lH: () => (/* binding */ LABEL_SOURCE),
/* harmony export */   su: () => (/* binding */ NAME_SOURCE),
/* harmony export */   uV: () => (/* binding */ isValidName),
/* harmony export */   zJ: () => (/* binding */ isValidLabel)
/* harmony export */ });
/* unused harmony exports NAME_PATTERN, LABEL_PATTERN, CONTRACT_PATH_SOURCE */
/**
 * Every name that reaches a command line, a path, a runner label or a DNS record passes through
 * here first. One rule per concept, shared by plan, deploy and remove.
 */
/**
 * Service and deployment names (README "The deployments contract"): DNS-label-like, also valid
 * compose project names. Terraform's copy of the rule is in infrastructure/modules/runner; the
 * shared table __tests__/fixtures/contract/names.json is run through both.
 */
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** GitHub runner labels: no commas (config.sh splits on them), no whitespace or control characters. */
const LABEL_SOURCE = '[A-Za-z0-9][A-Za-z0-9._-]{0,99}';
const LABEL_PATTERN = new RegExp(`^${LABEL_SOURCE}$`);
/**
 * The contract's pattern, minus two things it lets through that break downstream: a trailing '-'
 * (invalid as a DNS label and as an image tag) and '--' (service 'foo' would select the secrets
 * FOO__BAR__KEY meant for service 'foo--bar').
 */
function isValidName(name) {
    return VALID_NAME.test(name);
}
/**
 * NAME_PATTERN minus a trailing '-' and '--': 1 to 63 characters, letters and digits joined by
 * single '-'. Written without anchors so that the same rule reads names inside a larger text
 * (src/deployments/terraform-text.ts).
 */
const NAME_SOURCE = '(?=[a-z0-9-]{1,63}(?![a-z0-9-]))[a-z0-9](?:-?[a-z0-9])*';
const VALID_NAME = new RegExp(`^${NAME_SOURCE}$`);
/**
 * Orders names by code unit. Names are checked ASCII, so this is the order everyone expects, and
 * unlike localeCompare it does not load ICU's collator (tens of ms at start-up).
 */
function compareNames(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** `web-app` → `WEB_APP__`: the prefix that selects a secret or variable for a service or deployment. */
function envPrefix(name) {
    return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}__`;
}
function isValidLabel(label) {
    return LABEL_PATTERN.test(label);
}
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\\\0-\x1f\x7f]/;
/** Non-empty segments separated by single slashes, none of them `.` or `..`. */
const NORMAL_PATH = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/;
/**
 * A relative path inside the repository: no absolute paths, no `..` segments, no backslashes or
 * control characters. Returns the normalised form (no `./`, no trailing slash) or undefined.
 */
function normaliseRepoPath(value) {
    if (value === '' || value.startsWith('/') || CONTROL.test(value))
        return undefined;
    // Already normal (the usual case, checked without building arrays: plan checks thousands).
    if (NORMAL_PATH.test(value))
        return value;
    const segments = value.split('/').filter(s => s !== '' && s !== '.');
    if (segments.length === 0 || segments.some(s => s === '..'))
        return undefined;
    return segments.join('/');
}
/**
 * A service folder in the `deployments` contract, as Terraform's `path` validation in
 * infrastructure/modules/runner writes it (shared table: __tests__/fixtures/contract/names.json):
 * `/`-separated segments of letters, digits, `.`, `_`, `-`, none of them `.` or `..`, no leading,
 * trailing or double `/`. The repository root (".") is not a service folder.
 */
function isValidContractPath(value) {
    // The expression takes one backtracking entry per segment: V8's stack gives out near four
    // million of them. Past any sane length, the same rule segment by segment.
    if (value.length > LONG_PATH)
        return value.split('/').every(s => EXACT_SEGMENT.test(s));
    return CONTRACT_PATH.test(value);
}
const LONG_PATH = 65_536;
// A segment is '.' or '..' when its dots are not followed by another segment character. Without
// anchors, so that the same rule reads paths inside a larger text; one expression, no split (plan
// checks thousands of paths).
const SEGMENT = '(?!\\.\\.?(?![A-Za-z0-9._-]))[A-Za-z0-9._-]+';
const CONTRACT_PATH_SOURCE = `${SEGMENT}(?:/${SEGMENT})*`;
const CONTRACT_PATH = new RegExp(`^${CONTRACT_PATH_SOURCE}$`);
const EXACT_SEGMENT = new RegExp(`^${SEGMENT}$`);


/***/ }),

/***/ 2986:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Gu: () => (/* binding */ getState),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   N4: () => (/* binding */ endGroup),
/* harmony export */   Oh: () => (/* binding */ startGroup),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   jb: () => (/* binding */ summaryTable),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony export error */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The few GitHub Actions runner commands the action needs, in exactly the formats @actions/core
 * writes (its 3.x source: command.ts, file-command.ts, summary.ts), without loading it:
 * @actions/core bundles an HTTP client for OIDC (about 1 MB with undici) that costs plan more
 * start-up time than all of its work, and deploy a tenth of its overhead over a bare
 * `docker compose up`. __tests__/workflow.test.ts checks both write the same.
 */
/** `core.getInput`: INPUT_<NAME> (spaces to `_`, upper case), trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/** `core.getState`: what the main step saved with `core.saveState`, for its post step. */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
/** Workflow command data: `%`, CR and LF would end or garble the command. */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Workflow command property values: also `:` and `,`, which would end the property. */
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function issue(command, message) {
    process.stdout.write(`::${command}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
}
/** Starts a foldable group of log lines (`core.startGroup`). */
function startGroup(name) {
    issue('group', name);
}
function endGroup() {
    issue('endgroup', '');
}
function warning(message) {
    issue('warning', message);
}
function error(message) {
    issue('error', message);
}
/** Fails the step: an `::error::` annotation and a non-zero exit code. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Asks the runner to mask this value in every later log line. */
function setSecret(secret) {
    issue('add-mask', secret);
}
/**
 * Sets a step output in GITHUB_OUTPUT's heredoc form (`name<<delimiter`, value, delimiter), as
 * @actions/core does; like it, on a runner without GITHUB_OUTPUT (older than 2.297, or a local
 * run), with the deprecated `::set-output` command the runner still reads.
 */
function setOutput(name, value) {
    if (!process.env.GITHUB_OUTPUT) {
        process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
        issue(`set-output name=${escapeProperty(name)}`, value);
        return;
    }
    appendKeyValue('GITHUB_OUTPUT', name, value);
}
/**
 * Saves a value for this action's post step (`core.saveState`), which reads it with getState: in
 * GITHUB_STATE's heredoc form, or with `::save-state` on a runner without it.
 */
function saveState(name, value) {
    if (!process.env.GITHUB_STATE) {
        issue(`save-state name=${escapeProperty(name)}`, value);
        return;
    }
    appendKeyValue('GITHUB_STATE', name, value);
}
/** `name<<delimiter`, the value, the delimiter: a file command's key-value form. */
function appendKeyValue(variable, name, value) {
    const path = process.env[variable];
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        throw new Error(`Missing file at path: ${path}`);
    const delimiter = `ghadelimiter_${randomHex()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: ${name} contains the delimiter`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`, {
        encoding: 'utf8'
    });
}
/**
 * What makes the heredoc safe is the check above that no value contains its delimiter line, so the
 * delimiter need not be secret: Math.random spares loading node:crypto (several ms at start-up)
 * for @actions/core's randomUUID.
 */
function randomHex() {
    let hex = '';
    while (hex.length < 32)
        hex += Math.floor(Math.random() * 0x100000000)
            .toString(16)
            .padStart(8, '0');
    return hex;
}
/**
 * A heading and a table in the HTML `core.summary.addHeading(text, level).addTable(rows)` builds,
 * for appendSummary. Like it, an empty cell is written as its opening tag alone.
 */
function summaryTable(heading, level, rows) {
    const wrap = (tag, content) => content === '' ? `<${tag}>` : `<${tag}>${content}</${tag}>`;
    const body = rows
        .map(row => wrap('tr', row
        .map(cell => (typeof cell === 'string' ? wrap('td', cell) : wrap('th', cell.data)))
        .join('')))
        .join('');
    return `${wrap(`h${level}`, heading)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${wrap('table', body)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`;
}
/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
function appendSummary(markdown) {
    const path = process.env.GITHUB_STEP_SUMMARY;
    if (!path) {
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, markdown, { encoding: 'utf8' });
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = require("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = require("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = require("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = require("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __nccwpck_require__(8422);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/exec.ts + 1 modules
var exec = __nccwpck_require__(4981);
;// CONCATENATED MODULE: ./src/summary/plan-summary.ts
const MAX_FILES_SHOWN = 5;
/** Markdown for the job summary: what deploys where, and which files caused it. */
function planSummary(plan) {
    const range = plan.range.kind === 'diff'
        ? `\`${plan.range.base.slice(0, 12)}\` → \`${plan.range.head.slice(0, 12)}\` (${plan.range.why})`
        : plan.range.why;
    const lines = ['## launch-service plan', '', `Compared: ${range}`, ''];
    if (plan.entries.length === 0) {
        lines.push('Nothing to deploy.');
    }
    else {
        const why = new Map(plan.changes.map(c => [c.service, c.reason]));
        lines.push('| deployment | service | target | runner labels | action | why |', '| --- | --- | --- | --- | --- | --- |');
        for (const e of plan.entries) {
            lines.push(`| ${cell(e.deployment)} | ${cell(e.service)} | ${cell(e.target)} | ${cell(e['runs-on'].join(', '))} | ${e.action} | ${reasons(why.get(e.service) ?? [])} |`);
        }
    }
    if (plan.unrouted.length > 0) {
        lines.push('', `**Not deployed (no deployment in Terraform):** ${plan.unrouted.map(cell).join(', ')}`);
    }
    for (const w of plan.warnings)
        lines.push('', `> [!WARNING]\n> ${cell(w)}`);
    return `${lines.join('\n')}\n`;
}
function reasons(files) {
    const shown = files.slice(0, MAX_FILES_SHOWN).map(f => `\`${cell(f)}\``);
    if (files.length > MAX_FILES_SHOWN)
        shown.push(`and ${files.length - MAX_FILES_SHOWN} more`);
    return shown.join('<br>');
}
/** Keeps file names with pipes, backticks or new lines from breaking the table. */
function cell(text) {
    // Most names need nothing: one test instead of four replacements (a plan may list thousands).
    if (!SPECIAL.test(text))
        return text;
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/\|/g, '\\|')
        .replace(/`/g, "'")
        .replace(/</g, '&lt;');
}
const SPECIAL = /[\r\n|`<]/;

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/plan/git.ts



/**
 * Whether reading an object the clone lacks may make git fetch it on its own: a partial clone
 * (blob-less, as actions/checkout makes for sparse checkouts) has a promisor remote, and git
 * fetches from it whatever a command reads. Read from the clone's own config file (no process);
 * anything unusual — `.git` not a folder, an include — counts as yes.
 */
function mayFetchLazily(repo) {
    try {
        return /partialclone|promisor|\[include/i.test((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(repo, '.git', 'config'), 'utf8'));
    }
    catch {
        return true;
    }
}
/**
 * `background`: the runner for comparing two commits and for reading the service folders, which
 * should not block (plan reads the deployments while git compares, and builds the changed
 * services' deployments while git reads their folders); `start`, for startHoldsFile (without it,
 * the folders are read when asked); every other command uses `run`.
 */
function createGit(run, repo, background = run, start) {
    const withRepo = (args) => ['-c', `safe.directory=${repo}`, ...args];
    const git = (args, options = {}, runner = run) => runner('git', withRepo(args), { cwd: repo, ...options });
    const mustGit = async (args, what, input, runner = run) => checked(await git(args, { input }, runner), what);
    const checked = (result, what) => {
        if (result.exitCode !== 0) {
            throw new errors/* ActionError */.lZ(`git could not ${what}: ${result.stderr.trim() || `exit ${result.exitCode}`}`);
        }
        return result.stdout;
    };
    const nulList = (text) => text.split('\0').filter(p => p !== '');
    const api = {
        async resolve(revision) {
            const result = await git([
                'rev-parse',
                '--verify',
                '--quiet',
                '--end-of-options',
                `${revision}^{commit}`
            ]);
            return result.exitCode === 0 ? result.stdout.trim() : undefined;
        },
        async isShallow() {
            return ((await mustGit(['rev-parse', '--is-shallow-repository'], 'inspect the clone')).trim() ===
                'true');
        },
        async fetch(refspecs, depthArgs) {
            const result = await git([
                'fetch',
                '--no-tags',
                '--quiet',
                '--no-write-fetch-head',
                ...depthArgs,
                'origin',
                ...refspecs
            ]);
            if (result.exitCode === 0)
                return { ok: true };
            // Credentials in a remote URL (https://user:token@host) never reach a warning.
            const error = result.stderr.trim().replace(/\/\/[^/@\s]+@/g, '//***@') || `exit ${result.exitCode}`;
            return { ok: false, error };
        },
        async mergeBase(a, b) {
            const result = await git(['merge-base', a, b]);
            return result.exitCode === 0 ? result.stdout.trim() : undefined;
        },
        async compare(base, head) {
            return treeChange(await mustGit(diffArgs(base, head), `compare ${base} with ${head}`));
        },
        async compareIfPresent(base, head) {
            const result = await git(diffArgs(base, head), {}, background);
            return result.exitCode === 0 ? treeChange(result.stdout) : undefined;
        },
        async listFolders(revision, folders, recursive = false) {
            const entries = nulList(await mustGit([
                // Folder names are data, never pathspec magic like ':(top)'.
                '--literal-pathspecs',
                'ls-tree',
                // Recursive listings hold no folders; otherwise each entry's type tells them apart.
                ...(recursive ? ['-r', '--name-only'] : []),
                '--full-tree',
                '-z',
                revision,
                '--',
                ...folders.map(folder => `${folder}/`)
            ], `list ${folders.length === 1 ? folders[0] : 'the changed service folders'} at ${revision}`));
            if (recursive)
                return entries;
            // Each entry: "<mode> <type> <object ID>\t<path>".
            return entries
                .filter(entry => !entry.startsWith(' tree ', entry.indexOf(' ')))
                .map(entry => entry.slice(entry.indexOf('\t') + 1));
        },
        async subfolders(revision, dir) {
            const output = await mustGit(['--literal-pathspecs', 'ls-tree', '-d', '--full-tree', '-z', revision, '--', `${dir}/`], `list ${dir} at ${revision}`);
            // Each entry: "<mode> tree <object ID>\t<path>".
            const trees = new Map();
            for (const entry of nulList(output)) {
                const tab = entry.indexOf('\t');
                trees.set(entry.slice(tab + 1 + dir.length + 1), entry.slice(entry.lastIndexOf(' ', tab) + 1, tab));
            }
            return trees;
        },
        async holdsFile(trees, names) {
            if (trees.length === 0)
                return [];
            const output = await mustGit(holdsArgs(names), HOLDS, holdsInput(trees), background);
            return treesHolding(output, trees.length);
        },
        startHoldsFile(names) {
            let started = start?.('git', withRepo(holdsArgs(names)), { cwd: repo });
            return async (trees) => {
                const ask = started;
                started = undefined;
                if (ask === undefined || trees.length === 0)
                    return api.holdsFile(trees, names);
                return treesHolding(checked(await ask(holdsInput(trees)), HOLDS), trees.length);
            };
        }
    };
    return api;
}
/**
 * diff-tree compares each "<empty tree> <tree>" line of its input and names the entries that
 * match `names`, with their modes, from the tree objects alone. (cat-file, even for an object's
 * name only, and rev-parse's peeling read the blob, which a blob-less clone must fetch: slow
 * online, an error offline.)
 */
const holdsArgs = (names) => [
    '--literal-pathspecs',
    'diff-tree',
    '--stdin',
    '--no-renames',
    '-z',
    '--',
    ...names
];
const holdsInput = (trees) => {
    const empty = trees[0]?.length === 64 ? EMPTY_TREE_SHA256 : EMPTY_TREE_SHA1;
    return Buffer.from(trees.map(tree => `${empty} ${tree}\n`).join(''));
};
const HOLDS = 'read the service folders';
/**
 * diff-tree --stdin's answer: per input line, the line echoed ("<tree> <tree>\n"), then for each
 * match ":000000 <mode> <object IDs> A\0<name>\0". Mode 040000 is a folder.
 */
function treesHolding(output, count) {
    const holds = [];
    let at = 0;
    while (at < output.length) {
        if (output[at] === ':') {
            if (!output.startsWith(FOLDER_MODE, at + 8))
                holds[holds.length - 1] = true;
            at = output.indexOf('\0', output.indexOf('\0', at) + 1) + 1;
        }
        else {
            holds.push(false);
            at = output.indexOf('\n', at) + 1;
        }
        if (at === 0)
            break;
    }
    if (holds.length !== count)
        throw new errors/* ActionError */.lZ(`git could not read the service folders: unexpected diff-tree output`);
    return holds;
}
/**
 * Every changed file and, with -t, every changed folder, in raw form. Commits only (`^{commit}`):
 * a tree or blob SHA given as base or head is an error.
 */
const diffArgs = (base, head) => [
    'diff-tree',
    '-r',
    '-t',
    '--raw',
    '--no-renames',
    '-z',
    `${base}^{commit}`,
    `${head}^{commit}`,
    '--'
];
const FOLDER_MODE = '040000';
const NO_MODE = '000000';
/**
 * Reads diff-tree's raw -z records, ":<old mode> <new mode> <old ID> <new ID> <status>\0<path>\0",
 * in place: the fields before the path have a fixed width (--no-renames: a one-letter status), so
 * only the paths and the folders' IDs become strings (thousands of records in a large change). A
 * folder replaced by a file (or the reverse) comes as two records, a deletion and an addition.
 */
function treeChange(output) {
    const files = [];
    const deleted = new Set();
    const folders = new Map();
    let at = 0;
    while (at < output.length) {
        // ":" + two 6-digit modes, two object IDs (40 or 64 hex digits), one status letter.
        const idLength = output.charCodeAt(at + 55) === SPACE ? 40 : 64;
        const newId = at + 15 + idLength + 1;
        const pathStart = newId + idLength + 3;
        const pathEnd = output.indexOf('\0', pathStart);
        if (output.charCodeAt(at) !== COLON || pathEnd === -1)
            throw new errors/* ActionError */.lZ('git could not compare the commits: unexpected diff-tree output');
        const path = output.slice(pathStart, pathEnd);
        if (output.startsWith(FOLDER_MODE, at + 8))
            folders.set(path, output.slice(newId, newId + idLength));
        else if (output.startsWith(NO_MODE, at + 8) && output.startsWith(FOLDER_MODE, at + 1))
            folders.set(path, undefined);
        else {
            files.push(path);
            if (output.startsWith(NO_MODE, at + 8))
                deleted.add(path);
        }
        at = pathEnd + 1;
    }
    return { files, deleted, folders };
}
const COLON = 0x3a;
const SPACE = 0x20;
// The empty tree, which git knows without storing it, in SHA-1 and SHA-256 repositories.
const EMPTY_TREE_SHA1 = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const EMPTY_TREE_SHA256 = '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321';

// EXTERNAL MODULE: ./src/names.ts
var src_names = __nccwpck_require__(6455);
;// CONCATENATED MODULE: ./src/plan/matrix.ts

/** GitHub rejects a matrix of more than 256 jobs. */
const MAX_MATRIX_JOBS = 256;
/**
 * Crosses the changed services with the deployments. A service without a compose file at head
 * is removed from each of its deployments; one with a compose file is deployed to each.
 */
function buildPlan(changes, deployments) {
    // Only the changed services' deployments: there may be thousands of others.
    const byService = new Map(changes.map(c => [c.service, []]));
    for (const d of deployments)
        byService.get(d.service)?.push(d);
    const entries = [];
    const unrouted = [];
    for (const change of [...changes].sort((a, b) => (0,src_names/* compareNames */.MP)(a.service, b.service))) {
        const targets = (byService.get(change.service) ?? []).sort((a, b) => (0,src_names/* compareNames */.MP)(a.name, b.name));
        if (targets.length === 0 && change.action === 'deploy')
            unrouted.push(change.service);
        for (const d of targets) {
            entries.push({
                deployment: d.name,
                service: d.service,
                path: d.path,
                target: d.target,
                'runs-on': d.runnerLabels,
                action: change.action,
                url: d.url
            });
        }
    }
    return { entries, changes, unrouted };
}

;// CONCATENATED MODULE: ./src/plan/last-success.ts

/** The real edge: GitHub's REST API "List workflow runs for a workflow", via Octokit (loaded lazily). */
function githubLastSuccessfulRun(options) {
    return async (branch) => {
        const [owner, repo] = options.repository.split('/');
        const workflow = /\/\.github\/workflows\/([^@/]+)@/.exec(options.workflowRef)?.[1];
        if (!owner || !repo || !workflow) {
            throw new errors/* ActionError */.lZ(`Cannot tell which workflow this is (GITHUB_REPOSITORY='${options.repository}', GITHUB_WORKFLOW_REF='${options.workflowRef}').`);
        }
        if (options.token === '')
            throw new errors/* ActionError */.lZ('the github-token input is empty');
        const { getOctokit } = await __nccwpck_require__.e(/* import() */ 413).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
        const octokit = getOctokit(options.token);
        const { data } = await octokit.rest.actions.listWorkflowRuns({
            owner,
            repo,
            workflow_id: workflow,
            branch,
            event: 'push',
            status: 'success',
            per_page: 1
        });
        return data.workflow_runs[0]?.head_sha;
    };
}

;// CONCATENATED MODULE: ./src/deployments/contract.ts


/** A table over deployments already built (the general path: parseDeployments). */
function tableOf(deployments) {
    return columnTable(deployments.map(d => d.name), deployments.map(d => d.service), i => deployments[i].path, i => deployments[i]);
}
/** A table over its columns; `at` builds a deployment in full. */
function columnTable(names, services, path, at, hints = {}) {
    let serviceSet = hints.serviceSet;
    let byService;
    return {
        names,
        services,
        path,
        get serviceSet() {
            return (serviceSet ??= new Set(services));
        },
        indexesOf(service) {
            if (hints.servicesInOrder)
                return inOrderIndexesOf(services, service);
            if (byService === undefined) {
                byService = new Map();
                for (let i = 0; i < services.length; i++) {
                    const list = byService.get(services[i]);
                    if (list === undefined)
                        byService.set(services[i], [i]);
                    else
                        list.push(i);
                }
            }
            return byService.get(service) ?? [];
        },
        misplaced(servicesDir) {
            if (hints.dir === servicesDir)
                return [];
            const found = [];
            for (let i = 0; i < services.length; i++)
                if (!isServicePath(path(i), servicesDir, services[i]))
                    found.push(i);
            return found;
        },
        at
    };
}
/** The indexes holding `service` in services that are in order: a binary search, then the run. */
function inOrderIndexesOf(services, service) {
    let low = 0;
    let high = services.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (services[middle] < service)
            low = middle + 1;
        else
            high = middle;
    }
    const found = [];
    for (let i = low; i < services.length && services[i] === service; i++)
        found.push(i);
    return found;
}
/** path === `${dir}/${service}`, without building that string for each deployment. */
function isServicePath(path, dir, service) {
    return (path.length === dir.length + 1 + service.length &&
        path.startsWith(dir) &&
        path.endsWith(service) &&
        path[dir.length] === '/');
}
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/**
 * Accepts the whole `terraform output -json` document (uses `deployments.value`) or the bare
 * map, and checks every field of every deployment. `input` names where it came from, for errors.
 */
function parseDeployments(json, input) {
    if (!isObj(json))
        throw shapeError(input, 'is not a JSON object');
    let map = json;
    // An output document is recognised by its shape ({"value": ...}), not by the key alone: a
    // deployment may be called "deployments" too (Terraform allows it, so the action must).
    const output = json.deployments;
    if (isObj(output) && 'value' in output) {
        map = output.value;
        if (!isObj(map))
            throw shapeError(input, "'deployments.value' is not an object");
    }
    else if (isTerraformOutput(json[Object.keys(json)[0] ?? ''])) {
        // One look is enough: in an output document every value has this shape, and a deployment
        // never has (a mix fails the field checks below anyway).
        throw shapeError(input, "is a terraform output document without a 'deployments' output");
    }
    // Messages are built only for a problem: plan checks thousands of deployments on every run.
    const problems = [];
    const deployments = [];
    // Object.keys, not Object.entries: with thousands of deployments, entries is several times slower.
    const entries = map;
    // Targets and labels repeat across deployments: each distinct one is checked once.
    const goodTargets = new Set();
    const goodLabels = new Set();
    for (const name of Object.keys(entries)) {
        const raw = entries[name];
        if (!(0,src_names/* isValidName */.uV)(name))
            problems.push(`deployment '${name}': name ${nameRule}`);
        if (!isObj(raw)) {
            problems.push(`deployment '${name}': is not an object`);
            continue;
        }
        const service = raw.service;
        if (typeof service !== 'string' || !(0,src_names/* isValidName */.uV)(service)) {
            problems.push(`deployment '${name}': service ${JSON.stringify(service)} ${nameRule}`);
        }
        const path = typeof raw.path === 'string' && (0,src_names/* isValidContractPath */.QL)(raw.path) ? raw.path : undefined;
        if (path === undefined) {
            problems.push(`deployment '${name}': path ${JSON.stringify(raw.path)} must be a relative path inside the repository: segments of letters, digits, '.', '_', '-' joined by '/', none of them '.' or '..'`);
        }
        const target = raw.target;
        if (typeof target === 'string' && (goodTargets.has(target) || (0,src_names/* isValidName */.uV)(target))) {
            goodTargets.add(target);
        }
        else {
            problems.push(`deployment '${name}': target ${JSON.stringify(target)} ${nameRule}`);
        }
        const labels = raw.runner_labels;
        if (!Array.isArray(labels) || labels.length === 0) {
            problems.push(`deployment '${name}': runner_labels must be a non-empty array of label strings`);
        }
        else if (!allLabels(labels, goodLabels)) {
            const bad = labels.filter(l => typeof l !== 'string' || !(0,src_names/* isValidLabel */.zJ)(l));
            problems.push(`deployment '${name}': runner_labels ${bad.map(l => JSON.stringify(l)).join(', ')} are not valid labels (letters, digits, . _ -; no commas or spaces)`);
        }
        if (typeof raw.public !== 'boolean')
            problems.push(`deployment '${name}': public must be true or false`);
        const url = raw.url ?? null;
        if (url !== null && (typeof url !== 'string' || !HTTP_URL.test(url))) {
            problems.push(`deployment '${name}': url ${JSON.stringify(url)} must be an http(s) URL or null`);
        }
        deployments.push({
            name,
            service: String(service),
            path: path ?? '',
            target: String(target),
            runnerLabels: Array.isArray(labels) ? labels : [],
            public: raw.public === true,
            url: url
        });
    }
    problems.push(...nameCollisions(deployments));
    if (problems.length > 0) {
        throw new errors/* InputError */.dz(input, `the deployments contract is violated:\n  - ${problems.join('\n  - ')}\n`, contractFix);
    }
    return deployments;
}
const isTerraformOutput = (v) => isObj(v) && 'value' in v && 'type' in v;
function allLabels(labels, good) {
    for (const label of labels) {
        if (typeof label !== 'string')
            return false;
        if (good.has(label))
            continue;
        if (!(0,src_names/* isValidLabel */.zJ)(label))
            return false;
        good.add(label);
    }
    return true;
}
const HTTP_URL = /^https?:\/\/[^\s]+$/;
/**
 * Secrets are selected by `<SERVICE>__<KEY>` and `<DEPLOYMENT>__<KEY>`: a deployment named like
 * another service (deployment `api` of service `web`, and a service `api`) would receive the
 * other service's secrets, and `API__<KEY>` would mean two things.
 */
function nameCollisions(deployments) {
    const services = deployments.map(d => d.service);
    return namedLikeAService(deployments.map(d => d.name), services, new Set(services)).map(i => {
        const d = deployments[i];
        return `deployment '${d.name}' (of service '${d.service}') is named like the service '${d.name}': ${(0,src_names/* envPrefix */.In)(d.name)}<KEY> would select the secrets of both; rename the deployment, e.g. '${d.service}-${d.target}'`;
    });
}
/**
 * The indexes of the deployments named like a service other than their own. Names that pass the
 * name rule (the others have failed already) map one-to-one onto their upper-case prefixes ('-' →
 * '_'), so equal prefixes are equal names: one set lookup each, no strings built (plan checks
 * thousands of deployments). `services[i]` is the i-th deployment's; `serviceSet` all of them.
 */
function namedLikeAService(names, services, serviceSet) {
    const found = [];
    for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (name !== services[i] && serviceSet.has(name))
            found.push(i);
    }
    return found;
}
const nameRule = "must match ^[a-z0-9][a-z0-9-]{0,62}$ (and have no '--' and no trailing '-')";
const contractFix = 'Fix the `deployments` output in infrastructure/outputs.tf (shape: README.md, "The deployments contract").';
function shapeError(input, problem) {
    return new errors/* InputError */.dz(input, problem, 'Pass `terraform output -json` (the whole document) or its `deployments` map.');
}

;// CONCATENATED MODULE: ./src/deployments/published.ts

/**
 * Terraform publishes the `deployments` map as GitHub Actions repository variables, so the plan job
 * reads it from `toJSON(vars)` without cloud credentials and without a committed copy:
 * LAUNCH_SERVICE_DEPLOYMENTS holds the number of parts, LAUNCH_SERVICE_DEPLOYMENTS_1..N each a JSON
 * object with some of the deployments. Parts, because one variable holds at most 48 KB; GitHub
 * passes a run at most 256 KB of variables and silently drops the alphabetically last ones beyond
 * that, so a missing part is an error here, never fewer deployments.
 */
const PUBLISHED_VARIABLE = 'LAUNCH_SERVICE_DEPLOYMENTS';
const notPublishedFix = 'Apply infrastructure/ once on the default branch (the Terraform workflow publishes the deployments as repository variables), or pass deployments / terraform-dir instead.';
/**
 * The texts of the published parts, in order; a missing or miscounted part is an error here, never
 * fewer deployments.
 */
function publishedParts(vars) {
    const count = vars[PUBLISHED_VARIABLE];
    if (count === undefined) {
        throw new errors/* InputError */.dz('vars', `has no ${PUBLISHED_VARIABLE} variable`, notPublishedFix);
    }
    if (!/^(0|[1-9][0-9]{0,2})$/.test(count.trim())) {
        throw new errors/* InputError */.dz('vars', `${PUBLISHED_VARIABLE} must be the number of parts, not ${JSON.stringify(count.slice(0, 20))}`, notPublishedFix);
    }
    const parts = [];
    for (let part = 1; part <= Number(count); part++) {
        const name = `${PUBLISHED_VARIABLE}_${part}`;
        const text = vars[name];
        if (text === undefined) {
            throw new errors/* InputError */.dz('vars', `${name} is missing (${PUBLISHED_VARIABLE} says ${count} parts)`, 'GitHub passes a workflow run at most 256 KB of repository and organisation variables and drops the alphabetically last ones: make other variables smaller, or re-run the Terraform workflow if it was interrupted.');
        }
        parts.push({ name, text });
    }
    return parts;
}
/**
 * The parts as one map in Terraform's text form (`{` the parts' entries joined by commas `}`), for
 * readTerraformText, with `breaks`: the offsets of the commas where two parts meet. Undefined when a
 * part is not a JSON object's text.
 */
function joinPublishedText(parts) {
    const inner = [];
    const breaks = [];
    let at = 1;
    for (const { text } of parts) {
        if (!text.startsWith('{') || !text.endsWith('}'))
            return undefined;
        if (text.length <= 2)
            continue;
        if (inner.length > 0)
            breaks.push(at++);
        inner.push(text.slice(1, -1));
        at += text.length - 2;
    }
    return { text: `{${inner.join(',')}}`, breaks };
}
/** Joins the published parts into the bare `deployments` map (validated later by parseDeployments). */
function joinPublishedDeployments(vars) {
    const map = new Map();
    for (const { name, text } of publishedParts(vars)) {
        let value;
        try {
            value = JSON.parse(text);
        }
        catch {
            throw new errors/* InputError */.dz('vars', `${name} is not valid JSON`, notPublishedFix);
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw new errors/* InputError */.dz('vars', `${name} is not a JSON object of deployments`, notPublishedFix);
        }
        for (const [deployment, record] of Object.entries(value)) {
            if (map.has(deployment)) {
                throw new errors/* InputError */.dz('vars', `deployment '${deployment}' is in two parts`, notPublishedFix);
            }
            map.set(deployment, record);
        }
    }
    // fromEntries defines own properties: a key such as __proto__ stays a (refused) deployment name.
    return Object.fromEntries(map);
}

;// CONCATENATED MODULE: ./src/deployments/terraform-text.ts


/**
 * URLs as Terraform writes them: printable ASCII without space, `"` or `\`, and the escapes
 * jsonencode writes for `&`, `<` and `>`. Every such URL passes the contract's url rule; any other
 * (non-ASCII, other escapes) is left to the general path.
 */
const URL_SOURCE = 'https?://(?:[!#-\\[\\]-~]|\\\\u00(?:26|3c|3e))+';
/**
 * One deployment exactly as Terraform writes it, its service in `<servicesDir>/<service>`, with
 * every field checked by the contract's own rules (src/names.ts); captures the name and the
 * service, which the path gives (the service must repeat it: a back-reference). The first opens
 * the map, every other follows a comma. A deployment whose path is anywhere else leaves the text
 * to the general path, which also warns about it.
 */
const entryExpression = (servicesDir) => new RegExp(`(?:^\\{|,)"(${src_names/* NAME_SOURCE */.su})":\\{"path":"${servicesDir.replace(/[.]/g, '\\.')}/(${src_names/* NAME_SOURCE */.su})",` +
    `"public":(?:true|false),"runner_labels":\\["${src_names/* LABEL_SOURCE */.lH}"(?:,"${src_names/* LABEL_SOURCE */.lH}")*\\],` +
    `"service":"\\2","target":"${src_names/* NAME_SOURCE */.su}","url":(?:null|"${URL_SOURCE}")\\}`);
/**
 * Where a deployment's name ends and its object begins. Only there: no value in a matched entry
 * holds a quote.
 */
const NAME_END = '":{"path":"';
/**
 * Reads the deployments map in the one form Terraform writes it — `jsonencode`, `terraform output
 * -json deployments`, the published variables: compact, attributes in sorted order, all of them
 * present — without building an object per deployment: plan reads thousands on every run, and
 * JSON.parse plus a check of each field cost it more than everything else it does. Returns
 * undefined for any other text, valid or not, and where a deployment's path is not
 * `<servicesDir>/<service>`; parseDeployments then parses and checks it field by field and names
 * each problem. Accepts only what parseDeployments accepts, with the same result
 * (__tests__/deployments/terraform-text.test.ts compares the two). `breaks`: offsets (ascending)
 * where texts joined into this one meet (joinPublishedText); each must be where an entry begins,
 * as each part must be a map by itself.
 */
function readTerraformText(text, servicesDir, breaks = []) {
    const last = text.length - 1;
    if (text.charCodeAt(0) !== OPEN || text.charCodeAt(last) !== CLOSE)
        return undefined;
    // A folder the contract refuses holds no valid path (the general path says so); every character
    // of one the contract accepts but `.` stands for itself in an expression.
    if (!(0,src_names/* isValidContractPath */.QL)(servicesDir))
        return undefined;
    // One native pass cuts the text at every entry: what lies between two entries, then each
    // entry's two captures, and so on; the closing brace last. The entries follow each other
    // from the first character exactly when everything between them is empty.
    let parts;
    try {
        parts = text.split(entryExpression(servicesDir));
    }
    catch (error) {
        // A services-dir of tens of thousands of characters makes an expression V8 will not build
        // (SyntaxError); millions of labels overflow its backtracking stack (RangeError).
        if (error instanceof SyntaxError || error instanceof RangeError)
            return undefined;
        throw error;
    }
    const count = (parts.length - 1) / 3;
    if (parts[parts.length - 1] !== (count === 0 ? '{}' : '}'))
        return undefined;
    const names = new Array(count);
    const services = new Array(count);
    let indexes = 0; // how many names so far are array indexes (all of them: they come first)
    let lastIndex = -1;
    let previous = ''; // the last name that is not an array index
    // Deployments are usually named after their service, so the services come in order too. With
    // names and services in order, a deployment named like another service is found by one walk
    // along both lists (j: the first service not less than the name), not with a set of thousands.
    let inOrder = true; // names (none an array index) and services so far
    let servicesInOrder = true;
    let j = 2; // parts[j]: that service
    for (let i = 0, at = 0; i < count; i++, at += 3) {
        if (parts[at] !== '')
            return undefined;
        const name = parts[at + 1];
        // JSON.parse puts keys that are array indexes first, in numeric order ("9" before "10"),
        // where Terraform sorts them as strings: read directly only when the two orders agree.
        if (name.charCodeAt(0) <= NINE && ARRAY_INDEX.test(name) && Number(name) < 2 ** 32 - 1) {
            if (i > indexes || (indexes > 0 && Number(name) <= lastIndex))
                return undefined;
            indexes++;
            lastIndex = Number(name);
            inOrder = false;
        }
        else {
            // Terraform writes the other names in sorted order, so each is greater than the last:
            // no name twice (JSON.parse would keep the last of two), without a set of them all.
            if (name <= previous)
                return undefined;
            previous = name;
        }
        const service = parts[at + 2];
        if (i > 0 && service < services[i - 1])
            inOrder = servicesInOrder = false;
        if (inOrder) {
            while (j < parts.length - 1 && parts[j] < name)
                j += 3;
            // parseDeployments names the clash.
            if (j < parts.length - 1 && parts[j] === name && service !== name)
                return undefined;
        }
        names[i] = name;
        services[i] = service;
    }
    if (!breaks.every((at, k) => (k === 0 || at > breaks[k - 1]) && beginsEntry(text, at)))
        return undefined;
    let serviceSet;
    // Services out of order (or names that are numbers): the same check with the set of services.
    if (!inOrder && namedLikeAService(names, services, (serviceSet = new Set(services))).length > 0)
        return undefined;
    // Where the i-th name begins, looked for only when a deployment is asked for (plan builds only
    // the few it routes, in order, so each search starts where the last one ended). It occurs once:
    // no value holds a quote.
    let lastKey = { i: -1, at: 0 };
    const key = (i) => {
        const from = i >= lastKey.i ? lastKey.at : 0;
        lastKey = { i, at: text.indexOf(`"${names[i]}${NAME_END}`, from) };
        return lastKey.at;
    };
    return columnTable(names, services, i => `${servicesDir}/${services[i]}`, i => {
        // From past `"<name>":` to the comma before the next name, or to the map's closing brace.
        const start = key(i) + names[i].length + 3;
        const end = i + 1 < count ? key(i + 1) - 1 : last;
        const raw = JSON.parse(text.slice(start, end));
        return {
            name: names[i],
            service: raw.service,
            path: raw.path,
            target: raw.target,
            runnerLabels: raw.runner_labels,
            public: raw.public,
            url: raw.url
        };
    }, { servicesInOrder, dir: servicesDir, serviceSet });
}
/**
 * Whether an entry begins at `at` (its `{` or `,`) in a text whose entries matched: a name is a
 * quoted string right after a comma that ends at NAME_END, which nothing else does.
 */
function beginsEntry(text, at) {
    if (text.charCodeAt(at) !== (at === 0 ? OPEN : COMMA) || text.charCodeAt(at + 1) !== QUOTE)
        return false;
    return text.startsWith(NAME_END, text.indexOf('"', at + 2));
}
const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }
const COMMA = 0x2c; // ,
const QUOTE = 0x22; // "
const NINE = 0x39; // 9 (names start with a digit or a lower-case letter)
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

;// CONCATENATED MODULE: ./src/deployments/source.ts







/**
 * Reads the deployments from the `deployments` input (JSON text or a file path), by running
 * `terraform output -json deployments` in `terraform-dir`, or from the repository variables
 * Terraform publishes (`vars`). `servicesDir`: where the services live (`services-dir`), which
 * the usual deployments' paths are read against.
 */
async function loadDeployments(source, workspace, run) {
    const { servicesDir } = source;
    if (source.deployments === undefined && source.terraformDir === undefined) {
        const vars = source.publishedVars ?? {};
        const parts = publishedParts(vars);
        const joined = joinPublishedText(parts);
        return (
        // An entry split across two parts must not be read: each part must be JSON by itself.
        (joined === undefined
            ? undefined
            : readTerraformText(joined.text, servicesDir, joined.breaks)) ??
            tableOf(parseDeployments(joinPublishedDeployments(vars), 'vars')));
    }
    if (source.deployments !== undefined) {
        const text = source.deployments;
        if (/^\s*[{[]/.test(text))
            return readText(text, servicesDir, 'deployments', 'the text');
        const file = (0,external_node_path_.isAbsolute)(text) ? text : (0,external_node_path_.resolve)(workspace, text);
        let content;
        try {
            content = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch {
            throw new errors/* InputError */.dz('deployments', `'${text}' is neither JSON nor a readable file`, 'Pass the JSON itself, or a path (relative to the workspace) to a file holding `terraform output -json`.');
        }
        return readText(content, servicesDir, 'deployments', `file '${text}'`);
    }
    const dir = (0,external_node_path_.resolve)(workspace, source.terraformDir ?? '.');
    let result;
    try {
        // The one output, not the whole document: Terraform writes it in the form read directly.
        result = await run('terraform', [`-chdir=${dir}`, 'output', '-json', '-no-color', 'deployments'], {});
    }
    catch (error) {
        if (!(error instanceof exec/* CommandNotFoundError */.v$))
            throw error;
        throw new errors/* InputError */.dz('terraform-dir', 'terraform is not on PATH', 'Add hashicorp/setup-terraform before this step, or pass the output as the deployments input instead.');
    }
    if (result.exitCode !== 0 && /output .*not found/i.test(result.stderr)) {
        throw new errors/* InputError */.dz('terraform-dir', `the state in '${source.terraformDir}' has no \`deployments\` output`, 'Declare output "deployments" (as infrastructure/outputs.tf does) and run terraform apply, or pass the deployments input instead.');
    }
    if (result.exitCode !== 0) {
        throw new errors/* ActionError */.lZ(`terraform output -json deployments in '${source.terraformDir}' failed (exit ${result.exitCode}): ${result.stderr.trim()}\n` +
            'Run terraform init (with the same backend) in that folder first.');
    }
    return readText(result.stdout, servicesDir, 'terraform-dir', 'terraform output -json deployments (with hashicorp/setup-terraform, set terraform_wrapper: false)');
}
/**
 * A deployments map or output document given as text: read directly when it is in Terraform's
 * own form (readTerraformText), else parsed and checked field by field.
 */
function readText(text, servicesDir, input, what) {
    return (readTerraformText(trimJsonSpace(text), servicesDir) ??
        tableOf(parseDeployments(parseJson(text, input, what), input)));
}
/**
 * The text without the white space JSON allows around a value (space, tab, CR, LF). Not
 * String.prototype.trim: it also removes a byte order mark, U+00A0 or U+2028, which JSON.parse
 * refuses, so readTerraformText would accept what the general path refuses.
 */
function trimJsonSpace(text) {
    let start = 0;
    let end = text.length;
    while (start < end && isJsonSpace(text.charCodeAt(start)))
        start++;
    while (end > start && isJsonSpace(text.charCodeAt(end - 1)))
        end--;
    return text.slice(start, end);
}
const isJsonSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
function parseJson(text, input, what) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new errors/* InputError */.dz(input, `${what} is not valid JSON (${error.message})`, 'Pass the output of `terraform output -json`.');
    }
}

;// CONCATENATED MODULE: ./src/plan/event.ts
/**
 * Turns the workflow event into the question "which commits do we compare?", without touching
 * git. Resolving and fetching the commits is range.ts's job.
 */
const ZERO_SHA = /^0{40}$|^0{64}$/;
const obj = (v) => (v !== null && typeof v === 'object' ? v : {});
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
function eventRange(context, overrides) {
    const { eventName, payload } = context;
    const defaultBranch = str(obj(payload.repository).default_branch);
    if (overrides.services !== undefined) {
        return {
            kind: 'selection',
            head: overrides.head ?? context.sha,
            services: overrides.services,
            why: 'services input'
        };
    }
    let request;
    switch (eventName) {
        case 'push': {
            const before = str(payload.before);
            const after = str(payload.after) ?? context.sha;
            if (payload.deleted === true || ZERO_SHA.test(after)) {
                request = { kind: 'none', why: 'the branch was deleted' };
            }
            else if (before === undefined || ZERO_SHA.test(before)) {
                const branch = context.ref.replace(/^refs\/heads\//, '');
                request =
                    defaultBranch === undefined || branch === defaultBranch
                        ? { kind: 'all', head: after, why: 'first push of the branch: everything is new' }
                        : {
                            kind: 'merge-base',
                            head: after,
                            baseRef: defaultBranch,
                            why: `new branch, compared with ${defaultBranch}`
                        };
            }
            else {
                request = { kind: 'trees', base: before, head: after, why: 'push: before → after' };
            }
            break;
        }
        case 'pull_request':
        case 'pull_request_target': {
            const pr = obj(payload.pull_request);
            const base = obj(pr.base);
            const head = str(obj(pr.head).sha) ?? context.sha;
            request = {
                kind: 'merge-base',
                head,
                baseRef: str(base.ref) ?? defaultBranch ?? 'main',
                baseSha: str(base.sha),
                why: 'pull request: changes since it branched off'
            };
            break;
        }
        case 'merge_group': {
            const group = obj(payload.merge_group);
            const base = str(group.base_sha);
            const head = str(group.head_sha) ?? context.sha;
            request = base
                ? { kind: 'trees', base, head, why: 'merge queue: base → head' }
                : { kind: 'all', head, why: 'merge_group payload has no base_sha' };
            break;
        }
        case 'workflow_dispatch':
            request = {
                kind: 'all',
                head: context.sha,
                why: 'manual run without a services selection: everything'
            };
            break;
        default:
            request = {
                kind: 'all',
                head: context.sha,
                why: `event '${eventName}' has no change range: everything`
            };
    }
    // Explicit commits beat the event's.
    if (overrides.base !== undefined) {
        const head = overrides.head ?? ('head' in request ? request.head : context.sha);
        return { kind: 'trees', base: overrides.base, head, why: 'base/head inputs' };
    }
    if (overrides.head !== undefined && request.kind !== 'none') {
        return { ...request, head: overrides.head };
    }
    return request;
}

// EXTERNAL MODULE: ./src/compose-files.ts
var compose_files = __nccwpck_require__(161);
;// CONCATENATED MODULE: ./src/plan/range.ts

const FULL_SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
// Deepening steps for merge-bases in shallow clones, then --unshallow.
const DEEPEN_STEPS = [50, 500];
/**
 * Makes sure the commits to compare are present, fetching only what is missing (shallow clones
 * are the default of actions/checkout), and returns full SHAs. A missing event commit means
 * "deploy everything" (safe); a missing input commit is the user's error.
 */
async function resolveRange(request, rawGit, sources, started) {
    // Remember why the last fetch failed, so a fallback to "everything" can say so.
    let lastFetchError;
    const git = {
        ...rawGit,
        fetch: async (refspecs, depthArgs) => {
            const result = await rawGit.fetch(refspecs, depthArgs);
            if (!result.ok)
                lastFetchError = result.error;
            return result;
        }
    };
    const because = () => (lastFetchError ? ` git fetch said: ${lastFetchError}` : '');
    if (request.kind === 'none')
        return request;
    // The common case, a push whose commits are both in the clone: one git process answers both
    // "are they there?" and "what changed?".
    if (isPresentCheckable(request)) {
        const change = started?.base === request.base && started.head === request.head
            ? await started.change
            : await git.compareIfPresent(request.base, request.head);
        if (change !== undefined)
            return { kind: 'diff', base: request.base, head: request.head, why: request.why, change };
    }
    const head = await ensureCommit(git, request.head);
    if (head === undefined) {
        if (sources.headFromInput)
            throw notACommit('head', request.head);
        throw new errors/* InputError */.dz('head', `commit ${request.head} of this run is not in the checkout`, 'Run actions/checkout before this step.');
    }
    switch (request.kind) {
        case 'all':
            return { kind: 'all', head, why: request.why };
        case 'selection':
            return { kind: 'selection', head, services: request.services, why: request.why };
        case 'trees': {
            const base = await ensureCommit(git, request.base);
            if (base !== undefined)
                return { kind: 'diff', base, head, why: request.why };
            if (sources.baseFromInput)
                throw notACommit('base', request.base);
            return {
                kind: 'all',
                head,
                why: request.why,
                warning: `The previous commit ${request.base} cannot be fetched (force-pushed away and garbage-collected, or the checkout has no credentials to fetch with: keep persist-credentials on), so every service counts as changed.${because()}`
            };
        }
        case 'merge-base': {
            const mergeBase = await findMergeBase(git, head, request.baseRef, request.baseSha);
            if (mergeBase !== undefined)
                return { kind: 'diff', base: mergeBase, head, why: request.why };
            return {
                kind: 'all',
                head,
                why: request.why,
                warning: `No common ancestor with '${request.baseRef}' was found, so every service counts as changed.${because()}`
            };
        }
    }
}
const isPresentCheckable = (request) => request.kind === 'trees' && FULL_SHA.test(request.base) && FULL_SHA.test(request.head);
/**
 * Starts the comparison resolveRange begins with in the common case, so that git works while the
 * caller does something else (plan reads the deployments). It only reads the clone: nothing is
 * fetched. Undefined when the request is not that case.
 */
function startComparison(request, git) {
    if (!isPresentCheckable(request))
        return undefined;
    const change = git.compareIfPresent(request.base, request.head);
    // Awaited later by resolveRange; if the caller fails first, its error is the one that counts.
    change.catch(() => undefined);
    return { base: request.base, head: request.head, change };
}
function notACommit(input, value) {
    return new errors/* InputError */.dz(input, `'${value}' does not resolve to a commit in this repository`, 'Pass a commit SHA or a branch/tag that exists on the remote.');
}
async function ensureCommit(git, revision) {
    const local = await git.resolve(revision);
    if (local !== undefined)
        return local;
    if (FULL_SHA.test(revision)) {
        await git.fetch([revision], ['--depth=1']);
        return git.resolve(revision);
    }
    // A branch or tag name that is only on the remote.
    const tracking = `refs/remotes/origin/${revision}`;
    if ((await git.fetch([`+refs/heads/${revision}:${tracking}`], ['--depth=1'])).ok)
        return git.resolve(tracking);
    if ((await git.fetch([`+refs/tags/${revision}:refs/tags/${revision}`], ['--depth=1'])).ok)
        return git.resolve(`refs/tags/${revision}`);
    return undefined;
}
async function findMergeBase(git, head, baseRef, baseSha) {
    const tracking = `refs/remotes/origin/${baseRef}`;
    const refspec = `+refs/heads/${baseRef}:${tracking}`;
    let base = baseSha !== undefined ? await ensureCommit(git, baseSha) : await git.resolve(tracking);
    if (base === undefined) {
        await git.fetch([refspec], ['--depth=1']);
        base = await git.resolve(tracking);
    }
    if (base === undefined)
        return undefined;
    let found = await git.mergeBase(base, head);
    if (found !== undefined || !(await git.isShallow()))
        return found;
    const wants = baseSha !== undefined ? [baseSha, head] : [refspec, head];
    for (const depth of DEEPEN_STEPS) {
        await git.fetch(wants, [`--deepen=${depth}`]);
        found = await git.mergeBase(base, head);
        if (found !== undefined)
            return found;
    }
    await git.fetch(wants, ['--unshallow']);
    return git.mergeBase(base, head);
}

;// CONCATENATED MODULE: ./src/plan/services.ts


const COMPOSE_SET = new Set(compose_files/* COMPOSE_FILES */.Z);
/**
 * Services present in a tree: direct sub-folders of `servicesDir` holding a compose file, from a
 * list of paths (git ls-tree of those folders). Folders whose names are not valid service names are reported
 * so plan can warn instead of silently skipping them.
 */
function servicesInTree(files, servicesDir) {
    const prefix = `${servicesDir}/`;
    const services = new Set();
    const invalid = new Set();
    for (const file of files) {
        if (!file.startsWith(prefix))
            continue;
        const rest = file.slice(prefix.length).split('/');
        if (rest.length !== 2 || !COMPOSE_SET.has(rest[1]))
            continue;
        const name = rest[0];
        ((0,src_names/* isValidName */.uV)(name) ? services : invalid).add(name);
    }
    return { services, invalid };
}
/** One compiled matcher for all shared-path globs; picomatch is loaded only when there are any. */
async function sharedPathMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    const { default: picomatch } = await __nccwpck_require__.e(/* import() */ 6).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4006, 23));
    return picomatch(globs, { dot: true });
}
/** Maps changed files to service folders in one pass: a prefix test and a map lookup per file. */
function changedServices(files, servicesDir, isShared) {
    const prefix = `${servicesDir}/`;
    const byService = new Map();
    const sharedFiles = [];
    for (const file of files) {
        if (isShared(file))
            sharedFiles.push(file);
        if (!file.startsWith(prefix))
            continue;
        const slash = file.indexOf('/', prefix.length);
        // A loose file directly in services/ belongs to no service.
        if (slash === -1)
            continue;
        const name = file.slice(prefix.length, slash);
        const list = byService.get(name);
        if (list)
            list.push(file);
        else
            byService.set(name, [file]);
    }
    return { byService, sharedFiles };
}

;// CONCATENATED MODULE: ./src/plan/plan.ts








/** The whole `plan` command as one function of its inputs: event + git + deployments → matrix. */
async function computePlan(inputs, context, deps) {
    let request = eventRange(context, {
        base: inputs.base,
        head: inputs.head,
        services: inputs.services
    });
    // In the common case git compares the two commits while the deployments are read. Nothing is
    // fetched before they are checked: bad deployments fail with no side effect on the clone.
    const started = deps.compareAhead === true && inputs.compareWith !== 'last-successful-run'
        ? startComparison(request, deps.git)
        : undefined;
    const table = await loadDeployments(inputs, deps.workspace, deps.run);
    // The git process that will read the changed folders starts now, while git usually still
    // compares and plan would only wait for it, and waits for their trees. (Started with the
    // comparison, the two git processes started up at once, on the cores plan's reading needs.)
    const holdsFile = started
        ? deps.git.startHoldsFile(compose_files/* COMPOSE_FILES */.Z)
        : (trees) => deps.git.holdsFile(trees, compose_files/* COMPOSE_FILES */.Z);
    const warnings = table.misplaced(inputs.servicesDir).map(i => {
        const [name, service, path] = [table.names[i], table.services[i], table.path(i)];
        const expected = `${inputs.servicesDir}/${service}`;
        return `Deployment '${name}' has path '${path}', but service '${service}' lives in '${expected}'; changes are detected in '${expected}'.`;
    });
    if (inputs.compareWith === 'last-successful-run' &&
        context.eventName === 'push' &&
        request.kind === 'trees' &&
        inputs.base === undefined &&
        deps.lastSuccessfulRun) {
        const branch = context.ref.replace(/^refs\/heads\//, '');
        try {
            const sha = await deps.lastSuccessfulRun(branch);
            if (sha !== undefined && sha !== request.head) {
                request = {
                    ...request,
                    base: sha,
                    why: `push: last successful run (${sha.slice(0, 12)}) → after`
                };
            }
        }
        catch (error) {
            warnings.push(`Could not ask GitHub for the last successful run (${(0,errors/* errorMessage */.gJ)(error)}); comparing with the push's previous commit instead. Grant the job permissions: actions: read.`);
        }
    }
    const range = await resolveRange(request, deps.git, { baseFromInput: inputs.base !== undefined, headFromInput: inputs.head !== undefined }, started);
    if (range.kind === 'none')
        return { ...buildPlan([], []), range, warnings };
    if (range.kind === 'all' && range.warning)
        warnings.push(range.warning);
    const changes = [];
    let early;
    if (range.kind === 'diff') {
        const change = range.change ?? (await deps.git.compare(range.base, range.head));
        const { byService, sharedFiles } = changedServices(change.files, inputs.servicesDir, await sharedPathMatcher(inputs.sharedPaths));
        // Only the folders the change touches are looked at (and the deployed ones when a shared
        // path changed): the cost follows the change, not the repository.
        const wanted = new Set(byService.keys());
        if (sharedFiles.length > 0)
            for (const service of table.serviceSet)
                wanted.add(service);
        const looking = servicesAt(deps.git, range.head, inputs.servicesDir, [...wanted], warnings, holdsFile, change);
        // While git reads those folders, the changed services' deployments are built: nearly all of
        // them are routed.
        early = routedDeployments(table, byService.keys(), inputs.onlyDeployments);
        const atHead = await looking;
        for (const [service, reason] of byService) {
            if (atHead.has(service))
                changes.push({ service, action: 'deploy', reason });
            // A folder without a compose file is only a removal if something is deployed from it.
            else if (table.serviceSet.has(service))
                changes.push({ service, action: 'remove', reason });
        }
        if (sharedFiles.length > 0) {
            for (const service of atHead) {
                if (table.serviceSet.has(service) && !byService.has(service))
                    changes.push({ service, action: 'deploy', reason: sharedFiles });
            }
        }
    }
    else {
        const named = range.kind === 'selection' && range.services !== 'all' ? range.services : undefined;
        const atHead = await servicesAt(deps.git, range.head, inputs.servicesDir, named ?? 'all', warnings, holdsFile);
        const selected = named ?? [...atHead].sort();
        const unknown = selected.filter(s => !atHead.has(s));
        if (unknown.length > 0 && inputs.onlyDeployments !== undefined) {
            // A first deploy: a deployment whose service folder is not committed yet is not an error
            // for the others; the push that adds the folder deploys it.
            warnings.push(`No service folder with a compose file for: ${unknown.join(', ')}; their new deployments are deployed by the push that adds the folder.`);
        }
        else if (unknown.length > 0) {
            throw new errors/* InputError */.dz('services', `no service folder with a compose file for: ${unknown.join(', ')}`, `Name folders under ${inputs.servicesDir}/ that hold a compose.yaml, or use 'all'.`);
        }
        for (const service of selected)
            if (atHead.has(service))
                changes.push({ service, action: 'deploy', reason: [range.why] });
    }
    const routed = routedDeployments(table, new Set(changes.map(c => c.service)), inputs.onlyDeployments, early);
    return { ...buildPlan(changes, [...routed.values()]), range, warnings };
}
/**
 * The deployments of these services (only those named in `only`, if given), built in full and in
 * the table's order: only the changed services' deployments are built, there may be thousands of
 * others. `built`: deployments built already.
 */
function routedDeployments(table, services, only, built) {
    const indexes = [];
    for (const service of services) {
        for (const i of table.indexesOf(service))
            if (only === undefined || only.includes(table.names[i]))
                indexes.push(i);
    }
    // In order: each deployment is found in the text from where the one before it was.
    indexes.sort((a, b) => a - b);
    return new Map(indexes.map(i => [i, built?.get(i) ?? table.at(i)]));
}
// Up to this many folders, one ls-tree names them all. git matches every entry of services/
// against every folder named, so for more, reading services/ once and asking for the compose files
// by tree ID is cheaper (at 5,000 services and 250 changed: 33 ms of git's CPU against 14).
const FOLDERS_BY_NAME = 32;
/**
 * Which of these service folders hold a compose file (not a folder of that name) at `revision`
 * ('all': every folder under servicesDir, for events that compare nothing), asking `holdsFile`
 * (Git's, maybe started ahead) about the folders' trees. `change`: the diff to
 * `revision`, which gives the changed folders' trees (so only the others are looked up) and shows
 * the compose files it adds or edits (so those folders need no look at all: for a push that bumps
 * an image tag, git reads no folder). Folders holding one whose names are not valid service names
 * are ignored, with a warning. Only trees are read: a blob-less clone fetches nothing.
 */
async function servicesAt(git, revision, servicesDir, names, warnings, holdsFile, change) {
    let found;
    if (names === 'all') {
        found = servicesInTree(await git.listFolders(revision, [servicesDir], true), servicesDir);
    }
    else {
        const known = change?.folders ?? new Map();
        const trees = new Map();
        const unknown = [];
        for (const name of names) {
            const path = `${servicesDir}/${name}`;
            const tree = known.get(path);
            if (tree !== undefined)
                trees.set(name, tree);
            else if (!known.has(path))
                unknown.push(name);
        }
        found = { services: new Set(), invalid: new Set() };
        if (unknown.length > 0 && unknown.length <= FOLDERS_BY_NAME) {
            const listing = await git.listFolders(revision, unknown.map(name => `${servicesDir}/${name}`));
            found = servicesInTree(listing, servicesDir);
        }
        else if (unknown.length > 0) {
            const all = await git.subfolders(revision, servicesDir);
            for (const name of unknown) {
                const tree = all.get(name);
                if (tree !== undefined)
                    trees.set(name, tree);
            }
        }
        const shown = servicesInTree((change?.files ?? []).filter(file => /compose\.ya?ml$/.test(file) && !change?.deleted.has(file)), servicesDir);
        const named = [];
        for (const name of trees.keys()) {
            if (shown.services.has(name))
                found.services.add(name);
            else if (shown.invalid.has(name))
                found.invalid.add(name);
            else
                named.push(name);
        }
        const holds = await holdsFile(named.map(name => trees.get(name)));
        named.forEach((name, i) => {
            if (holds[i])
                ((0,src_names/* isValidName */.uV)(name) ? found.services : found.invalid).add(name);
        });
    }
    for (const name of found.invalid) {
        warnings.push(`Folder '${servicesDir}/${name}' is not a valid service name (^[a-z0-9][a-z0-9-]{0,62}$) and is ignored.`);
    }
    return found.services;
}

// EXTERNAL MODULE: ./src/workflow.ts
var workflow = __nccwpck_require__(2986);
;// CONCATENATED MODULE: ./src/plan/command.ts










/** `command: plan` — the runner's edges (inputs, git, outputs, summary) around computePlan. */
async function planCommand() {
    const inputs = (0,src_inputs/* getPlanInputs */.zb)(workflow/* getInput */.V4);
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const context = await readEventContext();
    if (inputs.githubToken !== '')
        (0,workflow/* setSecret */.Pq)(inputs.githubToken);
    const plan = await computePlan(inputs, context, {
        // The comparison runs in the background while the deployments are read, and the reading of
        // the changed folders is started then too (computePlan).
        git: createGit(exec/* runCommandSync */.yQ, workspace, exec/* runCommandInBackground */.Ez, exec/* startCommand */.S0),
        run: exec/* runCommandSync */.yQ,
        workspace,
        compareAhead: !mayFetchLazily(workspace),
        lastSuccessfulRun: inputs.compareWith === 'last-successful-run'
            ? githubLastSuccessfulRun({
                token: inputs.githubToken,
                repository: process.env.GITHUB_REPOSITORY ?? '',
                workflowRef: process.env.GITHUB_WORKFLOW_REF ?? ''
            })
            : undefined
    });
    for (const text of plan.warnings)
        (0,workflow/* warning */.$e)(text);
    if (plan.unrouted.length > 0) {
        (0,workflow/* warning */.$e)(`Changed services with no deployment in the Terraform output (not deployed): ${plan.unrouted.join(', ')}. ` +
            'Add an entry to `deployments` in infrastructure/terraform.tfvars; after the apply, the Terraform workflow deploys it.');
    }
    if (plan.entries.length > MAX_MATRIX_JOBS) {
        throw new errors/* ActionError */.lZ(`The plan has ${plan.entries.length} jobs; a GitHub matrix allows at most ${MAX_MATRIX_JOBS}. ` +
            'Narrow it with the services input, or split the workflow.');
    }
    const services = [...new Set(plan.changes.map(c => c.service))].sort();
    (0,workflow/* setOutput */.uH)('matrix', JSON.stringify({ include: plan.entries }));
    (0,workflow/* setOutput */.uH)('services', JSON.stringify(services));
    (0,workflow/* setOutput */.uH)('has-changes', plan.entries.length > 0 ? 'true' : 'false');
    (0,workflow/* setOutput */.uH)('unrouted', JSON.stringify(plan.unrouted));
    (0,workflow/* info */.pq)(plan.entries.length === 0
        ? `Nothing to deploy (${plan.range.why}).`
        : plan.entries
            .map(e => `${e.action} ${e.service} → ${e.deployment} [${e['runs-on'].join(', ')}]`)
            .join('\n'));
    (0,workflow/* appendSummary */.fe)(planSummary(plan));
}
async function readEventContext() {
    const path = process.env.GITHUB_EVENT_PATH;
    let payload = {};
    if (path) {
        try {
            payload = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        }
        catch (error) {
            throw new errors/* ActionError */.lZ(`Cannot read the event payload at GITHUB_EVENT_PATH (${error.message}).`);
        }
    }
    return {
        eventName: process.env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
        payload,
        sha: process.env.GITHUB_SHA || 'HEAD',
        ref: process.env.GITHUB_REF ?? ''
    };
}

;// CONCATENATED MODULE: ./src/main.ts




/** The action's entry: read `command`, run it, turn any error into a failed step. */
async function run() {
    try {
        // The runner runs `post:` after every step that used the action, with the same inputs and
        // the state its main step saved. Only a deploy's has work (when its main step did not get to
        // finish); any other post step ends at once, and never runs its command a second time.
        if ((0,workflow/* getState */.Gu)('main-ran') !== '') {
            const deployment = (0,workflow/* getState */.Gu)('deployment');
            if (deployment !== '') {
                const { postDeployCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(435), __nccwpck_require__.e(373)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3373));
                await postDeployCommand(deployment);
            }
            return;
        }
        (0,workflow/* saveState */.LZ)('main-ran', 'true');
        const command = (0,src_inputs/* getCommand */.OE)(workflow/* getInput */.V4);
        // plan's code is part of this module (a second module costs plan a few ms of start-up);
        // deploy's, with the YAML parser, is loaded only by deploy and remove.
        if (command === 'plan') {
            await planCommand();
        }
        else if (command === 'deploy') {
            const { deployCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(435), __nccwpck_require__.e(373)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3373));
            await deployCommand();
        }
        else if (command === 'new-deployments') {
            const { newDeploymentsCommand } = await __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.bind(__nccwpck_require__, 9752));
            await newDeploymentsCommand();
        }
        else {
            const { removeCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(435), __nccwpck_require__.e(373)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3373));
            await removeCommand();
        }
    }
    catch (error) {
        (0,workflow/* setFailed */.C1)((0,errors/* errorMessage */.gJ)(error));
    }
}
/**
 * The bundle's entry (CommonJS, so no top-level await): starts `work`, and if Node runs out of
 * things to wait for before it settles, nothing ever will, so the step fails rather than ending
 * green (what an ES module's top-level await gave: exit code 13).
 */
function start(work = run) {
    let settled = false;
    void work().finally(() => (settled = true));
    process.once('beforeExit', () => {
        if (!settled)
            (0,workflow/* setFailed */.C1)('The action stopped before its work was done (a bug: please report it).');
    });
}

;// CONCATENATED MODULE: ./src/index.ts

start();

module.exports = __webpack_exports__;
/******/ })()
;