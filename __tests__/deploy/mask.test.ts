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

  it("registers Go's escaped forms of non-ASCII values: strconv.Quote, time quoting, JSON", () => {
    const registered: string[] = []
    createMasker(v => registered.push(v)).add('\u00e4\u00a0<\u{e0001}\u{1f600}\ud800')
    expect(registered).toEqual(
      expect.arrayContaining([
        '\u00e4\\u00a0<\\U000e0001\u{1f600}\ufffd', // strconv.Quote: printable runes stay
        '\\xc3\\xa4\\xc2\\xa0<\\xf3\\xa0\\x80\\x81\\xf0\\x9f\\x98\\x80\\xef\\xbf\\xbd', // time
        '\u00e4\u00a0\\u003c\u{e0001}\u{1f600}\ufffd' // Go's encoding/json
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
