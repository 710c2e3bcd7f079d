"use strict";
exports.id = 752;
exports.ids = [752];
exports.modules = {

/***/ 9752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  newDeploymentsCommand: () => (/* binding */ newDeploymentsCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
;// CONCATENATED MODULE: ./src/deployments/new-hosts.ts


/** Resource types that are a deployment's host: creating or replacing one means an empty host. */
const HOST_TYPES = new Set([
    'aws_instance',
    'proxmox_virtual_environment_container',
    'proxmox_virtual_environment_vm'
]);
/** `module.deployment["<name>"]…` in a resource address of the root's `for_each` module. */
const DEPLOYMENT_ADDRESS = /^module\.deployment\["([^"]+)"\]/;
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/**
 * The deployments a saved plan (`terraform show -json tfplan`) gives an empty host: new entries of
 * the `deployments` output, and deployments whose host is created or replaced. After the apply
 * these get a first deploy, so adding a deployment needs no second push.
 */
function newDeployments(plan, input) {
    if (!isObj(plan) || !Array.isArray(plan.resource_changes ?? [])) {
        throw new errors/* InputError */.dz(input, 'is not the JSON of a saved plan', 'Pass the output of `terraform show -json <planfile>`.');
    }
    const output = isObj(plan.output_changes) ? plan.output_changes.deployments : undefined;
    if (!isObj(output) || !isObj(output.after)) {
        throw new errors/* InputError */.dz(input, "has no known 'deployments' output", 'Plan the root configuration of infrastructure/ (its `deployments` output is the contract).');
    }
    const after = output.after;
    const before = isObj(output.before) ? output.before : {};
    const found = new Map();
    for (const name of Object.keys(after))
        if (!Object.hasOwn(before, name))
            found.set(name, 'new deployment');
    for (const change of (plan.resource_changes ?? [])) {
        if (!isObj(change) ||
            typeof change.address !== 'string' ||
            !HOST_TYPES.has(String(change.type)))
            continue;
        const actions = isObj(change.change) ? change.change.actions : undefined;
        if (!Array.isArray(actions) || !actions.includes('create'))
            continue;
        const name = DEPLOYMENT_ADDRESS.exec(change.address)?.[1];
        if (name !== undefined && Object.hasOwn(after, name) && !found.has(name))
            found.set(name, 'new host');
    }
    return [...found]
        .map(([name, why]) => {
        const record = after[name];
        const service = isObj(record) ? record.service : undefined;
        if (!(0,names/* isValidName */.uV)(name) || typeof service !== 'string' || !(0,names/* isValidName */.uV)(service)) {
            throw new errors/* InputError */.dz(input, `deployment ${JSON.stringify(name)} has no valid name or service`, 'Fix the `deployments` output (README.md, "The deployments contract").');
        }
        return { name, service, why };
    })
        .sort((a, b) => (0,names/* compareNames */.MP)(a.name, b.name));
}

// EXTERNAL MODULE: ./src/workflow.ts
var workflow = __webpack_require__(2986);
;// CONCATENATED MODULE: ./src/deployments/command.ts






/**
 * `command: new-deployments` — reads a saved plan's JSON (`terraform-plan`) and outputs the
 * deployments that get an empty host from it, and their services, for a first deploy after apply.
 */
async function newDeploymentsCommand() {
    const file = (0,inputs/* getNewDeploymentsInputs */.Mj)(workflow/* getInput */.V4).terraformPlan;
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.resolve)(process.env.GITHUB_WORKSPACE || process.cwd(), file), 'utf8');
    }
    catch {
        throw new errors/* InputError */.dz('terraform-plan', `'${file}' is not a readable file`, 'Check the path.');
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new errors/* InputError */.dz('terraform-plan', `'${file}' is not JSON`, 'Pass the output of `terraform show -json <planfile>`, not the binary plan file.');
    }
    const found = newDeployments(json, 'terraform-plan');
    const services = [...new Set(found.map(d => d.service))].sort();
    (0,workflow/* setOutput */.uH)('deployments', JSON.stringify(found.map(d => d.name)));
    (0,workflow/* setOutput */.uH)('services', services.join(','));
    (0,workflow/* info */.pq)(found.length === 0
        ? 'No deployment gets a new host.'
        : found.map(d => `${d.name} (${d.service}): ${d.why}`).join('\n'));
}


/***/ })

};
;