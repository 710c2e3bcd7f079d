import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

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

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1730);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   OE: () => (/* binding */ getCommand),
/* harmony export */   Z0: () => (/* binding */ getDeployInputs),
/* harmony export */   uj: () => (/* binding */ getRemoveInputs),
/* harmony export */   zb: () => (/* binding */ getPlanInputs)
/* harmony export */ });
/* unused harmony exports COMMANDS, lines */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6455);


const COMMANDS = ['plan', 'deploy', 'remove'];
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('deployments', 'both deployments and terraform-dir are set', 'Set only one: deployments (JSON or a file) or terraform-dir (runs terraform output -json).');
    }
    if (!deployments && !terraformDir) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('deployments', 'neither deployments nor terraform-dir is set', 'Pass the terraform output as deployments (JSON text or a file path), or set terraform-dir.');
    }
    const servicesDir = repoPath(read, 'services-dir', 'services');
    return {
        deployments,
        terraformDir: terraformDir === undefined ? undefined : repoPath(read, 'terraform-dir'),
        servicesDir,
        base: optionalRevision(read, 'base'),
        head: optionalRevision(read, 'head'),
        services: serviceSelection(read),
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
        envFile: fileName(read, 'env-file', '.env'),
        composeFile: read('compose-file').trim() ? fileName(read, 'compose-file') : undefined,
        waitTimeoutSeconds: positiveInteger(read, 'wait-timeout', 300),
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
        envFile: fileName(read, 'env-file', '.env')
    };
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
    const names = read('services')
        .split(/[\s,]+/)
        .map(s => s.trim())
        .filter(s => s !== '');
    if (names.length === 0)
        return undefined;
    if (names.length === 1 && names[0] === 'all')
        return 'all';
    const bad = names.filter(n => !(0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidName */ .uV)(n));
    if (bad.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('services', `not valid service names: ${bad.join(', ')}`, "Use 'all' or folder names under services-dir, separated by commas or new lines.");
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
function positiveInteger(read, name, fallback) {
    const raw = read(name).trim();
    if (raw === '')
        return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${raw}' is not a whole number of seconds`, 'Pass a number like 300.');
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

/***/ 1730:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8422);
/* harmony import */ var _workflow_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2986);



/** The action's entry: read `command`, run it, turn any error into a failed step. */
async function run() {
    try {
        const command = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .getCommand */ .OE)(_workflow_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4);
        // Each command is loaded on demand so a plan never pays for deploy's code (and @actions/core),
        // and vice versa.
        if (command === 'plan') {
            const { planCommand } = await __nccwpck_require__.e(/* import() */ 847).then(__nccwpck_require__.bind(__nccwpck_require__, 4847));
            await planCommand();
        }
        else if (command === 'deploy') {
            const { deployCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(94), __nccwpck_require__.e(849)]).then(__nccwpck_require__.bind(__nccwpck_require__, 849));
            await deployCommand();
        }
        else {
            const { removeCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(94), __nccwpck_require__.e(849)]).then(__nccwpck_require__.bind(__nccwpck_require__, 849));
            await removeCommand();
        }
    }
    catch (error) {
        (0,_workflow_js__WEBPACK_IMPORTED_MODULE_2__/* .setFailed */ .C1)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error));
    }
}


/***/ }),

/***/ 6455:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ normaliseRepoPath),
/* harmony export */   MP: () => (/* binding */ compareNames),
/* harmony export */   uV: () => (/* binding */ isValidName),
/* harmony export */   zJ: () => (/* binding */ isValidLabel)
/* harmony export */ });
/* unused harmony exports NAME_PATTERN, LABEL_PATTERN */
/**
 * Every name that reaches a command line, a path, a runner label or a DNS record passes through
 * here first. One rule per concept, shared by plan, deploy and remove.
 */
/** Service and deployment names (DESIGN.md contract): DNS-label-like, also valid compose project names. */
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** GitHub runner labels: no commas (config.sh splits on them), no whitespace or control characters. */
const LABEL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/**
 * The contract's pattern, minus two things it lets through that break downstream: a trailing '-'
 * (invalid as a DNS label and as an image tag) and '--' (service 'foo' would select the secrets
 * FOO__BAR__KEY meant for service 'foo--bar').
 */
function isValidName(name) {
    return NAME_PATTERN.test(name) && !name.endsWith('-') && !name.includes('--');
}
/**
 * Orders names by code unit. Names are checked ASCII, so this is the order everyone expects, and
 * unlike localeCompare it does not load ICU's collator (tens of ms at start-up).
 */
function compareNames(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
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


/***/ }),

/***/ 2986:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony export error */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The few GitHub Actions runner commands plan needs, in exactly the formats @actions/core writes
 * (its 3.x source: command.ts, file-command.ts, summary.ts), without loading it: @actions/core
 * bundles an HTTP client for OIDC that costs more start-up time than all of plan's work. The
 * deploy path, which is slow anyway, keeps using @actions/core. __tests__/workflow.test.ts checks
 * both write the same.
 */
/** `core.getInput`: INPUT_<NAME> (spaces to `_`, upper case), trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/** Workflow command data: `%`, CR and LF would end or garble the command. */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function issue(command, message) {
    process.stdout.write(`::${command}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
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
function fileCommand(variable) {
    const path = process.env[variable];
    if (!path)
        throw new Error(`Unable to find environment variable for file command ${variable}`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        throw new Error(`Missing file at path: ${path}`);
    return path;
}
/**
 * Sets a step output in GITHUB_OUTPUT's heredoc form (`name<<delimiter`, value, delimiter), as
 * @actions/core does.
 */
function setOutput(name, value) {
    const path = fileCommand('GITHUB_OUTPUT');
    const delimiter = `ghadelimiter_${randomHex()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: output ${name} contains the delimiter`);
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

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
