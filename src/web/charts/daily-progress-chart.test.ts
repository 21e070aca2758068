import { expect, test } from 'vitest'
import { labelSvg } from './accessible-chart'
import { dailyProgressSvg } from './daily-progress-chart'

test('the daily progress chart renders on the server as an SVG with a name and description', async () => {
  const svg = await dailyProgressSvg(
    [{ day: '2026-09-01', accepted: 1, submitted: 0 }, { day: '2026-09-02', accepted: 4, submitted: 2 }],
    10,
  )
  expect(svg.startsWith('<svg')).toBe(true)
  expect(svg).toContain('Submitted')
  expect(svg).not.toContain('style=') // the CSP forbids inline styles
  const labelled = labelSvg(svg, 'c1', 'Progress <so far>', 'Two lines')
  expect(labelled).toMatch(/^<svg role="img" aria-labelledby="c1-title c1-desc"/)
  expect(labelled).toContain('<title id="c1-title">Progress &lt;so far&gt;</title><desc id="c1-desc">Two lines</desc>')
})
