// Test double of the two GitHub endpoints the boot script calls, for scripts/test-boot-script.sh:
//   POST /repos/{owner}/{repo}/actions/runners/registration-token (and /orgs/{org}/...)
//        201 {token, expires_at} when `Authorization: Bearer <expected PAT>`, otherwise 401;
//        for repositories named "flaky", the first request answers 503 (to exercise retries)
//   GET  /actions/runner/releases/download/v{version}/actions-runner-linux-x64-{version}.tar.gz
//        the fake runner tarball given on the command line
// Every request is appended as one JSON line to the record file. The port it listens on
// (127.0.0.1, chosen by the OS) is written to the port file once it is ready.
//
// usage: node fake-github-api.mjs <expected-pat> <runner-tarball> <record-file> <port-file>
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [expectedPat, tarballPath, recordFile, portFile] = process.argv.slice(2)
if (!portFile) {
  console.error('usage: node fake-github-api.mjs <expected-pat> <runner-tarball> <record-file> <port-file>')
  process.exit(2)
}
const REGISTRATION_TOKEN = 'FAKE-REGISTRATION-TOKEN'

const tokenPath = /^\/(repos\/[^/]+\/[^/]+|orgs\/[^/]+)\/actions\/runners\/registration-token$/
const downloadPath = /^\/actions\/runner\/releases\/download\/v[0-9.]+\/actions-runner-linux-x64-[0-9.]+\.tar\.gz$/

function reply(response, status, body, type = 'application/json') {
  response.writeHead(status, { 'content-type': type })
  response.end(body)
}

let flakyRequests = 0

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://fake')
  appendFileSync(
    recordFile,
    JSON.stringify({ method: request.method, path: url.pathname, authorization: request.headers.authorization ?? null }) + '\n'
  )
  if (request.method === 'POST' && tokenPath.test(url.pathname)) {
    if (url.pathname.startsWith('/repos/') && url.pathname.split('/')[3] === 'flaky' && flakyRequests++ === 0) {
      return reply(response, 503, JSON.stringify({ message: 'Service Unavailable (test double)' }))
    }
    if (request.headers.authorization !== `Bearer ${expectedPat}`) {
      return reply(response, 401, JSON.stringify({ message: 'Bad credentials', status: '401' }))
    }
    const expiresAt = new Date(Date.now() + 3600_000).toISOString()
    return reply(response, 201, JSON.stringify({ token: REGISTRATION_TOKEN, expires_at: expiresAt }))
  }
  if (request.method === 'GET' && downloadPath.test(url.pathname)) {
    return reply(response, 200, readFileSync(tarballPath), 'application/gzip')
  }
  reply(response, 404, JSON.stringify({ message: 'Not Found' }))
})

server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  writeFileSync(portFile, String(typeof address === 'object' && address ? address.port : ''))
})
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)))
