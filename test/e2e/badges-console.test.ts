import { describe, expect, test } from 'vitest'
import { scrollsSideways, wcagViolations } from './support/browser'
import { useAdminSession } from './support/admin-session'

const running = useAdminSession()

describe('the badge console in Chromium', () => {
  test('the officer offers a badge for a round by keyboard-usable forms; a bad fee comes back with its message; axe finds nothing', async () => {
    const page = await running.adminPage({ viewport: { width: 1280, height: 900 } })
    const base = running.server.baseUrl
    await page.goto(`${base}/admin`)
    await page.getByRole('navigation', { name: 'Program administration' }).getByRole('link', { name: 'Badges' }).click()
    await page.waitForURL(`${base}/admin/badges`)
    await page.getByRole('link', { name: /^Offer a badge/ }).first().click()
    const offerUrl = page.url()
    const md = page.getByRole('group', { name: 'Medicine (MD)' })
    await md.getByRole('checkbox').check()
    await md.getByLabel('Fee in US dollars').fill('twelve')
    await page.getByRole('button', { name: 'Save the offer' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Enter the fee in US dollars')
    expect(await md.getByLabel('Fee in US dollars').inputValue()).toBe('twelve')
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 })
      expect.soft(await wcagViolations(page), `offer form with an error at ${width} px`).toEqual([])
      expect.soft(await scrollsSideways(page), `offer form at ${width} px scrolls sideways`).toBe(false)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    await md.getByLabel('Fee in US dollars').fill('250')
    await page.getByRole('button', { name: 'Save the offer' }).click()
    await page.waitForURL(`${base}/admin/badges`)
    expect(await page.getByRole('region', { name: 'Badge offers per cycle' }).textContent()).toContain('Medicine (MD): $250.00')
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 })
      expect.soft(await wcagViolations(page), `/admin/badges at ${width} px`).toEqual([])
      expect.soft(await scrollsSideways(page), `/admin/badges at ${width} px scrolls sideways`).toBe(false)
      await page.screenshot({ path: `test-results/admin-badges-${width}.png`, fullPage: true })
    }
    expect(offerUrl).toMatch(/\/admin\/badges\/offers\/[0-9a-f-]{36}$/)
  }, 180_000)
})
