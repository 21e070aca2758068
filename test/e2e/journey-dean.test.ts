import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../../src/db/client'
import { findUserByEmail } from '../../src/db/queries/accounts'
import { responses } from '../../src/db/schema/responses'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { answersAtLevel, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import type { SmtpPeer } from '../support/smtp-peer'
import { answerAllRequired } from '../support/workspace-seed'
import { checkJourneyPage } from './support/journey-checks'
import { DAY, isoDay, signInAsAdminByMail, usePostgresMailingServer } from './support/mailing-server'
import type { RunningServer } from './support/server'

// The dean's journey end to end, every page at 1280 and 390 px. The server runs on a throwaway PostgreSQL database
// (as in reports.test.ts) so the test can stand in for what happens off-screen: the colleagues answering the areas
// the dean does not (saved through the same service the pages use) and other schools of the round submitting, so
// that the report has a group to compare with.

const running = usePostgresMailingServer('journey_dean')
let browser: Browser
let peer: SmtpPeer
let server: RunningServer
let database: Database
beforeAll(() => {
  ({ browser, peer, server, database } = running)
})

const newPage = async () => (await browser.newContext()).newPage()
const addressOf = (m: { to?: unknown }) => (m.to && !Array.isArray(m.to) ? (m.to as { text: string }).text : '')

const signInAsAdmin = () => signInAsAdminByMail({ browser, peer, server })

describe('the dean’s journey', () => {
  test('invitation → team → answer → check answers → submit → PDF copy → report from My school, each page at 1280 and 390 px', { timeout: 240_000 }, async () => {
    const title = `Journey round ${randomUUID().slice(0, 4)}`

    // The program team opens a round for one dental school (through the admin pages).
    const admin = await signInAsAdmin()
    await admin.goto(`${server.baseUrl}/admin/cycles/new`)
    await admin.getByLabel('Title').fill(title)
    await admin.getByLabel('Dentistry', { exact: true }).check()
    await admin.getByLabel('Dentistry: schools to draw').fill('1')
    await admin.getByLabel('Opening date').fill(isoDay(new Date()))
    await admin.getByLabel('Deadline', { exact: true }).fill(isoDay(new Date(Date.now() + 30 * DAY)))
    await admin.getByRole('button', { name: 'Create the draft cycle' }).click()
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe(title)
    const cycleUrl = admin.url()
    const cycleId = cycleUrl.split('/').at(-1)!
    await admin.getByRole('link', { name: 'Open the cycle and send invitations' }).click()
    await admin.getByRole('button', { name: 'Open the cycle and send 1 invitation' }).click()
    const isInvitation = (m: { subject?: string | undefined }) => m.subject?.startsWith(`Invitation: ${title}`) === true
    await expect.poll(() => peer.received.filter(isInvitation).length, { timeout: 30_000 }).toBe(1)
    const invitation = peer.received.find(isInvitation)!
    const schoolName = invitation.subject!.replace(/^.* for /, '')
    const deanEmail = addressOf(invitation)

    // 1. The invitation e-mail: the link asks first, the button accepts and signs the dean in.
    const dean = await newPage()
    await dean.goto(invitation.text!.match(/http:\/\/\S+\/invitation\?token=[\w-]+/)![0])
    await checkJourneyPage(dean, 'dean-01-invitation')
    await dean.getByRole('button', { name: /^Accept for / }).click()
    await expect.poll(() => dean.getByText(/signed in as its lead/).count()).toBe(1)

    // 2. My school: the round as a task list, with what to do next.
    await dean.goto(`${server.baseUrl}/school`)
    expect(await dean.getByRole('heading', { level: 1 }).textContent()).toBe('My school')
    expect(await dean.locator('main').textContent()).toContain(schoolName)
    await checkJourneyPage(dean, 'dean-02-my-school')
    // The sampled school may also be in the demo rounds: everything below is done in this round's section.
    const round = dean.locator('section.cycle-tasks', { has: dean.getByRole('heading', { name: title }) })
    await round.getByRole('link', { name: 'Start the response' }).click()
    await dean.goto(`${server.baseUrl}/school`)

    // 3. The team: the dean invites a colleague, who gets the e-mail.
    await round.getByRole('link', { name: /^(Invite your team|Team and assignments)$/ }).first().click()
    await expect.poll(() => dean.getByRole('heading', { level: 1 }).textContent()).toBe('Team')
    const responseUrl = dean.url().replace(/\/team$/, '')
    const responseId = responseUrl.split('/').at(-1)!
    await dean.getByLabel('E-mail address').fill('casey.coordinator@school.test')
    await dean.getByLabel('Name (optional)').fill('Casey Coordinator')
    await dean.getByRole('button', { name: 'Send the invitation' }).click()
    await expect.poll(() => dean.getByText('Invitation sent to casey.coordinator@school.test.').isVisible()).toBe(true)
    await checkJourneyPage(dean, 'dean-03-team')
    expect((await peer.waitFor('casey.coordinator@school.test', 30_000)).subject).toContain('invited you to')

    // 4. An area answered with JavaScript: each answer saves itself, a follow-up appears with its gate question.
    await dean.goto(`${server.baseUrl}/school`)
    await round.getByRole('link', { name: 'Answer “Pathway programs”' }).click()
    await dean.waitForURL(`${responseUrl}/areas/pathway-programs`)
    await dean.getByRole('group', { name: /recurring line in the school's budget/ }).getByLabel('Yes', { exact: true }).check()
    await dean.getByRole('group', { name: /run or co-run at least one pathway program/ }).getByLabel('Yes', { exact: true }).check()
    const followUp = dean.getByLabel('With how many K-12 schools or districts does the school have an active pathway partnership?')
    await expect.poll(() => followUp.isVisible()).toBe(true)
    await followUp.fill('4')
    await followUp.blur()
    await expect.poll(() => dean.locator('[data-page-status]').textContent(), { timeout: 15_000 }).toBe('All changes saved')
    await checkJourneyPage(dean, 'dean-04-area')

    // Off-screen, the colleagues answer every other required question (the service the pages save through).
    const deanUser = (await findUserByEmail(database.db, deanEmail))!
    const [{ schoolId }] = await database.db.select({ schoolId: responses.schoolId }).from(responses).where(eq(responses.id, responseId)) as [{ schoolId: string }]
    await answerAllRequired(database.db, responseId, deanUser, schoolId)

    // 5. Check your answers, then certify and submit.
    await dean.goto(`${server.baseUrl}/school`)
    await round.getByRole('link', { name: 'Check your answers', exact: true }).click()
    await expect.poll(() => dean.getByText('Every required question is answered').isVisible()).toBe(true)
    await checkJourneyPage(dean, 'dean-05-check-answers')
    await dean.getByLabel('Your full name').fill('Dr. Dana Dean')
    await dean.getByLabel(/I certify that these answers are accurate/).check()
    await dean.getByRole('button', { name: 'Submit the response' }).click()
    await dean.waitForURL(`${responseUrl}/submitted`)
    await expect.poll(() => dean.getByRole('heading', { name: 'Answers submitted' }).isVisible()).toBe(true)
    await checkJourneyPage(dean, 'dean-06-confirmation')

    // 6. The PDF copy of the submitted answers, with the school's name in it.
    const copyHref = await dean.getByRole('link', { name: /copy of the (submitted )?answers/i }).first().getAttribute('href')
    const copy = await dean.request.get(new URL(copyHref!, dean.url()).href)
    expect(copy.headers()['content-type']).toBe('application/pdf')
    const { text: copyText } = await extractText(await getDocumentProxy(new Uint8Array(await copy.body())), { mergePages: true })
    expect(copyText).toContain(schoolName)

    // Other dental schools of the round submit too, so the report has a group to compare with.
    const instrument = await storedInstrument(database.db, 'smm-2024')
    for (const [i, level] of [0.2, 0.4, 0.6, 0.8, 1].entries()) {
      const other = await seedScoringSchool(database.db, { discipline: 'dental', name: `Journey Dental School ${i}` })
      await seedSubmittedResponse(database.db, { schoolId: other.id, cycleId, answers: answersAtLevel(instrument, level) })
    }

    // 7. The program team closes, scores and releases, through the admin pages.
    await admin.goto(cycleUrl)
    await admin.getByRole('link', { name: 'Close the cycle' }).click()
    await admin.getByRole('button', { name: 'Close the cycle' }).click()
    await admin.goto(`${cycleUrl}/reports`)
    await admin.getByRole('button', { name: 'Score and freeze norms' }).click()
    const release = admin.getByRole('link', { name: 'Release all reports and e-mail the leaders' })
    const reload = admin.getByRole('link', { name: 'Reload the page to see the results' })
    await expect.poll(async () => (await release.count()) + (await reload.count()), { timeout: 60_000 }).toBeGreaterThan(0)
    if (await reload.isVisible()) await reload.click()
    await release.click()
    await admin.getByRole('button', { name: 'Release the reports and e-mail the leaders' }).click()
    await expect.poll(() => admin.getByText(/\d+ reports? released/).count()).toBeGreaterThan(0)

    // 8. The dean opens the report from My school.
    await dean.goto(`${server.baseUrl}/school`)
    await checkJourneyPage(dean, 'dean-07-my-school-released')
    await round.getByRole('link', { name: 'Read the report' }).click()
    await expect.poll(() => dean.getByRole('heading', { level: 1 }).textContent()).toBe(`${schoolName}: ${title}`)
    await expect.poll(() => dean.getByRole('img', { name: /Your score per area/ }).count()).toBe(1)
    await checkJourneyPage(dean, 'dean-08-report')
  })
})
