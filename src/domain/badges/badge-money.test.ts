import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatDollars, invoiceNumberOf, parseDollars } from './badge-money'

describe('badge money', () => {
  test('dollars as people type them become cents', () => {
    expect(parseDollars('250')).toBe(25_000)
    expect(parseDollars('250.5')).toBe(25_050)
    expect(parseDollars(' $1,250.00 ')).toBe(125_000)
    expect(parseDollars('0')).toBe(0)
  })
  test('anything else is refused rather than guessed', () => {
    for (const bad of ['', '-5', '1.234', 'ten', '1e3', '12,34', '=1+1']) expect(parseDollars(bad)).toBeNull()
  })
  test('formatting and parsing agree for every amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => parseDollars(formatDollars(cents)) === cents))
  })
  test('invoice numbers carry the year and a padded serial', () => {
    expect(invoiceNumberOf(42, new Date('2026-11-29T12:00:00Z'))).toBe('SMM-2026-0042')
    expect(invoiceNumberOf(12345, new Date('2027-01-01T00:00:00Z'))).toBe('SMM-2027-12345')
  })
})
