import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { SESSION_IDLE_MS, SESSION_MAX_MS, safeNextPath, sessionExpiry, signInLinkState } from './sign-in-rules'

describe('safeNextPath', () => {
  test('keeps a path on this site', () => {
    expect(safeNextPath('/admin/mail?status=failed')).toBe('/admin/mail?status=failed')
  })
  test('keeps the path readable and encodes what a header could not carry', () => {
    expect(safeNextPath('/school/areas/équité?tab=1#q2')).toBe('/school/areas/%C3%A9quit%C3%A9?tab=1#q2')
  })
  test.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'admin', '', '/\t/evil.example', '/\n/evil.example',
    '/..//evil.example', '/%2e%2e//evil.example', '/x\r\nSet-Cookie: a=b', '/\u0000', '/' + 'a'.repeat(600)])(
    'refuses %j, which could send someone to another site',
    (path) => expect(safeNextPath(path)).toBeNull(),
  )
  test('never returns anything that does not start with a single slash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webPath(), fc.constantFrom('/', '/.', '/..')).chain((p) => fc.constantFrom(p, `/${p}`, `/..${p}`)), (path) => {
        const safe = safeNextPath(path)
        if (safe === null) return true
        // What a browser would do with it as a Location header: stay on the same site, with nothing it would strip.
        return safe.startsWith('/') && !safe.startsWith('//') && /^[\x21-\x7e]*$/.test(safe) &&
          new URL(safe, 'https://site.example').origin === 'https://site.example'
      }),
    )
  })
})

describe('signInLinkState', () => {
  const now = new Date('2026-03-01T12:00:00Z')
  test('a fresh unused link is valid', () => {
    expect(signInLinkState({ expiresAt: new Date('2026-03-01T12:10:00Z'), usedAt: null }, now)).toBe('valid')
  })
  test('a link at its expiry instant has expired', () => {
    expect(signInLinkState({ expiresAt: now, usedAt: null }, now)).toBe('expired')
  })
  test('a used link says so even after it expired, so the person knows why', () => {
    expect(signInLinkState({ expiresAt: new Date('2026-03-01T11:00:00Z'), usedAt: new Date('2026-03-01T10:55:00Z') }, now)).toBe('used')
  })
  test('no such link is unknown', () => expect(signInLinkState(undefined, now)).toBe('unknown'))
})

describe('sessionExpiry', () => {
  test('a week after last use while the session is young', () => {
    const start = new Date('2026-01-01T00:00:00Z')
    expect(sessionExpiry(start, start).getTime()).toBe(start.getTime() + SESSION_IDLE_MS)
  })
  test('never later than a month after sign-in, however often it is used', () => {
    const start = new Date('2026-01-01T00:00:00Z')
    const late = new Date(start.getTime() + SESSION_MAX_MS - 60_000)
    expect(sessionExpiry(start, late).getTime()).toBe(start.getTime() + SESSION_MAX_MS)
  })
})
