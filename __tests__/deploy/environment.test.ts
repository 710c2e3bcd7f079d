import { dockerEnvironment } from '../../src/deploy/environment.js'

test('docker and compose get PATH, HOME, Docker, BuildKit, proxy and CA settings, nothing else', () => {
  const kept = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    TMPDIR: '/tmp',
    XDG_RUNTIME_DIR: '/run/user/1000',
    DOCKER_HOST: 'unix:///run/user/1000/docker.sock',
    DOCKER_CONFIG: '/home/runner/.docker',
    DOCKER_BUILDKIT: '1',
    BUILDKIT_PROGRESS: 'plain',
    HTTPS_PROXY: 'http://proxy:3128',
    no_proxy: 'localhost',
    SSL_CERT_FILE: '/etc/ssl/ca.pem'
  }
  const dropped = {
    INPUT_SECRETS: '{"WEB__API_KEY":"secret"}',
    INPUT_VARS: '{}',
    PORT: '1',
    GITHUB_TOKEN: 'ghs_x',
    RUNNER_TEMP: '/tmp/r',
    COMPOSE_PROJECT_NAME: 'other',
    MY_DOCKER_HOST: 'x'
  }
  expect(dockerEnvironment({ ...kept, ...dropped, UNSET: undefined })).toEqual(kept)
})
