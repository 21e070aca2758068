import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { seriousAxeViolations } from './support/browser'
import { DAY, DEMO_ADMIN, isoDay, useMailingServer } from './support/mailing-server'

const linkIn = (text: string, path: string) => text.match(new RegExp(`http://\\S+${path.replace('?', '\\?')}\\?token=[\\w-]+`))![0]

const running = useMailingServer()

const newPage = async () => (await running.browser.newContext()).newPage()

/** The demo admin signs in by e-mail, opens a one-school round, and the school's dean accepts from the e-mail. */
async function deanOfAnOpenRound(): Promise<Page> {
  const admin = await newPage()
  await admin.goto(`${running.server.baseUrl}/sign-in`)
  await admin.getByLabel('E-mail address').fill(DEMO_ADMIN)
  await admin.getByRole('button', { name: 'E-mail me a sign-in link' }).click()
  await admin.goto(linkIn((await running.peer.waitFor(DEMO_ADMIN, 30_000)).text!, '/sign-in/link'))
  await admin.getByRole('button', { name: 'Sign in' }).click()
  await admin.goto(`${running.server.baseUrl}/admin/cycles/new`)
  await admin.getByLabel('Title').fill('Team round')
  await admin.getByLabel('Dentistry', { exact: true }).check()
  await admin.getByLabel('Dentistry: schools to draw').fill('1')
  await admin.getByLabel('Opening date').fill(isoDay(new Date()))
  await admin.getByLabel('Deadline', { exact: true }).fill(isoDay(new Date(Date.now() + 30 * DAY)))
  await admin.getByRole('button', { name: 'Create the draft cycle' }).click()
  await admin.getByRole('link', { name: 'Open the cycle and send invitations' }).click()
  await admin.getByRole('button', { name: 'Open the cycle and send 1 invitation' }).click()
  await expect.poll(() => running.peer.received.filter((m) => m.subject?.startsWith('Invitation: Team round')).length, { timeout: 30_000 }).toBe(1)
  const invitation = running.peer.received.find((m) => m.subject?.startsWith('Invitation: Team round'))!
  const dean = await newPage()
  await dean.goto(linkIn(invitation.text!, '/invitation'))
  await dean.getByRole('button', { name: /^Accept for / }).click()
  await expect.poll(() => dean.getByText(/signed in as its lead/).count()).toBe(1)
  return dean
}

describe('a school’s team', () => {
  test('the dean names a coordinator and invites a contributor; the contributor follows the e-mailed link and is signed in; areas assigned', async () => {
    const dean = await deanOfAnOpenRound()
    await dean.goto(`${running.server.baseUrl}/school/team`)
    await expect.poll(() => dean.getByRole('heading', { level: 1 }).textContent()).toBe('Team')
    const teamUrl = dean.url()
    expect(teamUrl).toMatch(/\/school\/responses\/[0-9a-f-]{36}\/team$/)
    expect(await seriousAxeViolations(dean)).toEqual([])

    // A mistyped address comes back beside the field.
    await dean.getByLabel('E-mail address').fill('casey@')
    await dean.getByRole('button', { name: 'Send the invitation' }).click()
    expect(await dean.getByRole('alert').textContent()).toContain('Enter an e-mail address')
    expect(await seriousAxeViolations(dean)).toEqual([])

    // The primary respondent: the role is offered first while nobody holds it.
    await dean.getByLabel('E-mail address').fill('casey.coordinator@school.test')
    await dean.getByLabel('Name (optional)').fill('Casey Coordinator')
    expect(await dean.getByLabel('Role', { exact: true }).inputValue()).toBe('coordinator')
    await dean.getByRole('button', { name: 'Send the invitation' }).click()
    await expect.poll(() => dean.getByText('Invitation sent to casey.coordinator@school.test.').isVisible()).toBe(true)
    // Invited is not yet on the team: she is listed apart until she follows her link.
    expect(await dean.getByRole('table').first().textContent()).toContain('Casey Coordinator')
    await expect.poll(() => dean.getByText('Nobody has been named yet').isVisible()).toBe(true)
    expect(await seriousAxeViolations(dean)).toEqual([])

    await dean.getByLabel('E-mail address').fill('robin.contributor@school.test')
    await dean.getByLabel('Name (optional)').fill('Robin Contributor')
    await dean.getByLabel('Role', { exact: true }).selectOption('contributor')
    await dean.getByRole('button', { name: 'Send the invitation' }).click()
    await expect.poll(() => dean.getByText('Invitation sent to robin.contributor@school.test.').isVisible()).toBe(true)

    // Robin gets the e-mail over SMTP; opening the link asks first, the button signs in and opens the response.
    const mail = await running.peer.waitFor('robin.contributor@school.test', 30_000)
    expect(mail.subject).toContain('invited you to')
    const robin = await newPage()
    await robin.goto(linkIn(mail.text!, '/team/join'))
    expect(await seriousAxeViolations(robin)).toEqual([])
    await robin.getByRole('button', { name: 'Join the team' }).click()
    await expect.poll(() => robin.getByRole('button', { name: /Sign out/ }).textContent()).toContain('robin.contributor@school.test')
    expect(robin.url()).toBe(teamUrl.replace(/\/team$/, ''))

    // Casey joins too: until then she is only "invited", and nobody can be given areas before joining.
    const casey = await newPage()
    await casey.goto(linkIn((await running.peer.waitFor('casey.coordinator@school.test', 30_000)).text!, '/team/join'))
    await casey.getByRole('button', { name: 'Join the team' }).click()
    await expect.poll(() => casey.getByRole('button', { name: /Sign out/ }).textContent()).toContain('casey.coordinator@school.test')
    await dean.reload()
    await expect.poll(() => dean.getByText('Casey Coordinator coordinates the answers').isVisible()).toBe(true)

    // The dean ticks two areas for Robin and gives the coordinator a whole domain.
    await dean.getByLabel('Service-learning: Robin Contributor').check()
    await dean.getByLabel('Recognition of social-mission work: Robin Contributor').check()
    await dean.getByRole('button', { name: 'Save assignments' }).click()
    await expect.poll(() => dean.getByText('Assignments saved.').isVisible()).toBe(true)
    await dean.getByLabel('Domain', { exact: true }).selectOption({ label: 'Governance & Accountability' })
    await dean.getByLabel('Person', { exact: true }).selectOption({ label: 'Casey Coordinator' })
    await dean.getByRole('button', { name: 'Assign every area of the domain' }).click()
    expect(await dean.getByLabel('Service-learning: Robin Contributor').isChecked()).toBe(true)
    expect(await dean.getByLabel('Measurement and accountability: Casey Coordinator').isChecked()).toBe(true)
    expect(await dean.getByLabel('Advocacy and activism: Robin Contributor').isChecked()).toBe(false)
    expect(await seriousAxeViolations(dean)).toEqual([])
    await dean.screenshot({ path: 'test-results/team-dean.png', fullPage: true })
    await dean.setViewportSize({ width: 390, height: 844 })
    await dean.screenshot({ path: 'test-results/team-dean-phone.png', fullPage: false })

    // Robin sees the team read-only, with their areas ticked, and no controls.
    await robin.goto(teamUrl)
    expect(await robin.getByRole('button', { name: 'Send the invitation' }).count()).toBe(0)
    expect(await robin.getByRole('checkbox').count()).toBe(0)
    expect(await seriousAxeViolations(robin)).toEqual([])
    await robin.screenshot({ path: 'test-results/team-contributor.png', fullPage: true })
  })
})
