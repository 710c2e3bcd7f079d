/**
 * isIgnored against the Docker engine's own answer: for each .dockerignore, a real `docker build`
 * of a context with a .env in it (legacy builder, FROM scratch) shows whether .env was sent.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isIgnored } from '../../src/deploy/build-context.js'
import { docker, removeDir, uniqueName } from './support.js'

/** Whether `docker build` leaves .env out of the image with this .dockerignore. */
function dockerLeavesOut(rules: string): boolean {
  const context = mkdtempSync(join(tmpdir(), 'ls-dockerignore-'))
  const tag = uniqueName('ls-dockerignore')
  try {
    writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY . /\n')
    writeFileSync(join(context, '.env'), 'KEY=value\n')
    writeFileSync(join(context, '.dockerignore'), rules)
    docker('build', '--quiet', '--tag', tag, context)
    const container = docker('create', tag, 'none').trim()
    try {
      const files = execFileSync('docker', ['export', container]).toString('latin1')
      // tar headers start with the file name, NUL-padded.
      return !files.includes('.env\0')
    } finally {
      docker('rm', container)
    }
  } finally {
    docker('image', 'rm', tag)
    removeDir(context)
  }
}

test.each([
  '.env\n',
  '*.env\n',
  '**/.env\n',
  '.en?\n',
  '.e[m-o]v\n',
  '*\n!.env\n',
  '{.env,x}\n', // brace expansion: not Docker's syntax
  '@(.env)\n', // extglob: not Docker's syntax
  '!(foo)\n'
])('.dockerignore %j excludes .env exactly when docker build does', rules => {
  expect(isIgnored(rules, '.env')).toBe(dockerLeavesOut(rules))
})
