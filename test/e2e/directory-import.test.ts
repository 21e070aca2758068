import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, seriousAxeViolations } from './support/browser'
import { startServer, type RunningServer } from './support/server'

// The directory import's new steps in a browser: the column mapping of an IPEDS file, then a re-import whose
// changed rows are chosen one by one; each page accessible and without sideways scrolling on a phone.

let browser: Browser
let server: RunningServer
let page: Page
beforeAll(async () => {
  browser = await launchBrowser()
  server = await startServer()
  page = await (await browser.newContext()).newPage()
  await page.goto(server.demoAdminLink!)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${server.baseUrl}/admin`)
})
afterAll(async () => {
  await server?.stop()
  await browser?.close()
})

const ipeds = readFileSync(new URL('../fixtures/directory/ipeds-hd2024-nursing-excerpt.csv', import.meta.url), 'utf8')

async function uploadFile(name: string, content: string) {
  await page.goto(`${server.baseUrl}/admin/schools/import`)
  await page.getByLabel('CSV file (UTF-8)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) })
  await page.getByRole('button', { name: 'Check the file' }).click()
}

/** Accessible, and as wide as the window at phone width; screenshots at both widths for a person to look at. */
async function checkPage(name: string) {
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.screenshot({ path: `test-results/${name}-1280.png`, fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  await page.screenshot({ path: `test-results/${name}-390.png`, fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })
}

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
