import { describe, expect, test } from 'vitest'
import { scrollsSideways, wcagViolations } from './support/browser'
import { useAdminSession } from './support/admin-session'

const running = useAdminSession()
const adminPage = (width: number) => running.adminPage({ viewport: { width, height: 900 } })

describe('the program officer’s pages at desk and phone widths', () => {
  test('no page scrolls sideways, axe finds nothing, and the admin navigation marks where you are', async () => {
    const desk = await adminPage(1280)
    await desk.goto(`${running.server.baseUrl}/admin/cycles`)
    const openCycle = await desk.getByRole('link', { name: /national round \(demo\)/ }).first().getAttribute('href')
    await desk.goto(`${running.server.baseUrl}${openCycle}`)
    const timeline = await desk.getByRole('link', { name: /^Timeline/ }).first().getAttribute('href')
    const paths = ['/admin', '/admin/audit', '/admin/audit?who=demo&what=cycle.', '/admin/accounts', '/admin/cycles', openCycle!, `${openCycle}/confirm/close`, timeline!, '/admin/schools', '/admin/mail', '/', '/toolkits']
    for (const width of [1280, 390]) {
      const page = width === 1280 ? desk : await adminPage(width)
      for (const path of paths) {
        await page.goto(`${running.server.baseUrl}${path}`)
        expect.soft(await scrollsSideways(page), `${path} at ${width} px scrolls sideways`).toBe(false)
        expect.soft(await wcagViolations(page), `${path} at ${width} px`).toEqual([])
      }
      await page.goto(`${running.server.baseUrl}${openCycle}`)
      await page.screenshot({ path: `test-results/admin-cycle-${width}.png`, fullPage: true })
      if (width !== 1280) await page.context().close()
    }
    await desk.goto(`${running.server.baseUrl}/admin/audit`)
    const nav = desk.getByRole('navigation', { name: 'Program administration' })
    expect(await nav.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current')).toBe('page')
    expect(await nav.getByRole('link', { name: 'Cycles' }).getAttribute('aria-current')).toBeNull()
  }, 300_000)

  test('the first Tab shows a skip link with a visible focus ring, and it moves focus to the content', async () => {
    const page = await adminPage(390)
    await page.goto(`${running.server.baseUrl}/admin`)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true)
    const ring = await skip.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).boxShadow)
    expect(ring).toMatch(/^solid .*rgb/)
    expect(await skip.isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
  })
})
