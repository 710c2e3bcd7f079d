import { parseDeployments } from '../../src/deployments/contract.js'
import { joinPublishedDeployments } from '../../src/deployments/published.js'
import { loadDeployments } from '../../src/deployments/source.js'
import { runCommand } from '../../src/exec.js'

const record = (service: string, name: string): Record<string, unknown> => ({
  service,
  path: `services/${service}`,
  target: 'aws',
  runner_labels: ['self-hosted', 'aws', name],
  public: false,
  url: null
})

describe('joinPublishedDeployments (the repository variables Terraform publishes)', () => {
  test('joins every part; other variables are ignored', () => {
    const vars = {
      WEB__PORT: '8080',
      LAUNCH_SERVICE_DEPLOYMENTS: '2',
      LAUNCH_SERVICE_DEPLOYMENTS_1: JSON.stringify({ 'web-aws': record('web', 'web-aws') }),
      LAUNCH_SERVICE_DEPLOYMENTS_2: JSON.stringify({ 'api-aws': record('api', 'api-aws') })
    }
    const deployments = parseDeployments(joinPublishedDeployments(vars), 'vars')
    // Order is not part of the contract (the matrix sorts per service).
    expect(deployments.map(d => d.name).sort()).toEqual(['api-aws', 'web-aws'])
  })

  test('zero parts is an empty map (nothing deployed yet)', () => {
    expect(joinPublishedDeployments({ LAUNCH_SERVICE_DEPLOYMENTS: '0' })).toEqual({})
  })

  test('500 deployments fit the variable limits in parts of 100', () => {
    const vars: Record<string, string> = { LAUNCH_SERVICE_DEPLOYMENTS: '5' }
    for (let part = 1; part <= 5; part++) {
      const map: Record<string, unknown> = {}
      for (let i = 0; i < 100; i++) {
        const name = `service-number-${part}-${i}-homelab`
        map[name] = {
          ...record(`service-number-${part}-${i}`, name),
          url: `https://${name}.example.com`
        }
      }
      vars[`LAUNCH_SERVICE_DEPLOYMENTS_${part}`] = JSON.stringify(map)
      // One variable holds at most 48 KB; a run gets at most 256 KB of variables in all.
      expect(Buffer.byteLength(vars[`LAUNCH_SERVICE_DEPLOYMENTS_${part}`] ?? '')).toBeLessThan(
        48 * 1024
      )
    }
    expect(Buffer.byteLength(Object.values(vars).join(''))).toBeLessThan(256 * 1024)
    expect(parseDeployments(joinPublishedDeployments(vars), 'vars')).toHaveLength(500)
  })

  test.each([
    [{}, 'has no LAUNCH_SERVICE_DEPLOYMENTS variable'],
    [{ LAUNCH_SERVICE_DEPLOYMENTS: 'two' }, 'must be the number of parts'],
    [
      { LAUNCH_SERVICE_DEPLOYMENTS: '2', LAUNCH_SERVICE_DEPLOYMENTS_1: '{}' },
      'LAUNCH_SERVICE_DEPLOYMENTS_2 is missing'
    ],
    [{ LAUNCH_SERVICE_DEPLOYMENTS: '1', LAUNCH_SERVICE_DEPLOYMENTS_1: '{' }, 'is not valid JSON'],
    [
      { LAUNCH_SERVICE_DEPLOYMENTS: '1', LAUNCH_SERVICE_DEPLOYMENTS_1: '[]' },
      'is not a JSON object'
    ],
    [
      {
        LAUNCH_SERVICE_DEPLOYMENTS: '2',
        LAUNCH_SERVICE_DEPLOYMENTS_1: '{"a":{}}',
        LAUNCH_SERVICE_DEPLOYMENTS_2: '{"a":{}}'
      },
      "deployment 'a' is in two parts"
    ]
  ])('%j is refused: %s', (vars, message) => {
    expect(() => joinPublishedDeployments(vars as Record<string, string>)).toThrow(message)
  })
})

test('names that are Object.prototype members are names like any other', () => {
  const vars = {
    LAUNCH_SERVICE_DEPLOYMENTS: '2',
    LAUNCH_SERVICE_DEPLOYMENTS_1: '{"constructor":{"service":"a"}}',
    LAUNCH_SERVICE_DEPLOYMENTS_2: '{"__proto__":{"service":"b"}}'
  }
  const map = joinPublishedDeployments(vars)
  expect(Object.keys(map).sort()).toEqual(['__proto__', 'constructor'])
  expect(() => parseDeployments(map, 'vars')).toThrow(/deployment '__proto__': name must match/)
})

test('a deployment split across two parts is refused: each part must be a JSON object by itself', async () => {
  // What a truncated or hand-edited variable looks like: neither part is JSON, only their join is
  // (in Terraform's form: attributes sorted, compact).
  const entry =
    '{"web-aws":{"path":"services/web","public":false,"runner_labels":["self-hosted","aws"],"service":"web","target":"aws","url":null}}'
  const cut = entry.indexOf(',"service"')
  const vars = {
    LAUNCH_SERVICE_DEPLOYMENTS: '2',
    LAUNCH_SERVICE_DEPLOYMENTS_1: `${entry.slice(0, cut)}}`,
    LAUNCH_SERVICE_DEPLOYMENTS_2: `{${entry.slice(cut + 1)}`
  }
  expect(() => joinPublishedDeployments(vars)).toThrow(
    /LAUNCH_SERVICE_DEPLOYMENTS_1 is not valid JSON/
  )
  await expect(
    loadDeployments({ publishedVars: vars, servicesDir: 'services' }, process.cwd(), runCommand)
  ).rejects.toThrow(/LAUNCH_SERVICE_DEPLOYMENTS_1 is not valid JSON/)
})
