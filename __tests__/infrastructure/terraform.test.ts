/**
 * Every Terraform check of infrastructure/ (scripts/test-terraform.sh) as one jest test each, so
 * `npm test` runs and counts them: fmt, shellcheck, init + validate + `terraform test` (providers
 * mocked) of every module and the root configuration, a real apply of the local example, and the
 * boot script run for real in a Debian container against a fake GitHub API.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/action.js'

const CHECKS = [
  'fmt',
  'lint-scripts',
  'runner',
  'aws-host',
  'proxmox-host',
  'cloudflare-dns',
  'cloudflare-tunnel',
  'launch-service',
  'root',
  'local-example',
  'boot-script'
]

describe('infrastructure (scripts/test-terraform.sh)', () => {
  test.each(CHECKS)('%s', check => {
    const result = spawnSync('bash', [join(REPO_ROOT, 'scripts/test-terraform.sh'), check], {
      encoding: 'utf8',
      timeout: 600_000
    })
    const log = `${result.stdout}\n${result.stderr}`
    if (result.status !== 0) throw new Error(`check ${check} failed:\n${log}`)
    expect(log).toContain(`PASS  ${check}`)
  })
})
