import { expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { scrollsSideways, seriousAxeViolations } from './support/browser'
import { useAdminSession } from './support/admin-session'

const running = useAdminSession()
const adminPage = (width: number) => running.adminPage({ viewport: { width, height: 900 } })

/** Five demo medical schools' directory ids, read from the directory's links. */
async function demoSchoolIds(page: Page): Promise<string[]> {
  await page.goto(`${running.server.baseUrl}/admin/schools?discipline=md`)
  const hrefs = await page.locator('a[href^="/admin/schools/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))
  return [...new Set(hrefs.map((h) => h.match(/\/admin\/schools\/([0-9a-f-]{36})$/)?.[1]).filter((id): id is string => id !== undefined))].slice(0, 5)
}

async function fillRound(page: Page, csv: string) {
  await page.getByLabel('Name of the round').fill('2019 national round')
  await page.getByLabel('Year it ran').fill('2019')
  await page.getByLabel('Instrument version').selectOption('smm-2019')
  await page.getByLabel('CSV file (UTF-8)').setInputFiles({ name: 'round-2019.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Check the file' }).click()
}

test('a past round is checked row by row, then imported; every page is accessible and fits a phone', async () => {
  const page = await adminPage(1280)
  const ids = await demoSchoolIds(page)
  expect(ids).toHaveLength(5)
  await page.goto(`${running.server.baseUrl}/admin/cycles`)
  await page.getByRole('link', { name: 'Import a past round' }).click()
  expect(await seriousAxeViolations(page)).toEqual([])

  // A file with mistakes: the summary links to each, nothing is imported, no import button.
  const header = 'school_id,service-learning.format,service-learning,community-health-needs'
  await fillRound(page, [header, `${ids[0]},sometimes,,`, `${ids[1]},,140,50`, `${ids[1]},,40,50`].join('\n'))
  expect(await page.getByRole('alert').textContent()).toContain('3 problems in the file')
  expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0)
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.screenshot({ path: 'test-results/historical-round-problems.png', fullPage: true })
  const phone = await adminPage(390)
  await phone.goto(`${running.server.baseUrl}/admin/historical-rounds`)
  await fillRound(phone, [header, `${ids[0]},sometimes,,`, `${ids[1]},,140,50`].join('\n'))
  expect(await scrollsSideways(phone)).toBe(false)
  await phone.screenshot({ path: 'test-results/historical-round-problems-390.png', fullPage: true })

  // A clean file: preview, import, and the round's page.
  await page.goto(`${running.server.baseUrl}/admin/historical-rounds`)
  await fillRound(page, [header, `${ids[0]},required,,`, ...ids.slice(1).map((id, i) => `${id},,${20 * i},${10 * i}`)].join('\n'))
  expect(await page.locator('main').textContent()).toContain('1 with item answers, 4 with area scores only')
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.screenshot({ path: 'test-results/historical-round-preview.png', fullPage: true })
  await page.getByRole('button', { name: 'Import 5 schools' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('2019 national round')
  expect(await page.locator('main').textContent()).toContain('A past round imported from its records')
  expect(await seriousAxeViolations(page)).toEqual([])

  // The codebook: a wide table that scrolls in its box, not the page.
  await phone.goto(`${running.server.baseUrl}/admin/historical-rounds/smm-2019/codebook`)
  expect(await seriousAxeViolations(phone)).toEqual([])
  expect(await scrollsSideways(phone)).toBe(false)
  await phone.screenshot({ path: 'test-results/historical-codebook-390.png' })
  await page.goto(`${running.server.baseUrl}/admin/historical-rounds`)
  await page.screenshot({ path: 'test-results/historical-round-upload.png', fullPage: true })
})
