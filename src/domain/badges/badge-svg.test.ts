import fc from 'fast-check'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, test } from 'vitest'
import { badgeSvg } from './badge-svg'
import { textWidthEm } from './badge-font-metrics'
import { fitText } from './badge-text-layout'

const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, isArray: (name) => name === 'text' })

/** What the parsed SVG says: its title (the accessible name) and its visible text lines in reading order. */
function textsOf(svg: string): { title: string; lines: string[] } {
  const root = parser.parse(svg).svg
  const textOf = (t: { '#text': unknown }) => String(t['#text'])
  const nameGroup = [root.g].flat().find((g: Record<string, unknown>) => g['@_clip-path'])
  const [program, subtitle, ...below] = root.text.map(textOf)
  return { title: String(root.title['#text']), lines: [program, subtitle, ...nameGroup.text.map(textOf), ...below] }
}

const nameArea = { maxWidth: 360, maxLines: 3, weight: 'bold' as const }
const lakeside = { schoolName: 'Lakeside College of Nursing', disciplineLabel: 'Nursing (associate degree)', cycleYear: 2026 }

describe('the badge image', () => {
  test('shows the school, the discipline, the year and the program, and nothing else about the school', () => {
    const { title, lines } = textsOf(badgeSvg(lakeside))
    expect(lines).toEqual(['SOCIAL MISSION METRICS', 'SELF-ASSESSMENT PARTICIPANT', 'Lakeside College', 'of Nursing', 'Nursing (associate degree)', '2026'])
    expect(title).toBe('Social Mission Metrics badge: Lakeside College of Nursing, Nursing (associate degree), 2026. A participant in the Self-Assessment.')
    expect([title, ...lines].join(' ')).not.toMatch(/score|quartile|percentile|star|rank|★/i)
  })

  test('a name with markup and formula characters is escaped: the SVG parses and says exactly the name', () => {
    const name = '<b>Lake</b> & "Q" =SUM(1) \'x\' <svg>'
    const svg = badgeSvg({ ...lakeside, schoolName: name })
    expect(XMLValidator.validate(svg)).toBe(true)
    expect(svg).not.toMatch(/<b>|<svg>/)
    const { title, lines } = textsOf(svg)
    expect(title).toContain(`badge: ${name}, Nursing`)
    expect(lines.slice(2, -2).join(' ')).toBe(name)
  })

  test('any name at all, emoji and control characters included, gives well-formed XML', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        expect(XMLValidator.validate(badgeSvg({ ...lakeside, schoolName: name }))).toBe(true)
      }),
      { numRuns: 100 },
    )
  })

  test('a very long name wraps to at most three lines and shrinks rather than overflowing', () => {
    const long = 'The Extraordinarily Long-Named Regional Academic Health Sciences Center School of Medicine and Allied Health Professions at the University of Somewhere Far Away'
    const fitted = fitText(long, { ...nameArea, sizes: [30, 26, 22, 18] })
    expect(fitted.lines.length).toBe(3)
    expect(fitted.fontSize).toBe(18)
    expect(fitted.lines.at(-1)).toMatch(/…$/)
    for (const line of fitted.lines) expect(textWidthEm(line, 'bold') * fitted.fontSize).toBeLessThanOrEqual(360)
  })

  test('a short name keeps the largest type on one line; a name without spaces is broken, not overflowed', () => {
    expect(fitText('Lakeside', { ...nameArea, sizes: [30, 26] })).toEqual({ fontSize: 30, lines: ['Lakeside'] })
    const unbroken = fitText('W'.repeat(60), { ...nameArea, sizes: [30, 26, 22, 18] })
    expect(unbroken.lines.join('').replace(/[-…]/g, '')).toMatch(/^W+$/)
    for (const line of unbroken.lines) expect(textWidthEm(line, 'bold') * unbroken.fontSize).toBeLessThanOrEqual(360)
  })

  test('whatever the name, no line is wider than the area at the size chosen', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('regular' as const, 'bold' as const), (name, weight) => {
        const fitted = fitText(name, { ...nameArea, weight, sizes: [30, 22, 18] })
        expect(fitted.lines.length).toBeLessThanOrEqual(3)
        for (const line of fitted.lines) expect(textWidthEm(line, weight) * fitted.fontSize).toBeLessThanOrEqual(360)
      }),
      { numRuns: 200 },
    )
  })

  test('measures with the font: W is wider than i, and the wide letters of a name make it wrap sooner', () => {
    expect(textWidthEm('W', 'bold')).toBeGreaterThan(3 * textWidthEm('i', 'bold'))
    expect(fitText('WWWWWWWWWW MMMMMMMMMM', { ...nameArea, sizes: [30] }).lines).toHaveLength(2)
    expect(fitText('iiiiiiiiii llllllllll', { ...nameArea, sizes: [30] }).lines).toHaveLength(1)
  })

  test('emoji count as wide and are never split from their modifiers', () => {
    expect(textWidthEm('👩🏽‍⚕️', 'bold')).toBeGreaterThan(1)
    const fitted = fitText('👩🏽‍⚕️'.repeat(40), { maxWidth: 200, maxLines: 2, sizes: [20], weight: 'bold' })
    expect(fitted.lines.join('').replace(/[-…]/g, '')).toMatch(/^(👩🏽‍⚕️)+$/u)
  })
})
