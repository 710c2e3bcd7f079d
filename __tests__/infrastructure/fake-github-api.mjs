// Test double of what a host reaches while it boots, for scripts/test-boot-script.sh:
//   POST /actions/runner-registration   what actions/runner's config.sh calls with the registration
//        token (`Authorization: RemoteAuth <token>`, body {url, runner_event}): 200 with the runner
//        service's URL and token when the token is the expected one; 404 otherwise (GitHub's answer
//        to an expired or unknown registration token). For a URL ending in /flaky, the first
//        FLAKY_FAILURES requests answer 503 (more than the 5 attempts the old boot script made).
//   GET  /actions/runner/releases/download/v{version}/actions-runner-linux-x64-{version}.tar.gz
//        the fake runner tarball given on the command line
//   GET  /docker/linux/<path>   files of the Docker apt repository test double (a folder given on
//        the command line: <distribution>/gpg, dists/..., pool/...), standing in for
//        download.docker.com/linux
// Every request is appended as one JSON line to the record file. The port it listens on
// (127.0.0.1, chosen by the OS) is written to the port file once it is ready.
//
// usage: node fake-github-api.mjs <registration-token> <runner-tarball> <docker-repo-dir> <record-file> <port-file>
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'

const [registrationToken, tarballPath, dockerRepoDir, recordFile, portFile] = process.argv.slice(2)
if (!portFile) {
  console.error('usage: node fake-github-api.mjs <registration-token> <runner-tarball> <docker-repo-dir> <record-file> <port-file>')
  process.exit(2)
}
const FLAKY_FAILURES = 7

const downloadPath = /^\/actions\/runner\/releases\/download\/v[0-9.]+\/actions-runner-linux-x64-[0-9.]+\.tar\.gz$/
const dockerRepoRoute = /^\/docker\/linux\/((?:[A-Za-z0-9_.~+-]+\/)*[A-Za-z0-9_.~+-]+)$/

function reply(response, status, body, type = 'application/json') {
  response.writeHead(status, { 'content-type': type })
  response.end(body)
}

let flakyRequests = 0

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://fake')
  let body = ''
  request.on('data', chunk => (body += chunk))
  request.on('end', () => {
    let registrationUrl
    try {
      registrationUrl = body ? (JSON.parse(body).url ?? null) : null
    } catch {
      registrationUrl = 'unparsable body'
    }
    appendFileSync(
      recordFile,
      JSON.stringify({ method: request.method, path: url.pathname, authorization: request.headers.authorization ?? null, url: registrationUrl }) + '\n'
    )
    if (request.method === 'POST' && url.pathname === '/actions/runner-registration') {
      if (typeof registrationUrl === 'string' && registrationUrl.endsWith('/flaky') && flakyRequests++ < FLAKY_FAILURES) {
        return reply(response, 503, JSON.stringify({ message: 'Service Unavailable (test double)' }))
      }
      if (request.headers.authorization !== `RemoteAuth ${registrationToken}`) {
        return reply(response, 404, JSON.stringify({ message: 'Not Found' }))
      }
      return reply(response, 200, JSON.stringify({ url: 'https://pipelines.fake/runner', token: 'FAKE-RUNNER-SERVICE-TOKEN', token_schema: 'OAuthAccessToken' }))
    }
    if (request.method === 'GET' && downloadPath.test(url.pathname)) {
      return reply(response, 200, readFileSync(tarballPath), 'application/gzip')
    }
    const repoFile = dockerRepoRoute.exec(decodeURIComponent(url.pathname))?.[1]
    if (request.method === 'GET' && repoFile && !repoFile.split('/').includes('..')) {
      const path = join(dockerRepoDir, repoFile)
      if (existsSync(path) && statSync(path).isFile()) return reply(response, 200, readFileSync(path), 'application/octet-stream')
    }
    reply(response, 404, JSON.stringify({ message: 'Not Found' }))
  })
})

server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  writeFileSync(portFile, String(typeof address === 'object' && address ? address.port : ''))
})
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)))
