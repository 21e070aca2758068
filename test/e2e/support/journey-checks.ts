import type { Page } from 'playwright-core'
import { checkAtWidths, noSidewaysScroll, wcagViolations, type PageCheck } from './browser'

const EVERY_CHECK: PageCheck[] = [noSidewaysScroll, wcagViolations]

/**
 * One page of a journey, looked at as a desk and as a phone: at 1280 and at 390 px wide the page must not scroll
 * sideways and axe must find nothing (any impact, WCAG 2.2 A/AA); a full-page screenshot of each width is saved as
 * `test-results/journey-<name>-<width>.png` for a person to look at. The window is left at 1280 px.
 */
export function checkJourneyPage(page: Page, name: string): Promise<void> {
  return checkAtWidths(page, `journey-${name}`, { desk: EVERY_CHECK, phone: EVERY_CHECK }, { desk: 900, phone: 900 })
}
