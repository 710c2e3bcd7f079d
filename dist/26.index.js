export const id = 26;
export const ids = [26];
export const modules = {

/***/ 161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 5026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planCommand: () => (/* binding */ planCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(3360);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(7187);
;// CONCATENATED MODULE: ./src/exec.ts

const runCommand = async (command, args, options = {}) => {
    const result = await exec/* getExecOutput */.H(command, args, {
        cwd: options.cwd,
        env: options.env,
        input: options.input,
        silent: true,
        ignoreReturnCode: true
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
};

// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
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
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/\|/g, '\\|')
        .replace(/`/g, "'")
        .replace(/</g, '&lt;');
}

;// CONCATENATED MODULE: ./src/plan/git.ts

function createGit(run, repo) {
    const git = (args) => run('git', ['-c', `safe.directory=${repo}`, ...args], { cwd: repo });
    const mustGit = async (args, what) => {
        const result = await git(args);
        if (result.exitCode !== 0) {
            throw new errors/* ActionError */.lZ(`git could not ${what}: ${result.stderr.trim() || `exit ${result.exitCode}`}`);
        }
        return result.stdout;
    };
    const nulList = (text) => text.split('\0').filter(p => p !== '');
    return {
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
        async changedFiles(base, head) {
            return nulList(await mustGit(['diff', '--name-only', '--no-renames', '--no-ext-diff', '-z', base, head, '--'], `compare ${base} with ${head}`));
        },
        async listFiles(revision, dir) {
            return nulList(await mustGit(['ls-tree', '-r', '--name-only', '--full-tree', '-z', revision, '--', `${dir}/`], `list ${dir} at ${revision}`));
        }
    };
}

;// CONCATENATED MODULE: ./src/plan/matrix.ts
/** GitHub rejects a matrix of more than 256 jobs. */
const MAX_MATRIX_JOBS = 256;
/**
 * Crosses the changed services with the deployments. A service without a compose file at head
 * is removed from each of its deployments; one with a compose file is deployed to each.
 */
function buildPlan(changes, deployments) {
    const byService = new Map();
    for (const d of deployments) {
        const list = byService.get(d.service);
        if (list)
            list.push(d);
        else
            byService.set(d.service, [d]);
    }
    const entries = [];
    const unrouted = [];
    for (const change of [...changes].sort((a, b) => a.service.localeCompare(b.service))) {
        const targets = byService.get(change.service) ?? [];
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
        const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
;// CONCATENATED MODULE: ./src/deployments/contract.ts


const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/**
 * Accepts the whole `terraform output -json` document (uses `deployments.value`) or the bare
 * map, and checks every field of every deployment. `input` names where it came from, for errors.
 */
function parseDeployments(json, input) {
    if (!isObj(json))
        throw shapeError(input, 'is not a JSON object');
    let map = json;
    if ('deployments' in json) {
        const output = json.deployments;
        if (!isObj(output) || !('value' in output)) {
            throw shapeError(input, 'has a \'deployments\' key that is not a terraform output ({"value": ...})');
        }
        map = output.value;
        if (!isObj(map))
            throw shapeError(input, "'deployments.value' is not an object");
    }
    else if (Object.values(json).some(v => isObj(v) && 'value' in v && 'type' in v)) {
        throw shapeError(input, "is a terraform output document without a 'deployments' output");
    }
    const problems = [];
    const deployments = [];
    for (const [name, raw] of Object.entries(map)) {
        const where = `deployment '${name}'`;
        if (!(0,names/* isValidName */.uV)(name))
            problems.push(`${where}: name ${nameRule}`);
        if (!isObj(raw)) {
            problems.push(`${where}: is not an object`);
            continue;
        }
        const service = raw.service;
        if (typeof service !== 'string' || !(0,names/* isValidName */.uV)(service)) {
            problems.push(`${where}: service ${JSON.stringify(service)} ${nameRule}`);
        }
        const path = typeof raw.path === 'string' ? (0,names/* normaliseRepoPath */.Gn)(raw.path) : undefined;
        if (path === undefined) {
            problems.push(`${where}: path ${JSON.stringify(raw.path)} must be a relative path inside the repository (no .., not absolute)`);
        }
        const target = raw.target;
        if (typeof target !== 'string' || !(0,names/* isValidName */.uV)(target)) {
            problems.push(`${where}: target ${JSON.stringify(target)} ${nameRule}`);
        }
        const labels = raw.runner_labels;
        if (!Array.isArray(labels) || labels.length === 0) {
            problems.push(`${where}: runner_labels must be a non-empty array of label strings`);
        }
        else {
            const bad = labels.filter(l => typeof l !== 'string' || !(0,names/* isValidLabel */.zJ)(l));
            if (bad.length > 0) {
                problems.push(`${where}: runner_labels ${bad.map(l => JSON.stringify(l)).join(', ')} are not valid labels (letters, digits, . _ -; no commas or spaces)`);
            }
        }
        if (typeof raw.public !== 'boolean')
            problems.push(`${where}: public must be true or false`);
        const url = raw.url ?? null;
        if (url !== null && (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url))) {
            problems.push(`${where}: url ${JSON.stringify(url)} must be an http(s) URL or null`);
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
    return deployments.sort((a, b) => a.name.localeCompare(b.name));
}
/**
 * Secrets are selected by `<SERVICE>__<KEY>` and `<DEPLOYMENT>__<KEY>`: a deployment named like
 * another service (deployment `api` of service `web`, and a service `api`) would receive the
 * other service's secrets, and `API__<KEY>` would mean two things.
 */
function nameCollisions(deployments) {
    const prefix = (name) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
    const services = [...new Set(deployments.map(d => d.service))];
    return deployments.flatMap(d => services
        .filter(s => s !== d.service && prefix(s) === prefix(d.name))
        .map(s => `deployment '${d.name}' (of service '${d.service}') is named like the service '${s}': ${prefix(s)}__<KEY> would select the secrets of both; rename the deployment, e.g. '${d.service}-${d.target}'`));
}
const nameRule = "must match ^[a-z0-9][a-z0-9-]{0,62}$ (and have no '--' and no trailing '-')";
const contractFix = 'Fix the `deployments` output in infrastructure/outputs.tf (shape: see DESIGN.md / README "The deployments contract").';
function shapeError(input, problem) {
    return new errors/* InputError */.dz(input, problem, 'Pass `terraform output -json` (the whole document) or its `deployments` map.');
}

;// CONCATENATED MODULE: ./src/deployments/source.ts





/**
 * Reads the deployments from the `deployments` input (JSON text or a file path) or by running
 * `terraform output -json` in `terraform-dir`.
 */
async function loadDeployments(source, workspace, run) {
    if (source.deployments !== undefined) {
        const text = source.deployments;
        if (/^\s*[{[]/.test(text))
            return parseDeployments(parseJson(text, 'deployments', 'the text'), 'deployments');
        const file = (0,external_node_path_.isAbsolute)(text) ? text : (0,external_node_path_.resolve)(workspace, text);
        let content;
        try {
            content = await (0,promises_.readFile)(file, 'utf8');
        }
        catch {
            throw new errors/* InputError */.dz('deployments', `'${text}' is neither JSON nor a readable file`, 'Pass the JSON itself, or a path (relative to the workspace) to a file holding `terraform output -json`.');
        }
        return parseDeployments(parseJson(content, 'deployments', `file '${text}'`), 'deployments');
    }
    const dir = (0,external_node_path_.resolve)(workspace, source.terraformDir ?? '.');
    if (!(await io/* which */.K7('terraform', false))) {
        throw new errors/* InputError */.dz('terraform-dir', 'terraform is not on PATH', 'Add hashicorp/setup-terraform before this step, or pass the output as the deployments input instead.');
    }
    const result = await run('terraform', [`-chdir=${dir}`, 'output', '-json', '-no-color'], {});
    if (result.exitCode !== 0) {
        throw new errors/* ActionError */.lZ(`terraform output -json in '${source.terraformDir}' failed (exit ${result.exitCode}): ${result.stderr.trim()}\n` +
            'Run terraform init (with the same backend) in that folder first.');
    }
    return parseDeployments(parseJson(result.stdout, 'terraform-dir', 'terraform output -json (with hashicorp/setup-terraform, set terraform_wrapper: false)'), 'terraform-dir');
}
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

;// CONCATENATED MODULE: ./src/plan/range.ts

const FULL_SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
// Deepening steps for merge-bases in shallow clones, then --unshallow.
const DEEPEN_STEPS = [50, 500];
/**
 * Makes sure the commits to compare are present, fetching only what is missing (shallow clones
 * are the default of actions/checkout), and returns full SHAs. A missing event commit means
 * "deploy everything" (safe); a missing input commit is the user's error.
 */
async function resolveRange(request, rawGit, sources) {
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

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/compose-files.ts
var compose_files = __webpack_require__(161);
;// CONCATENATED MODULE: ./src/plan/services.ts



const COMPOSE_SET = new Set(compose_files/* COMPOSE_FILES */.Z);
/**
 * Services present in a tree: direct sub-folders of `servicesDir` holding a compose file, from a
 * list of file paths (git ls-tree). Folders whose names are not valid service names are reported
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
        ((0,names/* isValidName */.uV)(name) ? services : invalid).add(name);
    }
    return { services, invalid };
}
/**
 * Maps changed files to service folders in one pass: a set lookup per file, one compiled matcher
 * for all shared-path globs.
 */
function changedServices(files, servicesDir, sharedPaths) {
    const prefix = `${servicesDir}/`;
    const isShared = sharedPaths.length > 0 ? picomatch_default()(sharedPaths, { dot: true }) : () => false;
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
    // Bad deployments fail before any git work, so the error is about the input, not a side effect.
    const deployments = await loadDeployments(inputs, deps.workspace, deps.run);
    const warnings = [];
    for (const d of deployments) {
        const expected = `${inputs.servicesDir}/${d.service}`;
        if (d.path !== expected) {
            warnings.push(`Deployment '${d.name}' has path '${d.path}', but service '${d.service}' lives in '${expected}'; changes are detected in '${expected}'.`);
        }
    }
    let request = eventRange(context, {
        base: inputs.base,
        head: inputs.head,
        services: inputs.services
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
    const range = await resolveRange(request, deps.git, {
        baseFromInput: inputs.base !== undefined,
        headFromInput: inputs.head !== undefined
    });
    if (range.kind === 'none')
        return { ...buildPlan([], deployments), range, deployments, warnings };
    if (range.kind === 'all' && range.warning)
        warnings.push(range.warning);
    const tree = servicesInTree(await deps.git.listFiles(range.head, inputs.servicesDir), inputs.servicesDir);
    for (const name of tree.invalid) {
        warnings.push(`Folder '${inputs.servicesDir}/${name}' is not a valid service name (^[a-z0-9][a-z0-9-]{0,62}$) and is ignored.`);
    }
    const atHead = tree.services;
    const changes = [];
    if (range.kind === 'diff') {
        const files = await deps.git.changedFiles(range.base, range.head);
        const { byService, sharedFiles } = changedServices(files, inputs.servicesDir, inputs.sharedPaths);
        const deployed = new Set(deployments.map(d => d.service));
        for (const [service, reason] of byService) {
            if (atHead.has(service))
                changes.push({ service, action: 'deploy', reason });
            // A folder without a compose file is only a removal if something is deployed from it.
            else if (deployed.has(service))
                changes.push({ service, action: 'remove', reason });
        }
        if (sharedFiles.length > 0) {
            for (const service of atHead) {
                if (deployed.has(service) && !byService.has(service))
                    changes.push({ service, action: 'deploy', reason: sharedFiles });
            }
        }
    }
    else {
        const selected = range.kind === 'selection' && range.services !== 'all' ? range.services : [...atHead];
        const unknown = selected.filter(s => !atHead.has(s));
        if (unknown.length > 0) {
            throw new errors/* InputError */.dz('services', `no service folder with a compose file for: ${unknown.join(', ')}`, `Name folders under ${inputs.servicesDir}/ that hold a compose.yaml, or use 'all'.`);
        }
        for (const service of selected)
            changes.push({ service, action: 'deploy', reason: [range.why] });
    }
    return { ...buildPlan(changes, deployments), range, deployments, warnings };
}

;// CONCATENATED MODULE: ./src/plan/command.ts










/** `command: plan` — the @actions edges around computePlan. */
async function planCommand() {
    const inputs = (0,src_inputs/* getPlanInputs */.zb)(core/* getInput */.V4);
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const context = await readEventContext();
    if (inputs.githubToken !== '')
        core/* setSecret */.Pq(inputs.githubToken);
    const plan = await computePlan(inputs, context, {
        git: createGit(runCommand, workspace),
        run: runCommand,
        workspace,
        lastSuccessfulRun: inputs.compareWith === 'last-successful-run'
            ? githubLastSuccessfulRun({
                token: inputs.githubToken,
                repository: process.env.GITHUB_REPOSITORY ?? '',
                workflowRef: process.env.GITHUB_WORKFLOW_REF ?? ''
            })
            : undefined
    });
    for (const warning of plan.warnings)
        core/* warning */.$e(warning);
    if (plan.unrouted.length > 0) {
        core/* warning */.$e(`Changed services with no deployment in the Terraform output (not deployed): ${plan.unrouted.join(', ')}. ` +
            'Add a module "launch-service" block for each in infrastructure/main.tf.');
    }
    if (plan.entries.length > MAX_MATRIX_JOBS) {
        throw new errors/* ActionError */.lZ(`The plan has ${plan.entries.length} jobs; a GitHub matrix allows at most ${MAX_MATRIX_JOBS}. ` +
            'Narrow it with the services input, or split the workflow.');
    }
    const services = [...new Set(plan.changes.map(c => c.service))].sort();
    core/* setOutput */.uH('matrix', JSON.stringify({ include: plan.entries }));
    core/* setOutput */.uH('services', JSON.stringify(services));
    core/* setOutput */.uH('has-changes', plan.entries.length > 0 ? 'true' : 'false');
    core/* setOutput */.uH('unrouted', JSON.stringify(plan.unrouted));
    core/* info */.pq(plan.entries.length === 0
        ? `Nothing to deploy (${plan.range.why}).`
        : plan.entries
            .map(e => `${e.action} ${e.service} → ${e.deployment} [${e['runs-on'].join(', ')}]`)
            .join('\n'));
    await core/* summary */.z.addRaw(planSummary(plan)).write();
}
async function readEventContext() {
    const path = process.env.GITHUB_EVENT_PATH;
    let payload = {};
    if (path) {
        try {
            payload = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
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


/***/ })

};
