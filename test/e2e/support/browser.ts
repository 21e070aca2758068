import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect } from 'vitest'

/** Debian's Chromium, never a downloaded browser; flags keep it off the network beyond 127.0.0.1. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/** The accessibility problems axe-core rates serious or critical on the current page, described for a failure message. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/** Every axe finding, whatever its impact, against WCAG 2.2 A and AA, described for a failure message. */
export async function wcagViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/** Whether the page is wider than its window, so that the reader has to scroll sideways. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
}

/** A check of the page as it stands: what is wrong with it, described, or nothing. */
export type PageCheck = (page: Page) => Promise<string[]>
export const noSidewaysScroll: PageCheck = async (page) => ((await scrollsSideways(page)) ? ['the page scrolls sideways'] : [])

/**
 * The page at desk width (1280 px), then at phone width (390 px): at each, the checks asked for must find nothing,
 * then a full-page screenshot goes to test-results/<name>-<width>.png for a person to look at. The desk height is
 * the page's current height unless given, the phone height 844 px unless given; the page ends at 1280 px wide and
 * the desk height.
 */
export async function checkAtWidths(
  page: Page,
  name: string,
  checks: { desk?: PageCheck[]; phone?: PageCheck[] },
  heights: { desk?: number; phone?: number } = {},
): Promise<void> {
  const deskHeight = heights.desk ?? page.viewportSize()!.height
  const widths = [
    { width: 1280, height: deskHeight, run: checks.desk ?? [] },
    { width: 390, height: heights.phone ?? 844, run: checks.phone ?? [] },
  ]
  for (const { width, height, run } of widths) {
    await page.setViewportSize({ width, height })
    for (const check of run) expect(await check(page), `${name} at ${width} px`).toEqual([])
    await page.screenshot({ path: `test-results/${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: deskHeight })
}
