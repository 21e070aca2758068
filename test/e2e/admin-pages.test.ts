import AxeBuilder from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { startServer, type RunningServer } from './support/server'

let browser: Browser
let server: RunningServer
let session: Awaited<ReturnType<BrowserContext['cookies']>>
beforeAll(async () => {
  browser = await launchBrowser()
  server = await startServer()
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(server.demoAdminLink!)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${server.baseUrl}/admin`)
  session = await context.cookies()
  await context.close()
})
afterAll(async () => {
  await server?.stop()
  await browser?.close()
})

async function adminPage(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  await context.addCookies(session)
  return context.newPage()
}

/** Every axe finding, whatever its impact, against WCAG 2.2 A and AA. */
async function wcagViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('the program officer’s pages at desk and phone widths', () => {
  test('no page scrolls sideways, axe finds nothing, and the admin navigation marks where you are', async () => {
    const desk = await adminPage(1280)
    await desk.goto(`${server.baseUrl}/admin/cycles`)
    const openCycle = await desk.getByRole('link', { name: /national round \(demo\)/ }).first().getAttribute('href')
    await desk.goto(`${server.baseUrl}${openCycle}`)
    const timeline = await desk.getByRole('link', { name: /^Timeline/ }).first().getAttribute('href')
    const paths = ['/admin', '/admin/audit', '/admin/audit?who=demo&what=cycle.', '/admin/accounts', '/admin/cycles', openCycle!, `${openCycle}/confirm/close`, timeline!, '/admin/schools', '/admin/mail', '/', '/toolkits']
    for (const width of [1280, 390]) {
      const page = width === 1280 ? desk : await adminPage(width)
      for (const path of paths) {
        await page.goto(`${server.baseUrl}${path}`)
        expect.soft(await sideways(page), `${path} at ${width} px scrolls sideways`).toBe(0)
        expect.soft(await wcagViolations(page), `${path} at ${width} px`).toEqual([])
      }
      await page.goto(`${server.baseUrl}${openCycle}`)
      await page.screenshot({ path: `test-results/admin-cycle-${width}.png`, fullPage: true })
      if (width !== 1280) await page.context().close()
    }
    await desk.goto(`${server.baseUrl}/admin/audit`)
    const nav = desk.getByRole('navigation', { name: 'Program administration' })
    expect(await nav.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current')).toBe('page')
    expect(await nav.getByRole('link', { name: 'Cycles' }).getAttribute('aria-current')).toBeNull()
  }, 300_000)

  test('the first Tab shows a skip link with a visible focus ring, and it moves focus to the content', async () => {
    const page = await adminPage(390)
    await page.goto(`${server.baseUrl}/admin`)
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
