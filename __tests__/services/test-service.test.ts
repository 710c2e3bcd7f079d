/**
 * services/test-service's compose file as each of its deployments resolves it (`docker compose
 * config` with a .env made from .env.example): loopback by default, the LAN on the homelab, and the
 * tunnel connector only where COMPOSE_PROFILES asks for it, with its token from .env.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import { REPO_ROOT } from '../helpers/action.js'
import { serviceConfig } from './support.js'

const example = parseDotenv(
  readFileSync(join(REPO_ROOT, 'services/test-service/.env.example'), 'utf8')
)
const config = (env: Record<string, string> = {}) =>
  serviceConfig('test-service', { ...example, ...env })

test('the page is published on 127.0.0.1 only, unless the deployment sets BIND_ADDRESS', () => {
  expect(config().web?.ports).toEqual([
    expect.objectContaining({ host_ip: '127.0.0.1', published: '8080', target: 8080 })
  ])
  // The homelab deployment's variable TEST_SERVICE_HOMELAB__BIND_ADDRESS=0.0.0.0: the LAN reaches it.
  expect(config({ BIND_ADDRESS: '0.0.0.0' }).web?.ports).toEqual([
    expect.objectContaining({ host_ip: '0.0.0.0', published: '8080', target: 8080 })
  ])
})

test('the tunnel connector runs only with COMPOSE_PROFILES=tunnel, with the token from .env', () => {
  expect(Object.keys(config())).toEqual(['web'])
  const services = config({ COMPOSE_PROFILES: 'tunnel', CLOUDFLARE_TUNNEL_TOKEN: 'from-terraform' })
  expect(Object.keys(services).sort()).toEqual(['tunnel', 'web'])
  const tunnel = services.tunnel
  expect(tunnel?.image).toMatch(/^cloudflare\/cloudflared:[\w.]+@sha256:[0-9a-f]{64}$/)
  expect(tunnel?.environment).toEqual({ TUNNEL_TOKEN: 'from-terraform' })
  expect(tunnel?.ports ?? []).toEqual([])
})
