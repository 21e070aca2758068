import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../../src/db/client'
import { findUserByEmail } from '../../src/db/queries/accounts'
import { responses } from '../../src/db/schema/responses'
import type { SmtpPeer } from '../support/smtp-peer'
import { answerAllRequired } from '../support/workspace-seed'
import { checkJourneyPage } from './support/journey-checks'
import { DAY, isoDay, signInAsAdminByMail, usePostgresMailingServer } from './support/mailing-server'
import type { RunningServer } from './support/server'

// The program officer's journey end to end, every page at 1280 and 390 px: a small directory file imported, a round
// created for it, opened after its preview, sending watched to the end, closed, scored and released, and a released
// report read. The server runs on a throwaway PostgreSQL database so the test can stand in for one school's team
// answering its questions (saved through the same service the pages use); that school's dean accepts and submits
// in the browser.

const running = usePostgresMailingServer('journey_officer')
let browser: Browser
let peer: SmtpPeer
let server: RunningServer
let database: Database
beforeAll(() => {
  ({ browser, peer, server, database } = running)
})

const newPage = async () => (await browser.newContext()).newPage()

const signInAsAdmin = () => signInAsAdminByMail({ browser, peer, server })

// Three physician assistant programs (a discipline the demo directory has none of), in our template's columns.
const tag = randomUUID().slice(0, 4)
const schools = ['Lakeside', 'Riverbend', 'Hillcrest'].map((place, i) => ({
  name: `${place} PA Program ${tag}`,
  email: `dean.${place.toLowerCase()}.${tag}@pa.example.edu`,
  city: ['Madison', 'Dayton', 'Boise'][i]!,
  state: ['WI', 'OH', 'ID'][i]!,
}))
const csv = [
  'name,parent_institution,city,state,discipline,control,carnegie_group,ipeds_unit_id,website,dean_name,dean_email,status',
  ...schools.map((s, i) => `${s.name},${s.city} University,${s.city},${s.state},pa,${i === 1 ? 'private' : 'public'},r2,,https://pa${i}.example.edu,Dr. ${s.name.split(' ')[0]} Dean,${s.email},active`),
].join('\n')

describe('the program officer’s journey', () => {
  test('import → cycle → opening preview → open and send → progress → close → score → release → a released report, each page at 1280 and 390 px', { timeout: 240_000 }, async () => {
    const admin = await signInAsAdmin()
    const nav = admin.getByRole('navigation', { name: 'Program administration' })

    // 1. Schools → Import: the file is checked before anything is saved, then imported.
    await nav.getByRole('link', { name: 'Schools' }).click()
    await admin.getByRole('link', { name: /Import/ }).first().click()
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Import schools from CSV')
    await checkJourneyPage(admin, 'officer-01-import')
    await admin.getByLabel('CSV file (UTF-8)').setInputFiles({ name: 'pa-programs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await admin.getByRole('button', { name: 'Check the file' }).click()
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Check the import')
    for (const s of schools) expect(await admin.locator('main').textContent()).toContain(s.name)
    await checkJourneyPage(admin, 'officer-02-import-check')
    await admin.getByRole('button', { name: 'Import 3 schools' }).click()
    await expect.poll(() => admin.locator('.flash').textContent()).toContain('Imported:')
    await checkJourneyPage(admin, 'officer-03-imported')

    // 2. A cycle for every physician assistant program.
    const title = `PA round ${tag}`
    await nav.getByRole('link', { name: 'Cycles' }).click()
    await admin.getByRole('link', { name: /New cycle|Create a cycle|new cycle/i }).first().click()
    await admin.getByLabel('Title').fill(title)
    await admin.getByLabel('Physician assistant (PA)', { exact: true }).check()
    await admin.getByLabel('Opening date').fill(isoDay(new Date()))
    await admin.getByLabel('Deadline', { exact: true }).fill(isoDay(new Date(Date.now() + 30 * DAY)))
    await checkJourneyPage(admin, 'officer-04-new-cycle')
    await admin.getByRole('button', { name: 'Create the draft cycle' }).click()
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe(title)
    const cycleUrl = admin.url()
    await checkJourneyPage(admin, 'officer-05-draft-cycle')

    // 3. The opening preview: the schools per discipline, how many deans get the invitation, the message itself.
    await admin.getByRole('link', { name: 'Open the cycle and send invitations' }).click()
    const perDiscipline = await admin.getByRole('table', { name: 'Schools per discipline' }).textContent()
    expect(perDiscipline).toContain('Physician assistant (PA)')
    expect(perDiscipline).toContain('3')
    await expect.poll(() => admin.getByText(/3\s+deans get the invitation/).isVisible()).toBe(true)
    expect(await admin.locator('.mail-preview').textContent()).toMatch(new RegExp(`Invitation: ${title} for `))
    await checkJourneyPage(admin, 'officer-06-opening-preview')
    const isInvitation = (m: { subject?: string | undefined }) => m.subject?.startsWith(`Invitation: ${title}`) === true
    expect(peer.received.filter(isInvitation)).toHaveLength(0)

    // 4. Open and send: the page answers at once and the progress bar follows the sending without a reload.
    await admin.getByRole('button', { name: 'Open the cycle and send 3 invitations' }).click()
    await expect.poll(() => admin.getByText(/The cycle is open\. Sending 3 invitations/).isVisible()).toBe(true)
    await expect.poll(() => peer.received.filter(isInvitation).length, { timeout: 30_000 }).toBe(3)
    await expect.poll(() => admin.getByRole('heading', { name: 'Sending invitations' }).count(), { timeout: 30_000 }).toBe(0)
    // The step that waited for the sending is offered again without a reload.
    await expect.poll(() => admin.getByRole('link', { name: 'Close the cycle' }).count()).toBe(1)
    await checkJourneyPage(admin, 'officer-07-sent')
    for (const s of schools) expect(peer.received.filter(isInvitation).some((m) => m.subject!.endsWith(`for ${s.name}`))).toBe(true)

    // One school's dean accepts from the e-mail; the team's answers land; the dean certifies and submits.
    const first = schools[0]!
    const invitation = peer.received.find((m) => isInvitation(m) && m.subject!.endsWith(`for ${first.name}`))!
    const dean = await newPage()
    await dean.goto(invitation.text!.match(/http:\/\/\S+\/invitation\?token=[\w-]+/)![0])
    await dean.getByRole('button', { name: /^Accept for / }).click()
    await expect.poll(() => dean.getByText(/signed in as its lead/).count()).toBe(1)
    const round = dean.locator('section.cycle-tasks', { has: dean.getByRole('heading', { name: title }) })
    await dean.goto(`${server.baseUrl}/school`)
    await round.getByRole('link', { name: 'Start the response' }).click()
    await dean.goto(`${server.baseUrl}/school`)
    const responseId = (await round.getByRole('link', { name: 'Answer the questions' }).getAttribute('href'))!.split('/')[3]!
    const deanUser = (await findUserByEmail(database.db, first.email))!
    const [{ schoolId }] = await database.db.select({ schoolId: responses.schoolId }).from(responses).where(eq(responses.id, responseId)) as [{ schoolId: string }]
    await answerAllRequired(database.db, responseId, deanUser, schoolId)
    await dean.goto(`${server.baseUrl}/school/responses/${responseId}/review`)
    await dean.getByLabel('Your full name').fill(`Dr. ${first.name.split(' ')[0]} Dean`)
    await dean.getByLabel(/I certify that these answers are accurate/).check()
    await dean.getByRole('button', { name: 'Submit the response' }).click()
    await dean.waitForURL(`${server.baseUrl}/school/responses/${responseId}/submitted`)

    // 5. Close, after a confirmation page that says who has and has not submitted.
    await admin.goto(cycleUrl)
    await admin.getByRole('link', { name: 'Close the cycle' }).click()
    expect(await admin.locator('main').textContent()).toMatch(/1 school has submitted\. 2 schools have not/)
    await checkJourneyPage(admin, 'officer-08-close-confirmation')
    await admin.getByRole('button', { name: 'Close the cycle' }).click()
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe(title)
    await checkJourneyPage(admin, 'officer-09-closed')

    // 6. Score: a background job whose progress the page follows until it is done.
    await admin.goto(`${cycleUrl}/reports`)
    await checkJourneyPage(admin, 'officer-10-reports-before-scoring')
    await admin.getByRole('button', { name: 'Score and freeze norms' }).click()
    const release = admin.getByRole('link', { name: 'Release all reports and e-mail the leaders' })
    const reload = admin.getByRole('link', { name: 'Reload the page to see the results' })
    await expect.poll(async () => (await release.count()) + (await reload.count()), { timeout: 60_000 }).toBeGreaterThan(0)
    await checkJourneyPage(admin, 'officer-11-scoring-done')
    if (await reload.isVisible()) await reload.click()
    await expect.poll(() => admin.getByText('1 responses scored').or(admin.getByText('1 response scored')).count()).toBeGreaterThan(0)

    // 7. Release, after a confirmation page with the e-mail the leaders get.
    await release.click()
    await expect.poll(() => admin.getByText('1 report will be released', { exact: false }).isVisible()).toBe(true)
    await checkJourneyPage(admin, 'officer-12-release-confirmation')
    await admin.getByRole('button', { name: 'Release the reports and e-mail the leaders' }).click()
    await expect.poll(() => admin.getByText(/1 reports? released/).count()).toBeGreaterThan(0)
    await checkJourneyPage(admin, 'officer-13-released')
    await expect.poll(() => peer.received.some((m) => m.text?.includes(`/school/reports/${responseId}`)), { timeout: 30_000 }).toBe(true)

    // 8. A released report, opened from the cycle's list of reports.
    await admin.getByRole('link', { name: `Open the report of ${first.name}` }).click()
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe(`${first.name}: ${title}`)
    await checkJourneyPage(admin, 'officer-14-report')
  })
})
