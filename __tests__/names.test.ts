import { isValidLabel, isValidName, normaliseRepoPath } from '../src/names.js'

describe('names', () => {
  test.each(['web', 'test-service-aws', 'a', '0x', 'a'.repeat(63)])('%p is a valid name', name => {
    expect(isValidName(name)).toBe(true)
  })
  test.each(['', 'Web', '-web', 'web-', 'foo--bar', 'a'.repeat(64), 'web_app', 'web app', 'wéb'])(
    '%p is not a valid name',
    name => expect(isValidName(name)).toBe(false)
  )
  test('labels: no commas, spaces or control characters', () => {
    expect(isValidLabel('self-hosted')).toBe(true)
    expect(isValidLabel('linux.x64_2')).toBe(true)
    for (const bad of ['', 'a,b', 'a b', 'a\nb', '-x']) expect(isValidLabel(bad)).toBe(false)
  })
  test('repository paths are normalised and kept inside the repository', () => {
    expect(normaliseRepoPath('./services//web/')).toBe('services/web')
    for (const bad of ['/etc', '..', 'a/../..', 'a\\b', 'a\0b', ''])
      expect(normaliseRepoPath(bad)).toBeUndefined()
  })
})
