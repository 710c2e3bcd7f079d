import { changedServices, servicesInTree, sharedPathMatcher } from '../../src/plan/services.js'

describe('servicesInTree', () => {
  test('a service is a direct sub-folder holding one of the compose file names', () => {
    const files = [
      'services/a/compose.yaml',
      'services/b/docker-compose.yml',
      'services/c/README.md',
      'services/d/nested/compose.yaml',
      'services/Bad_Name/compose.yaml',
      'other/e/compose.yaml',
      'services/compose.yaml'
    ]
    const { services, invalid } = servicesInTree(files, 'services')
    expect([...services].sort()).toEqual(['a', 'b'])
    expect([...invalid]).toEqual(['Bad_Name'])
  })
})

describe('changedServices', () => {
  test('files map to their service folder; shared globs are collected', async () => {
    const result = changedServices(
      [
        'services/a/x',
        'services/a/y/z',
        'services/b/compose.yaml',
        'services/loose.txt',
        'README.md',
        'shared/n.conf',
        'deploy/x.lock'
      ],
      'services',
      await sharedPathMatcher(['shared/**', '**/*.lock'])
    )
    expect(Object.fromEntries(result.byService)).toEqual({
      a: ['services/a/x', 'services/a/y/z'],
      b: ['services/b/compose.yaml']
    })
    expect(result.sharedFiles).toEqual(['shared/n.conf', 'deploy/x.lock'])
  })
  test('a nested services-dir and a prefix that is only a name prefix', async () => {
    const result = changedServices(
      ['apps/services/a/x', 'apps/services-old/b/x'],
      'apps/services',
      await sharedPathMatcher([])
    )
    expect([...result.byService.keys()]).toEqual(['a'])
  })
  test('thousands of files in one pass', async () => {
    const files = Array.from({ length: 50000 }, (_, i) => `services/s${i % 500}/f${i}`)
    const result = changedServices(files, 'services', await sharedPathMatcher(['shared/**']))
    expect(result.byService.size).toBe(500)
    expect(result.byService.get('s7')?.length).toBe(100)
  })
})
