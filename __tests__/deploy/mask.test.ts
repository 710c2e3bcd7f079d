import { createMasker } from '../../src/deploy/mask.js'

describe('createMasker', () => {
  it('registers values and each of their lines with setSecret, skipping blank ones', () => {
    const registered: string[] = []
    const masker = createMasker(v => registered.push(v))
    masker.add('-----BEGIN-----\nabc\r\n\n-----END-----')
    masker.add('   ')
    masker.add('')
    masker.add('abc')
    expect(registered).toEqual(
      expect.arrayContaining([
        '-----BEGIN-----\nabc\r\n\n-----END-----',
        '-----BEGIN-----',
        'abc',
        '-----END-----',
        '-----BEGIN-----\\nabc\\r\\n\\n-----END-----'
      ])
    )
    expect(registered.filter(v => v.trim() === '')).toEqual([])
    expect(new Set(registered).size).toBe(registered.length)
  })

  it('registers every escaped form a program prints a value in: JSON, Go %q (both styles), shell', () => {
    const registered: string[] = []
    createMasker(v => registered.push(v)).add(`k"e\ty\\it's`)
    expect(registered).toEqual(
      expect.arrayContaining([
        `k"e\ty\\it's`,
        `k\\"e\\ty\\\\it's`, // JSON and Go %q
        `k\\"e\\x09y\\\\it's`, // Go's time and yaml errors: \x09
        `k"e\ty\\it'\\''s`, // inside '...' in a shell
        `k"e\ty\\it'"'"'s`
      ])
    )
  })

  it('redacts every occurrence, longest value first', () => {
    const masker = createMasker(() => undefined)
    masker.add('pass')
    masker.add('password1')
    expect(masker.redact('password1 and pass and password1')).toBe('*** and *** and ***')
    expect(masker.redact('nothing here')).toBe('nothing here')
  })
})
