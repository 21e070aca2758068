import { beforeAll, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { checkAtWidths, noSidewaysScroll, seriousAxeViolations } from './support/browser'
import { useAdminSession } from './support/admin-session'
import { DAY, isoDay } from './support/mailing-server'

// The cycle page's pager in a browser (issue 21, decision 163): 120 more DO schools imported, a cycle of every DO
// school opened, then its page read a page at a time with a filter that the pager keeps; accessible at both widths.

const running = useAdminSession()
let page: Page
beforeAll(async () => {
  page = await running.adminPage({ viewport: { width: 1280, height: 900 } })
})

const header = 'name,parent_institution,city,state,discipline,control,carnegie_group,ipeds_unit_id,website,dean_name,dean_email,status'
const csv = [header, ...Array.from({ length: 120 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0')
  return `Pager College ${n},,Dayton,${i % 2 === 0 ? 'OH' : 'TX'},do,private,other,,,Dean ${n},dean-${n}@pager.test,active`
})].join('\n')

const summary = () => page.locator('.page-summary').textContent()

test('a cycle of 126 schools is read 50 at a time; the filter stays across pages; accessible at 1280 and 390 px', async () => {
  await page.goto(`${running.server.baseUrl}/admin/schools/import`)
  await page.getByLabel('CSV file (UTF-8)').setInputFiles({ name: 'pager.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await page.getByRole('button', { name: /^Import 120 schools$/ }).click()
  await expect.poll(() => page.locator('.flash').textContent()).toContain('Imported:')

  await page.goto(`${running.server.baseUrl}/admin/cycles/new`)
  await page.getByLabel('Title').fill('Paged round')
  await page.getByLabel('Osteopathic medicine (DO)', { exact: true }).check()
  await page.getByLabel('Opening date').fill(isoDay(new Date()))
  await page.getByLabel('Deadline', { exact: true }).fill(isoDay(new Date(Date.now() + 20 * DAY)))
  await page.getByRole('button', { name: 'Create the draft cycle' }).click()
  await page.getByRole('link', { name: 'Open the cycle and send invitations' }).click()
  await page.getByRole('button', { name: /^Open the cycle and send \d+ invitations$/ }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Paged round')

  const total = Number((await summary())!.match(/of (\d+) schools/)![1])
  expect(total).toBeGreaterThanOrEqual(120)
  expect(await summary()).toBe(`Showing 1–50 of ${total} schools.`)
  const pager = page.getByRole('navigation', { name: 'Pages of schools' })
  expect(await pager.getByRole('link', { name: 'Page 1' }).getAttribute('aria-current')).toBe('page')
  await pager.getByRole('link', { name: 'Next page' }).click()
  await expect.poll(summary).toBe(`Showing 51–100 of ${total} schools.`)

  // Filter to Texas: the pager then counts Texas schools only and keeps the filter on its links.
  await page.getByLabel('State', { exact: true }).selectOption('TX')
  await page.getByRole('button', { name: 'Show schools' }).click()
  await expect.poll(summary).toMatch(/^Showing 1–50 of \d+ schools\.$/)
  await pager.getByRole('link', { name: 'Page 2' }).click()
  await expect.poll(summary).toMatch(/^Showing 51–\d+ of \d+ schools\.$/)
  expect(await page.getByLabel('State', { exact: true }).inputValue()).toBe('TX')
  expect(page.url()).toContain('state=TX')
  await expect.poll(() => page.getByText(/All \d+ schools that match the filter, on every page/).isVisible()).toBe(true)

  await page.goto(`${running.server.baseUrl}${new URL(page.url()).pathname}?page=2`)
  await checkAtWidths(page, 'cycle-schools-pager', { desk: [seriousAxeViolations], phone: [noSidewaysScroll, seriousAxeViolations] }, { desk: 900 })
}, 240_000)
