import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules axe-core knows; every impact counts. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * One page of a journey, looked at as a desk and as a phone: at 1280 and at 390 px wide the page must not scroll
 * sideways and axe must find nothing (any impact, WCAG 2.2 A/AA); a full-page screenshot of each width is saved as
 * `test-results/journey-<name>-<width>.png` for a person to look at. The window is left at 1280 px.
 */
export async function checkJourneyPage(page: Page, name: string): Promise<void> {
  const problems: string[] = []
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }))
    if (scrollWidth > clientWidth) problems.push(`${name} at ${width} px scrolls sideways: ${scrollWidth} > ${clientWidth}`)
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
    for (const v of axe.violations) {
      problems.push(`${name} at ${width} px: ${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
    }
    await page.screenshot({ path: `test-results/journey-${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
  expect(problems).toEqual([])
}
