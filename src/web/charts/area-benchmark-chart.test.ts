import fc from 'fast-check'
import { expect, test } from 'vitest'
import { areaBenchmarkSpec, areaBenchmarkSvg, type AreaBenchmarkRow } from './area-benchmark-chart'
import { vegaLiteToSvg } from './vega-svg'

// The chart is compiled and parsed once, each report's rows given to a new View; it must draw exactly what compiling the
// spec with the rows inline draws, whatever charts came before it (row counts, gaps, long names).
const value = fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), { nil: null })
// (Vega cannot take a row keyed `__proto__`, drawn inline or not; area names come from the instruments.)
const area = fc.string({ minLength: 1, maxLength: 40 }).filter((a) => a !== '__proto__')
const row = fc.record({ area, score: value, q1: value, median: value, q3: value })
const rows = fc.uniqueArray(row, { selector: (r) => r.area, maxLength: 14 })

const drawnInline = (r: readonly AreaBenchmarkRow[]) => vegaLiteToSvg(areaBenchmarkSpec({ values: r.map((x, order) => ({ ...x, order })) }))

test('the chart compiled once draws exactly what compiling it with the rows inline draws, chart after chart', async () => {
  await fc.assert(fc.asyncProperty(fc.array(rows, { minLength: 1, maxLength: 6 }), async (charts) => {
    for (const r of charts) expect(await areaBenchmarkSvg(r)).toBe(await drawnInline(r))
  }), { numRuns: 40 })
})

test('charts asked for at the same time each get their own rows', async () => {
  const a: AreaBenchmarkRow[] = [{ area: 'Pathways', score: 40, q1: 20, median: 50, q3: 70 }, { area: 'Outreach', score: 90, q1: null, median: null, q3: null }]
  const b: AreaBenchmarkRow[] = [{ area: 'Curriculum', score: 10, q1: 30, median: 35, q3: 60 }]
  const [svgA, svgB] = await Promise.all([areaBenchmarkSvg(a), areaBenchmarkSvg(b)])
  expect(svgA).toBe(await drawnInline(a))
  expect(svgB).toBe(await drawnInline(b))
  expect(svgA).toContain('Outreach')
  expect(svgB).not.toContain('Outreach')
})

test('nothing of one chart carries over into the next (a reused View did: decision 074)', async () => {
  const a: AreaBenchmarkRow[] = [{ area: 'A long area name that widens the chart', score: 40, q1: 20, median: 50, q3: 70 }]
  const b: AreaBenchmarkRow[] = [{ area: 'Short', score: 10, q1: 30, median: 35, q3: 60 }, { area: 'Other', score: 90, q1: null, median: null, q3: null }]
  // A row keyed `__proto__` left a reused View's dataflow broken for the next chart, which then came out wrong.
  const poison: AreaBenchmarkRow[] = [{ area: '__proto__', score: 1, q1: 1, median: 1, q3: 1 }, ...b]
  for (const next of [b, a]) {
    await areaBenchmarkSvg(a)
    await areaBenchmarkSvg(poison)
    expect(await areaBenchmarkSvg(next)).toBe(await drawnInline(next))
  }
})

test('the chart fits a phone (350 px wide, whatever the names) and writes every area name whole, above its marks', async () => {
  const names = ['Curriculum, including interprofessional education', 'Holistic admissions and financial support', 'Short']
  const svg = await areaBenchmarkSvg(names.map((area, i) => ({ area, score: 20 * i, q1: 10, median: 30, q3: 50 })))
  expect(/<svg[^>]*\swidth="(\d+)"/.exec(svg)![1]).toBe('350')
  for (const name of names) expect(svg).toContain(`>${name}</text>`)
})
