/**
 * scripts/export-set-variables.sh, which the Terraform workflow runs: a secret that is not set
 * arrives as "", and TF_VAR_x="" would be an empty string to Terraform, not null.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/action.js'

/** Reads $GITHUB_ENV the way the runner does: NAME=value lines and NAME<<DELIMITER blocks. */
function parseGithubEnv(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!heredoc) continue
    const [, name, delimiter] = heredoc
    const value: string[] = []
    while (lines[++i] !== delimiter) value.push(lines[i] ?? '')
    result[name as string] = value.join('\n')
  }
  return result
}

test('exports the set values exactly, leaves the empty ones out, prints no value', () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-env-'))
  try {
    const githubEnv = join(dir, 'env')
    writeFileSync(githubEnv, '')
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nCANARY-line-2 $HOME "q"\n-----END OPENSSH PRIVATE KEY-----'
    const result = spawnSync('bash', [join(REPO_ROOT, 'scripts/export-set-variables.sh')], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_ENV: githubEnv,
        SET_TF_VAR_github_pat: 'github_pat_CANARY0123456789',
        SET_TF_VAR_proxmox_ssh_private_key: key,
        SET_TF_VAR_aws_access_key_id: '',
        NOT_SET_PREFIXED: 'x'
      }
    })
    expect(result.status).toBe(0)
    expect(parseGithubEnv(readFileSync(githubEnv, 'utf8'))).toEqual({
      TF_VAR_github_pat: 'github_pat_CANARY0123456789',
      TF_VAR_proxmox_ssh_private_key: key
    })
    expect(result.stdout + result.stderr).not.toContain('CANARY')
    expect(result.stdout).toContain('TF_VAR_github_pat')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('outside a job (no GITHUB_ENV) it fails and says why', () => {
  const result = spawnSync('bash', [join(REPO_ROOT, 'scripts/export-set-variables.sh')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', SET_X: 'y' }
  })
  expect(result.status).not.toBe(0)
  expect(result.stderr).toContain('GITHUB_ENV is not set')
})
