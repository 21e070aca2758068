import { readFileSync } from 'node:fs'
import { beforeAll, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { checkAtWidths, noSidewaysScroll, seriousAxeViolations } from './support/browser'
import { useAdminSession } from './support/admin-session'

// The directory import's new steps in a browser: the column mapping of an IPEDS file, then a re-import whose
// changed rows are chosen one by one; each page accessible and without sideways scrolling on a phone.

const running = useAdminSession()
let page: Page
beforeAll(async () => {
  page = await running.adminPage()
})

const ipeds = readFileSync(new URL('../fixtures/directory/ipeds-hd2024-nursing-excerpt.csv', import.meta.url), 'utf8')

async function uploadFile(name: string, content: string) {
  await page.goto(`${running.server.baseUrl}/admin/schools/import`)
  await page.getByLabel('CSV file (UTF-8)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) })
  await page.getByRole('button', { name: 'Check the file' }).click()
}

/** Accessible, and as wide as the window at phone width; screenshots at both widths for a person to look at. */
const checkPage = (name: string) => checkAtWidths(page, name, { desk: [seriousAxeViolations], phone: [noSidewaysScroll] })

test('an IPEDS file is mapped once, imported, and re-imported with the changed rows chosen one by one', async () => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await uploadFile('hd2024-nursing.csv', ipeds)
  await page.getByRole('button', { name: 'Check the file with these columns' }).click()
  expect(await page.getByRole('alert').textContent()).toContain('one discipline for every row')
  await checkPage('directory-import-mapping')
  await page.getByLabel('Or the same discipline for every row').selectOption('nursing-by-degree')
  await page.getByRole('button', { name: 'Check the file with these columns' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Check the import')
  await checkPage('directory-import-preview')
  // Some of these schools may be in the demo directory already; whichever they are, all seven end up in it.
  await page.getByRole('button', { name: /^(Import \d+ schools?|Add \d+ and update all \d+ changed|Update all \d+ changed)$/ }).click()
  await expect.poll(() => page.locator('.flash').textContent()).toContain('Imported:')

  // The next IPEDS release renames one school and moves another: the remembered mapping reads it straight away.
  const next = ipeds.replace('Herzing University-Birmingham', 'Herzing University Birmingham Campus').replace(',Pine Bluff,AR,', ',Little Rock,AR,')
  await uploadFile('hd2025-nursing.csv', next)
  await expect.poll(() => page.getByText('0 new schools, 2 changed, 5 unchanged.').count()).toBe(1)
  await checkPage('directory-import-changes')
  await page.getByLabel('Herzing University Birmingham Campus').check()
  await page.getByRole('button', { name: 'Update the ticked schools' }).click()
  await expect.poll(() => page.locator('.flash').textContent()).toContain('0 added, 1 updated, 1 skipped, 5 unchanged')
})
