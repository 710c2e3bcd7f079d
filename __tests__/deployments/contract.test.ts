import { parseDeployments } from '../../src/deployments/contract.js'

const entry = {
  service: 'test-service',
  path: 'services/test-service',
  target: 'aws',
  runner_labels: ['self-hosted', 'aws', 'test-service-aws'],
  public: true,
  url: 'https://test.example.com'
}

describe('parseDeployments', () => {
  test('the bare map and the whole terraform output document give the same result', () => {
    const bare = parseDeployments({ 'test-service-aws': entry }, 'deployments')
    const doc = parseDeployments(
      {
        deployments: { sensitive: false, type: ['map', 'x'], value: { 'test-service-aws': entry } },
        other: { value: 1, type: 'number' }
      },
      'deployments'
    )
    expect(doc).toEqual(bare)
    expect(bare).toEqual([
      {
        name: 'test-service-aws',
        service: 'test-service',
        path: 'services/test-service',
        target: 'aws',
        runnerLabels: ['self-hosted', 'aws', 'test-service-aws'],
        public: true,
        url: 'https://test.example.com'
      }
    ])
  })

  test('every problem is listed at once, naming the deployment and the field', () => {
    const bad = {
      'Bad Name': entry,
      x: { ...entry, path: '/etc', runner_labels: ['ok', 'a,b', ''], public: 'yes', url: 'ftp://x' }
    }
    expect(() => parseDeployments(bad, 'deployments')).toThrow(
      /deployment 'Bad Name': name must match[\s\S]*deployment 'x': path "\/etc"[\s\S]*"a,b", ""[\s\S]*public must be true or false[\s\S]*url "ftp:\/\/x"/
    )
  })

  test('a terraform output document without deployments is named as such', () => {
    expect(() =>
      parseDeployments({ vpc_id: { value: 'x', type: 'string' } }, 'terraform-dir')
    ).toThrow(
      "Input 'terraform-dir': is a terraform output document without a 'deployments' output"
    )
  })

  // Terraform refuses these too (shared table __tests__/fixtures/contract/names.json).
  test.each([['..'], ['services/../..'], ['a\\b'], [''], ['.'], ['./services/web']])(
    'path %p is refused',
    path => {
      expect(() => parseDeployments({ x: { ...entry, path } }, 'deployments')).toThrow(
        /must be a relative path inside the repository/
      )
    }
  )

  test('a deployment may be called "deployments": a record is not an output document', () => {
    const parsed = parseDeployments({ deployments: entry, web: entry }, 'deployments')
    expect(parsed.map(d => d.name)).toEqual(['deployments', 'web'])
    const doc = { deployments: { type: 'x', value: { deployments: entry } } }
    expect(parseDeployments(doc, 'deployments').map(d => d.name)).toEqual(['deployments'])
  })
})
