import { describe, expect, test } from 'vitest'
import { CATALOGS } from './messages'
import { en } from './en'

/** Every key path of a catalog, e.g. "home.cards.0.title". */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k))
}

describe('message catalogs', () => {
  test.each(Object.entries(CATALOGS))('the %s catalog has every key English has, of the same kind', (_, catalog) => {
    expect(keyPaths(catalog).sort()).toEqual(keyPaths(en).sort())
    for (const path of keyPaths(en)) {
      const pick = (root: unknown) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], root)
      expect(typeof pick(catalog)).toBe(typeof pick(en))
    }
  })

  test('no English text is empty', () => {
    for (const path of keyPaths(en)) {
      const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], en)
      if (typeof value === 'string') expect(value.trim(), path).not.toBe('')
    }
  })
})
