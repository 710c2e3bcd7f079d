import { parseDeployments } from '../../src/deployments/contract.js'
import { joinPublishedDeployments } from '../../src/deployments/published.js'

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
