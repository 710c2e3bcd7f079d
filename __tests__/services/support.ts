import { execFileSync } from 'node:child_process'
import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/action.js'
import { tempDir } from '../helpers/git.js'
import { removeDir } from '../deploy/support.js'

export interface ComposeService {
  image?: string
  environment?: Record<string, string>
  ports?: { host_ip?: string; published?: string; target: number }[]
  profiles?: string[]
  depends_on?: Record<string, { condition: string }>
}

/** `docker compose config` of a copy of the service with the given .env. */
export function serviceConfig(
  service: string,
  env: Record<string, string>
): Record<string, ComposeService> {
  const dir = tempDir('ls-config-')
  cpSync(join(REPO_ROOT, 'services', service), dir, { recursive: true })
  writeFileSync(
    join(dir, '.env'),
    Object.entries(env)
      .map(([k, v]) => `${k}="${v}"`)
      .join('\n')
  )
  try {
    const out = execFileSync(
      'docker',
      [
        'compose',
        '--project-directory',
        dir,
        '--env-file',
        join(dir, '.env'),
        'config',
        '--format',
        'json'
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
    )
    return (JSON.parse(out) as { services: Record<string, ComposeService> }).services
  } finally {
    removeDir(dir)
  }
}
