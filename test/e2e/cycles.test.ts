import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { ParsedMail } from 'mailparser'
import { seriousAxeViolations } from './support/browser'
import { DAY, isoDay, signInAsAdminByMail, useMailingServer } from './support/mailing-server'

const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0]!.address!
const invitationLink = (m: ParsedMail) => m.text!.match(/http:\/\/\S+\/invitation\?token=[\w-]+/)![0]

const running = useMailingServer()

const signInAsAdmin = () => signInAsAdminByMail(running)

const invitations = () => running.peer.received.filter((m) => m.subject?.startsWith('Invitation: Sampled round'))
const figure = (page: Page, label: string) => page.locator('.figures li', { hasText: label }).locator('.figure').textContent()

describe('a national round run from the admin console', () => {
  test('sampled schools are invited over SMTP, a dean accepts from the e-mail, reminders reach every school not yet submitted, counts add up', async () => {
    const admin = await signInAsAdmin()

    // The directory, from the admin navigation: the demo schools, searchable, accessible.
    await admin.getByRole('navigation', { name: 'Program administration' }).getByRole('link', { name: 'Schools' }).click()
    expect(await admin.getByRole('navigation', { name: 'Program administration' }).getByRole('link', { name: 'Schools' }).getAttribute('aria-current')).toBe('page')
    await admin.getByLabel('Discipline').selectOption('dental')
    await admin.getByRole('button', { name: 'Search' }).click()
    await expect.poll(() => admin.getByRole('status').textContent()).toMatch(/^\d+ schools found/)
    expect(await seriousAxeViolations(admin)).toEqual([])
    await admin.screenshot({ path: 'test-results/directory-list.png', fullPage: true })
    await admin.goto(`${running.server.baseUrl}/admin/schools/import`)
    expect(await seriousAxeViolations(admin)).toEqual([])

    // A draft cycle: 2 MD and 2 dental schools drawn with seed 2019; a bad deadline is refused first.
    await admin.goto(`${running.server.baseUrl}/admin/cycles/new`)
    await admin.getByLabel('Title').fill('Sampled round')
    await admin.getByLabel('Medicine (MD)', { exact: true }).check()
    await admin.getByLabel('Dentistry', { exact: true }).check()
    await admin.getByLabel('Medicine (MD): schools to draw').fill('2')
    await admin.getByLabel('Dentistry: schools to draw').fill('2')
    await admin.getByLabel('Sample seed (optional)').fill('2019')
    await admin.getByLabel('Opening date').fill(isoDay(new Date()))
    await admin.getByLabel('Deadline', { exact: true }).fill(isoDay(new Date(Date.now() - DAY)))
    await admin.getByRole('button', { name: 'Create the draft cycle' }).click()
    expect(await admin.getByRole('alert').textContent()).toContain('The deadline must come after the opening date.')
    expect(await seriousAxeViolations(admin)).toEqual([])
    await admin.screenshot({ path: 'test-results/cycle-form-error.png', fullPage: true })
    await admin.getByLabel('Deadline', { exact: true }).fill(isoDay(new Date(Date.now() + 10 * DAY)))
    await admin.getByRole('button', { name: 'Create the draft cycle' }).click()
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Sampled round')

    // Opening is checked first: the counts per discipline, how many deans get the invitation, and the message itself.
    await admin.getByRole('link', { name: 'Open the cycle and send invitations' }).click()
    expect(await admin.getByRole('table', { name: 'Schools per discipline' }).textContent()).toContain('A random sample of 2')
    await expect.poll(() => admin.getByText(/4\s+deans get the invitation/).isVisible()).toBe(true)
    expect(await admin.locator('.mail-preview').textContent()).toMatch(/Invitation: Sampled round for /)
    expect(await seriousAxeViolations(admin)).toEqual([])
    await admin.screenshot({ path: 'test-results/cycle-opening-preview.png', fullPage: true })
    expect(invitations()).toHaveLength(0)

    // Opening answers at once; the invitations are created in the background.
    await admin.getByRole('button', { name: 'Open the cycle and send 4 invitations' }).click()
    await expect.poll(() => admin.getByText(/The cycle is open\. Sending 4 invitations/).isVisible()).toBe(true)
    await expect.poll(() => invitations().length, { timeout: 30_000 }).toBe(4)
    // The progress script keeps the bar current without a reload and changes the heading when sending is done.
    const listedWhenSent = async () =>
      (await admin.getByRole('heading', { name: 'Sending invitations' }).count()) === 0
        ? admin.locator('#schools-title ~ * tbody tr td > a[href*="/schools/"]:not([href$="/timeline"])').allTextContents()
        : []
    await expect.poll(() => listedWhenSent().catch(() => []), { timeout: 30_000 }).toHaveLength(4)
    const listed = await listedWhenSent()
    expect(listed).toHaveLength(4)
    // Only the sampled schools' deans were written to, each about their own school.
    for (const mail of invitations()) expect(listed.some((name) => mail.subject!.endsWith(`for ${name}`))).toBe(true)

    // A dean opens the e-mailed link: the page asks, the button accepts, and the dean lands signed in.
    const [first, second] = invitations()
    const dean = await (await running.browser.newContext()).newPage()
    await dean.goto(invitationLink(first!))
    expect(await seriousAxeViolations(dean)).toEqual([])
    await dean.screenshot({ path: 'test-results/invitation.png', fullPage: true })
    await dean.getByRole('button', { name: /^Accept for / }).click()
    await expect.poll(() => dean.getByRole('button', { name: /Sign out/ }).textContent()).toContain(toOf(first!))
    await expect.poll(() => dean.getByText(/is taking part, and you are signed in as its lead/).isVisible()).toBe(true)

    // A second dean accepts. The admin's school page offers no "mark as submitted": only a certified response counts
    // as completed, and a paper return goes through the response (decision 123; submitting is tested in the workspace).
    const other = await (await running.browser.newContext()).newPage()
    await other.goto(invitationLink(second!))
    await other.getByRole('button', { name: /^Accept for / }).click()
    await expect.poll(() => other.getByRole('button', { name: /Sign out/ }).textContent()).toContain(toOf(second!))
    await admin.reload()
    await admin.getByRole('link', { name: second!.subject!.replace(/^.* for /, ''), exact: true }).click()
    expect(await seriousAxeViolations(admin)).toEqual([])
    expect(await admin.getByRole('button', { name: 'Mark as submitted' }).count()).toBe(0)
    await expect.poll(() => admin.getByRole('heading', { name: 'Paper return' }).isVisible()).toBe(true)
    await admin.getByRole('link', { name: '← Sampled round' }).click()

    // Ten days before the deadline the 14-day reminder is due: every school that has not submitted gets it.
    const before = running.peer.received.length
    await admin.getByRole('link', { name: 'Send due reminders now' }).click()
    await expect.poll(() => admin.getByText('4 schools are due a reminder', { exact: false }).isVisible()).toBe(true)
    await admin.getByRole('button', { name: 'Send the reminders' }).click()
    await expect.poll(() => admin.getByText('4 reminders queued.').isVisible()).toBe(true)
    await expect.poll(() => running.peer.received.length - before, { timeout: 30_000 }).toBe(4)
    const reminded = running.peer.received.slice(before).map(toOf)
    expect(reminded).toContain(toOf(second!))
    expect(reminded).toContain(toOf(first!))

    // The dashboard counts what happened.
    await admin.reload()
    expect(await figure(admin, 'invited')).toBe('4')
    expect(await figure(admin, 'accepted')).toBe('2')
    expect(await figure(admin, 'declined')).toBe('0')
    expect(await figure(admin, 'submitted')).toBe('0')
    expect(await figure(admin, 'complete')).toBe('0%')
    await expect.poll(() => admin.getByRole('img', { name: 'Schools accepted and submitted, day by day' }).count()).toBe(1)
    expect(await seriousAxeViolations(admin)).toEqual([])
    await admin.screenshot({ path: 'test-results/cycle-dashboard.png', fullPage: true })
  })
})
