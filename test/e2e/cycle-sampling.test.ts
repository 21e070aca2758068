import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { checkAtWidths, noSidewaysScroll, seriousAxeViolations } from './support/browser'
import { DAY, isoDay, signInAsAdminByMail, useMailingServer } from './support/mailing-server'

const running = useMailingServer()
const signInAsAdmin = () => signInAsAdminByMail(running)

/** Axe-clean, and at phone width nothing scrolls sideways; a screenshot at both widths to look at. */
const checkPage = (page: Page, name: string) => checkAtWidths(page, name, { desk: [seriousAxeViolations], phone: [noSidewaysScroll] })

describe('a pilot round with a per-discipline sample, schools added late, and publishing', () => {
  test('the admin sets sizes per discipline, checks the counts, opens, adds schools by search and cannot publish a pilot', async () => {
    const admin = await signInAsAdmin()
    await admin.setViewportSize({ width: 1280, height: 900 })
    await admin.goto(`${running.server.baseUrl}/admin/cycles/new`)
    await admin.getByLabel('Title').fill('Pilot sample round')
    await admin.getByLabel('Medicine (MD)', { exact: true }).check()
    await admin.getByLabel('Dentistry', { exact: true }).check()
    await admin.getByLabel('Dentistry: schools to draw').fill('1')
    await admin.getByLabel('This is a pilot or test round').check()
    await admin.getByLabel('Opening date').fill(isoDay(new Date()))
    await admin.getByLabel('Deadline', { exact: true }).fill(isoDay(new Date(Date.now() + 20 * DAY)))
    await checkPage(admin, 'cycle-form-per-discipline')
    await admin.getByRole('button', { name: 'Create the draft cycle' }).click()
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Pilot sample round')
    await expect.poll(() => admin.getByText('Pilot or test round.').isVisible()).toBe(true)

    await admin.getByRole('link', { name: 'Open the cycle and send invitations' }).click()
    const dentistry = admin.getByRole('row', { name: /Dentistry/ })
    expect(await dentistry.textContent()).toContain('A random sample of 1')
    await checkPage(admin, 'cycle-opening-preview')
    await admin.getByRole('button', { name: /^Open the cycle and send \d+ invitations?$/ }).click()
    await expect.poll(() => admin.getByRole('heading', { name: 'Sending invitations' }).count(), { timeout: 30_000 }).toBe(0)

    // Two more dental schools, found by discipline, ticked together.
    await admin.getByRole('link', { name: 'Add schools to this cycle' }).click()
    await admin.getByLabel('Discipline').selectOption('dental')
    await admin.getByRole('button', { name: 'Search' }).click()
    await expect.poll(() => admin.getByText('In the cycle').count()).toBe(1)
    const boxes = admin.getByRole('checkbox')
    await boxes.nth(0).check()
    await boxes.nth(1).check()
    await checkPage(admin, 'cycle-add-schools')
    await admin.getByRole('button', { name: 'Add the ticked schools and invite them' }).click()
    await expect.poll(() => admin.getByText('2 schools added and invited.').isVisible()).toBe(true)

    // Closing goes through its confirmation page (decision 110).
    await admin.getByRole('link', { name: 'Close the cycle' }).click()
    await admin.getByRole('button', { name: 'Close the cycle' }).click()
    await admin.getByRole('link', { name: 'Public participation figures' }).click()
    await expect.poll(() => admin.getByText('A pilot or test round is never published.').isVisible()).toBe(true)
    expect(await admin.getByRole('button', { name: 'Publish on the public page' }).count()).toBe(0)

    // The demo's past round is published: its preview is the public page's section, with the withdraw button.
    await admin.goto(`${running.server.baseUrl}/admin/cycles`)
    await admin.getByRole('link', { name: /national round \(demo\)/ }).last().click() // the list is newest first
    await admin.getByRole('link', { name: 'Public participation figures' }).click()
    await expect.poll(() => admin.getByText('fewer than 5').count()).toBeGreaterThan(0)
    await checkPage(admin, 'cycle-publication-preview')
    await expect.poll(() => admin.getByRole('button', { name: 'Withdraw from the public page' }).isVisible()).toBe(true)
  })
})
