/**
 * The tests run the bundle through the same module as the demo and the benchmark
 * (scripts/run-action.mjs): dist/index.js as the Actions runner starts a node action, and its
 * post step with `state`.
 */
export {
  BUNDLE,
  NODE,
  REPO_ROOT,
  parseOutputFile,
  runAction,
  type ActionOptions,
  type ActionRun
} from '../../scripts/run-action.mjs'
