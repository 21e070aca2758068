import { describe, expect, test } from 'vitest'
import { checkAtWidths, noSidewaysScroll, wcagViolations, type PageCheck } from './support/browser'
import { useAdminSession } from './support/admin-session'

// The research area in Chromium on the demo data (a scored past round): the rounds list, a round's page with its
// exports and the confirmation before the export naming schools, at desk and phone widths, with axe.

const running = useAdminSession()
const axe: PageCheck = (page) => wcagViolations(page)

describe('the research area at desk and phone widths', () => {
  test('rounds, a round’s exports and the confirmation page pass axe and never scroll sideways', async () => {
    const page = await running.adminPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${running.server.baseUrl}/research`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Research')
    expect(await page.getByRole('navigation', { name: 'Research' }).getByRole('link', { name: 'Cycles' }).getAttribute('aria-current')).toBe('page')
    await checkAtWidths(page, 'research-home', { desk: [axe, noSidewaysScroll], phone: [axe, noSidewaysScroll] })

    const round = page.locator('table a[href^="/research/cycles/"]').first()
    await round.click()
    await expect.poll(() => page.getByRole('heading', { name: 'De-identified exports' }).count()).toBe(1)
    const csv = page.getByRole('link', { name: 'Data (CSV)' })
    expect(await csv.getAttribute('href')).toMatch(/\/exports\/csv$/)
    await checkAtWidths(page, 'research-cycle', { desk: [axe, noSidewaysScroll], phone: [axe, noSidewaysScroll] })

    // The file itself downloads under its own name.
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()])
    expect(download.suggestedFilename()).toMatch(/^smm-.+-deidentified\.csv$/)

    await page.getByRole('link', { name: 'Export with school names' }).click()
    await expect.poll(() => page.getByText('This file names schools. Keep it inside the program team.').isVisible()).toBe(true)
    await checkAtWidths(page, 'research-identified', { desk: [axe, noSidewaysScroll], phone: [axe, noSidewaysScroll] })
  })
})
