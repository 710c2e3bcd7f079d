import type { Compose, ProjectContainer } from './compose.js'
import type { Log } from './log.js'

const LOG_LINES = '100'

/** Containers that are why a deploy failed: not running, or not healthy. */
export function failingContainers(containers: ProjectContainer[]): ProjectContainer[] {
  return containers.filter(
    c => c.state !== 'running' || (c.health !== undefined && c.health !== 'healthy')
  )
}

export function describeContainer(c: ProjectContainer): string {
  const health = c.health === undefined ? 'no healthcheck' : `health ${c.health}`
  const exit = c.state === 'exited' ? `, exit code ${c.exitCode}` : ''
  return `service ${c.service} (container ${c.name}): ${c.state}${exit}, ${health}`
}

/**
 * Prints, for each failing container (or every container when none looks failing, e.g. after
 * a health-url failure), its state, last healthcheck output and recent logs. The log redacts.
 */
export async function reportFailure(
  compose: Compose,
  containers: ProjectContainer[],
  log: Log
): Promise<void> {
  const failing = failingContainers(containers)
  if (containers.length === 0) {
    log.info(
      'No container of this deployment exists: the build or the creation failed before any started.'
    )
    return
  }
  if (failing.length === 0) {
    log.info(`No container is down or unhealthy: ${containers.map(describeContainer).join('; ')}.`)
  }
  const shown = failing.length > 0 ? failing : containers
  for (const c of shown) {
    const logs = await compose.tryDocker(['logs', '--tail', LOG_LINES, c.id])
    const health = c.healthOutput?.trim()
      ? `\nlast healthcheck output:\n${c.healthOutput.trim()}`
      : ''
    const output = `${logs.stdout}${logs.stderr}`.trim() || '(no output)'
    log.group(
      `${describeContainer(c)}`,
      `${describeContainer(c)}${health}\nlast ${LOG_LINES} log lines:\n${output}`
    )
  }
}
