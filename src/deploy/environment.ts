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
])
const KEPT_PREFIXES = ['DOCKER_', 'BUILDKIT_']

export function isDockerVariable(name: string): boolean {
  return KEPT_NAMES.has(name) || KEPT_PREFIXES.some(prefix => name.startsWith(prefix))
}

/** The allowlisted part of an environment (process.env by default). */
export function dockerEnvironment(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && isDockerVariable(name)) env[name] = value
  }
  return env
}
