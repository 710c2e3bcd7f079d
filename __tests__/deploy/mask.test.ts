import { createMasker } from '../../src/deploy/mask.js'

describe('createMasker', () => {
  it('registers values and each of their lines with setSecret, skipping blank ones', () => {
    const registered: string[] = []
    const masker = createMasker(v => registered.push(v))
    masker.add('-----BEGIN-----\nabc\r\n\n-----END-----')
    masker.add('   ')
    masker.add('')
    masker.add('abc')
    expect(registered).toEqual([
      '-----BEGIN-----\nabc\r\n\n-----END-----',
      '-----BEGIN-----',
      'abc',
      '-----END-----'
    ])
  })

  it('redacts every occurrence, longest value first', () => {
    const masker = createMasker(() => undefined)
    masker.add('pass')
    masker.add('password1')
    expect(masker.redact('password1 and pass and password1')).toBe('*** and *** and ***')
    expect(masker.redact('nothing here')).toBe('nothing here')
  })
})
