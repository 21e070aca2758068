import { createRequire } from 'node:module'
import path from 'node:path'
import * as fontkit from 'fontkit'
import { describe, expect, test } from 'vitest'
import { textWidthEm } from '../../../domain/badges/badge-font-metrics'
import widths from '../../../domain/badges/badge-font-widths.json'

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const fonts = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const

describe('the width table the badge template measures names with', () => {
  test('matches the advance widths of the font files the PNG renderer loads', () => {
    for (const [weight, file] of Object.entries(fonts) as [keyof typeof fonts, string][]) {
      const font = fontkit.openSync(path.join(fontDir, file))
      for (const range of widths.ranges) {
        const fromFont = Array.from({ length: range.last - range.first + 1 }, (_, i) => {
          const glyph = font.glyphForCodePoint(range.first + i)
          return glyph.id ? Math.round((glyph.advanceWidth / font.unitsPerEm) * 1000) : null
        })
        expect(range[weight], `${file} U+${range.first.toString(16)}…`).toEqual(fromFont)
      }
    }
  })

  test('wide letters measure wide: Щ and W are wider than an em, i is narrow, an accent adds nothing', () => {
    expect(textWidthEm('Щ', 'bold')).toBeGreaterThan(1.3)
    expect(textWidthEm('W', 'bold')).toBeGreaterThan(1.1)
    expect(textWidthEm('i', 'bold')).toBeLessThan(0.35)
    expect(textWidthEm('e\u0301', 'bold')).toBe(textWidthEm('e', 'bold'))
    expect(textWidthEm('’', 'regular')).toBeLessThan(0.4)
  })
})
