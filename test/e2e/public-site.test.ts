import { describe, expect, test } from 'vitest'
import { scrollsSideways, seriousAxeViolations } from './support/browser'
import { useServer } from './support/admin-session'

const PUBLIC_PAGES = ['/', '/about', '/assessment', '/participation', '/badge', '/champions', '/champions/nominate', '/toolkits', '/contact']
const PHONE = { width: 390, height: 844 }

const running = useServer()

const shotName = (path: string) => (path === '/' ? 'home' : path.slice(1).replace(/\//g, '-'))

describe('the public site', () => {
  test('every public page is accessible, titled, and readable on a desktop and a phone', async () => {
    const desktop = await (await running.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    const phone = await (await running.browser.newContext({ viewport: PHONE, isMobile: true })).newPage()
    for (const path of PUBLIC_PAGES) {
      await desktop.goto(`${running.server.baseUrl}${path}`)
      expect(await desktop.title()).toMatch(/ · Social Mission Metrics$/)
      expect(await seriousAxeViolations(desktop), path).toEqual([])
      await desktop.screenshot({ path: `test-results/public-${shotName(path)}-desktop.png`, fullPage: true })
      await phone.goto(`${running.server.baseUrl}${path}`)
      expect(await scrollsSideways(phone), path).toBe(false)
      await phone.screenshot({ path: `test-results/public-${shotName(path)}-phone.png`, fullPage: true })
    }
  })

  test('the participation page shows the demo past round with small counts as "fewer than 5"', async () => {
    const page = await (await running.browser.newContext()).newPage()
    await page.goto(`${running.server.baseUrl}/participation`)
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /national round \(demo\)/ }).count()).toBe(1)
    const table = page.getByRole('table', { name: /schools by discipline/ })
    expect(await table.getByRole('row', { name: /Dentistry/ }).textContent()).toContain('fewer than 5')
    // No demo school's name appears next to a count.
    expect(await page.getByText('University', { exact: false }).count()).toBe(0)
  })

  test('a visitor nominates a Champion; the admin finds it in the inbox, features it, and it appears publicly', async () => {
    const visitor = await (await running.browser.newContext()).newPage()
    await visitor.goto(`${running.server.baseUrl}/champions/nominate`)

    // First try: the nominee's name left empty and a mistyped address.
    await visitor.getByLabel('Nominee’s role').fill('Director of Community Health Programs')
    await visitor.getByLabel('Nominee’s school or organization').fill('Ponce Health Sciences University')
    await visitor.getByLabel('What have they done for health equity?').fill('Founded a student-run free clinic serving uninsured families.')
    await visitor.getByLabel('Your name').fill('Marisol Vega')
    await visitor.getByLabel('Your e-mail address').fill('marisol.vega@example')
    await visitor.getByLabel('The nominee agrees to be featured publicly if selected').check()
    await visitor.getByRole('button', { name: 'Send the nomination' }).click()
    await expect.poll(() => visitor.getByRole('alert').textContent()).toContain('There is a problem')
    await expect.poll(() => visitor.getByText('Enter the nominee’s name.').count()).toBeGreaterThan(0)
    await expect.poll(() => visitor.getByText('Enter an e-mail address, like name@school.edu.').count()).toBeGreaterThan(0)
    expect(await visitor.getByLabel('Nominee’s role').inputValue()).toBe('Director of Community Health Programs')
    expect(await visitor.getByLabel('The nominee agrees to be featured publicly if selected').isChecked()).toBe(true)
    expect(await seriousAxeViolations(visitor)).toEqual([])
    await visitor.screenshot({ path: 'test-results/public-nominate-errors.png', fullPage: true })

    await visitor.getByLabel('Nominee’s name').fill('Dr. Elena Quiñones')
    await visitor.getByLabel('Your e-mail address').fill('marisol.vega@example.org')
    await visitor.getByRole('button', { name: 'Send the nomination' }).click()
    await expect.poll(() => visitor.url()).toBe(`${running.server.baseUrl}/champions`)
    await expect.poll(() => visitor.getByText('Your nomination has reached the program team.').isVisible()).toBe(true)

    // The admin signs in through the link the server printed and opens the nominations.
    const admin = await (await running.browser.newContext()).newPage()
    await admin.goto(running.server.demoAdminLink!)
    await admin.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => admin.url()).toBe(`${running.server.baseUrl}/admin`)
    await admin.goto(`${running.server.baseUrl}/admin/champions`)
    expect(await seriousAxeViolations(admin)).toEqual([])
    await admin.getByRole('link', { name: /Dr\. Elena Quiñones/ }).click()
    await expect.poll(() => admin.getByText('Founded a student-run free clinic serving uninsured families.').isVisible()).toBe(true)
    await admin.getByLabel('Short profile').fill('Founded a student-run clinic that now serves 1,200 uninsured families in southern Puerto Rico.')
    expect(await seriousAxeViolations(admin)).toEqual([])
    await admin.screenshot({ path: 'test-results/admin-champion-nomination.png', fullPage: true })
    await admin.getByRole('button', { name: 'Feature this Champion' }).click()
    await expect.poll(() => admin.getByText('The Champion is featured on the public page.').isVisible()).toBe(true)

    // The admin heard of it by e-mail too (the dev mailbox keeps it).
    await admin.goto(`${running.server.baseUrl}/dev/mailbox`)
    await expect.poll(() => admin.getByRole('link', { name: 'New in the inbox: Champion nomination' }).count()).toBeGreaterThan(0)

    await visitor.goto(`${running.server.baseUrl}/champions`)
    const card = visitor.getByRole('listitem').filter({ hasText: 'Dr. Elena Quiñones' })
    expect(await card.textContent()).toContain('1,200 uninsured families')
    expect(await visitor.getByText('marisol.vega@example.org').count()).toBe(0)
    expect(await seriousAxeViolations(visitor)).toEqual([])
    await visitor.screenshot({ path: 'test-results/public-champions-featured.png', fullPage: true })
  })
})
