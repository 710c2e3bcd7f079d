import {
  getCommand,
  getNewDeploymentsInputs,
  getDeployInputs,
  getPlanInputs
} from '../src/inputs.js'

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('inputs', () => {
  test('command must be one of plan, deploy, remove, new-deployments', () => {
    expect(getCommand(reader({ command: ' plan ' }))).toBe('plan')
    expect(getCommand(reader({ command: 'new-deployments' }))).toBe('new-deployments')
    expect(() => getCommand(reader({}))).toThrow(
      "Input 'command': is required. Use one of: plan, deploy, remove, new-deployments."
    )
  })

  test('new-deployments: terraform-plan is required', () => {
    expect(() => getNewDeploymentsInputs(reader({}))).toThrow("Input 'terraform-plan': is required")
    expect(getNewDeploymentsInputs(reader({ 'terraform-plan': ' /tmp/p.json ' }))).toEqual({
      terraformPlan: '/tmp/p.json'
    })
  })

  test('plan: defaults and parsing', () => {
    expect(
      getPlanInputs(
        reader({
          deployments: '{}',
          services: 'web, api\napi',
          'shared-paths': 'a/**\n\n# comment\nb'
        })
      )
    ).toEqual({
      deployments: '{}',
      terraformDir: undefined,
      servicesDir: 'services',
      base: undefined,
      head: undefined,
      services: ['api', 'web'],
      sharedPaths: ['a/**', 'b'],
      compareWith: 'event',
      githubToken: '',
      publishedVars: undefined
    })
  })

  test('plan: deployments and terraform-dir are exclusive, one of them or vars is required', () => {
    expect(() => getPlanInputs(reader({}))).toThrow(
      "Input 'deployments': none of deployments, terraform-dir or vars is set"
    )
    expect(getPlanInputs(reader({ vars: '{"A":"1"}' })).publishedVars).toEqual({ A: '1' })
    expect(getPlanInputs(reader({ deployments: '{}', vars: '{"A":"1"}' })).publishedVars).toBe(
      undefined
    )
    expect(() => getPlanInputs(reader({ deployments: '{}', 'terraform-dir': 'infra' }))).toThrow(
      'both deployments and terraform-dir are set'
    )
  })

  test('plan: services-dir must stay inside the repository', () => {
    expect(() => getPlanInputs(reader({ deployments: '{}', 'services-dir': '../x' }))).toThrow(
      "Input 'services-dir': '../x' is not a relative path inside the repository"
    )
  })

  test('deploy: secrets JSON errors never echo the text', () => {
    const read = reader({
      deployment: 'web',
      path: 'services/web',
      secrets: '{"A": "hunter2-canary"'
    })
    expect(() => getDeployInputs(read)).toThrow("Input 'secrets': is not valid JSON")
    try {
      getDeployInputs(read)
    } catch (error) {
      expect(String(error)).not.toContain('hunter2-canary')
    }
  })

  test('deploy: service comes from the input, else from the folder name', () => {
    expect(
      getDeployInputs(reader({ deployment: 'w', path: 'apps/web-frontend', service: 'web' }))
        .service
    ).toBe('web')
    expect(getDeployInputs(reader({ deployment: 'w', path: 'services/web' })).service).toBe('web')
    expect(() => getDeployInputs(reader({ deployment: 'w', path: 'services/Web_App' }))).toThrow(
      "Input 'service': is not set and the folder name 'Web_App' of path is not a valid service name"
    )
  })

  test('deploy: url is kept as given', () => {
    expect(
      getDeployInputs(
        reader({ deployment: 'w', path: 'services/web', url: 'https://chat.example.com' })
      ).url
    ).toBe('https://chat.example.com')
  })

  test('deploy: defaults', () => {
    expect(getDeployInputs(reader({ deployment: 'web-aws', path: 'services/web' }))).toMatchObject({
      envFile: '.env',
      waitTimeoutSeconds: 300,
      rollback: true,
      secrets: {},
      vars: {}
    })
    expect(() => getDeployInputs(reader({ deployment: 'Web AWS', path: 'services/web' }))).toThrow(
      "Input 'deployment': 'Web AWS' is not a valid name"
    )
  })

  test.each(['0', '-5', '1.5', '86401', '99999999999999999999'])(
    'deploy: wait-timeout %s is refused, naming the bounds',
    value => {
      expect(() =>
        getDeployInputs(
          reader({ deployment: 'web-aws', path: 'services/web', 'wait-timeout': value })
        )
      ).toThrow(`Input 'wait-timeout': '${value}' is not a whole number of seconds from 1 to 86400`)
    }
  )
})
