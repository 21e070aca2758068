import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../../src/db/client'
import { schools } from '../../src/db/schema/schools'
import { seedBadgeOffer } from '../support/badge-seed'
import { verifyBadgeCredential } from '../support/badge-verifier'
import { pngTextChunks } from '../support/png-text'
import { answerAllRequired, seedWorkspace } from '../support/workspace-seed'
import type { SmtpPeer } from '../support/smtp-peer'
import { checkJourneyPage } from './support/journey-checks'
import { signInAsAdminByMail, usePostgresMailingServer } from './support/mailing-server'
import type { RunningServer } from './support/server'

// A badge end to end in Chromium: the dean certifies and submits, orders the badge by invoice; the program team
// marks it paid; the issue job runs in the server and the e-mail crosses SMTP; the dean keeps the school listed; the
// directory lists it; a stranger's verifier accepts what the app serves; the program team revokes it.

const running = usePostgresMailingServer('badges')
let browser: Browser
let peer: SmtpPeer
let server: RunningServer
let database: Database
beforeAll(() => {
  ({ browser, peer, server, database } = running)
})

/** What a stranger's verifier may fetch: the running app's public URLs, over HTTP, signed out. */
const fetchPublicJson = async (url: string) => {
  if (!url.startsWith(`${server.baseUrl}/`)) throw new Error(`not the app's: ${url}`)
  const res = await fetch(url)
  if (!res.ok) throw new Error(`${url}: ${res.status}`)
  return (await res.json()) as object
}

/** The first message to this address whose subject starts so, waiting for it to cross SMTP. */
async function mailTo(email: string, subject: string) {
  const matches = (m: SmtpPeer['received'][number]) => JSON.stringify(m.to).includes(email) && (m.subject ?? '').startsWith(subject)
  await expect.poll(() => peer.received.some(matches), { timeout: 30_000 }).toBe(true)
  return peer.received.find(matches)!
}

async function signInByMail(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(`${server.baseUrl}/sign-in`)
  await page.getByLabel('E-mail address').fill(email)
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click()
  const mail = await mailTo(email, 'Your sign-in link')
  await page.goto(mail.text!.match(/http:\/\/\S+\/sign-in\/link\?token=[\w-]+/)![0])
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect.poll(() => page.url()).not.toContain('/sign-in')
  return page
}

describe('a badge from a certified submission to revocation', () => {
  test('certified → ordered by invoice → marked paid → issued and e-mailed → dean keeps it listed → directory → verified → revoked', { timeout: 240_000 }, async () => {
    const db = database.db
    const schoolName = `Riverside College of Medicine ${randomUUID().slice(0, 4)}`
    // Off-screen: a school whose colleagues answered every required question, in a round that offers a badge.
    const w = await seedWorkspace(db, { discipline: 'md' })
    await db.update(schools).set({ name: schoolName }).where(eq(schools.id, w.school.id))
    await answerAllRequired(db, w.responseId, w.leader, w.school.id)
    await seedBadgeOffer(db, w.cycle.id, { disciplines: ['md'] })

    // The dean certifies and submits, then orders the badge by invoice.
    const dean = await signInByMail(w.leader.email)
    await dean.goto(`${server.baseUrl}/school/responses/${w.responseId}/review`)
    await dean.getByLabel('Your full name').fill('Dr. Dana Dean')
    await dean.getByLabel(/I certify that these answers are accurate/).check()
    await dean.getByRole('button', { name: 'Submit the response' }).click()
    await dean.waitForURL(/\/submitted$/)
    await dean.goto(`${server.baseUrl}/school/badge/${w.responseId}`)
    await dean.getByLabel('Billing contact’s name').fill('Finance Office')
    await dean.getByLabel('Billing contact’s e-mail').fill('finance@riverside.test')
    await dean.getByLabel('Billing address').fill('1 College Road\nSpringfield, IL 62701')
    await dean.getByRole('button', { name: 'Continue' }).click()
    await dean.getByRole('button', { name: 'Place the order' }).click()
    await expect.poll(() => dean.locator('main').textContent()).toContain('invoice')

    // The program team records the payment; the issue job runs in the server and e-mails the dean.
    const admin = await signInAsAdminByMail({ browser, peer, server })
    await admin.goto(`${server.baseUrl}/admin/badges`)
    await admin.getByRole('link', { name: `Mark paid (${schoolName})` }).click()
    await admin.getByLabel('Payment reference').fill('CHQ-1042')
    await admin.getByRole('button', { name: 'Mark paid and issue the badge' }).click()
    const mail = await mailTo(w.leader.email, 'Your Social Mission Metrics badge is ready')
    expect(mail.subject).toBe(`Your Social Mission Metrics badge is ready: ${w.cycle.title}`)
    const verifyUrl = mail.text!.match(/http:\/\/\S+\/badges\/verify\/[\w-]+/)![0]
    expect(mail.text).toContain('<a href=')
    await admin.goto(`${server.baseUrl}/admin/badges/issued`)
    await checkJourneyPage(admin, 'badges-01-issued')

    // The public verification page.
    const visitor = await (await browser.newContext()).newPage()
    await visitor.goto(verifyUrl)
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Social Mission Metrics badge')
    expect(await visitor.locator('main').textContent()).toContain(schoolName)
    expect(await visitor.getByRole('status').textContent()).toContain('This badge is valid')
    await checkJourneyPage(visitor, 'badges-02-verify')

    // The dean finds the badge from the order and from My school, stops listing the school, then lists it again.
    await dean.goto(`${server.baseUrl}/school/badge/${w.responseId}`)
    await expect.poll(() => dean.getByRole('link', { name: 'Your badges and the public directory' }).count()).toBe(1)
    await dean.goto(`${server.baseUrl}/school`)
    await dean.getByRole('link', { name: 'Your badges and the public directory' }).first().click()
    await checkJourneyPage(dean, 'badges-03-school-badges')
    await dean.getByRole('button', { name: 'Stop listing our school in the directory' }).click()
    await visitor.goto(`${server.baseUrl}/badges`)
    expect(await visitor.locator('main').textContent()).not.toContain(schoolName)
    await dean.getByRole('button', { name: 'List our school in the directory' }).click()
    await expect.poll(() => dean.getByRole('button', { name: 'Stop listing our school in the directory' }).count()).toBe(1)

    // The directory lists it, filtered without script, and links to its page.
    await visitor.goto(`${server.baseUrl}/`)
    await visitor.getByRole('link', { name: 'Schools with a badge, and our Inaugural Supporters' }).click()
    await visitor.getByLabel('State').selectOption('IL')
    await visitor.getByRole('button', { name: 'Filter' }).click()
    await expect.poll(() => visitor.url()).toContain('state=IL')
    await checkJourneyPage(visitor, 'badges-04-directory')
    await visitor.getByRole('link', { name: schoolName }).click()
    expect(visitor.url()).toBe(verifyUrl)

    // A stranger's verifier accepts the downloaded credential and the one baked into the PNG, from public URLs only.
    const publicId = verifyUrl.split('/').at(-1)!
    const credential = await fetchPublicJson(`${server.baseUrl}/badges/${publicId}/credential.json`)
    const png = Buffer.from(await (await fetch(`${server.baseUrl}/badges/${publicId}.png`)).arrayBuffer())
    const baked = JSON.parse(pngTextChunks(png).find((t) => t.keyword === 'openbadgecredential')!.text) as object
    expect(await verifyBadgeCredential(credential, fetchPublicJson)).toMatchObject({ verified: true, revoked: false })
    expect(await verifyBadgeCredential(baked, fetchPublicJson)).toMatchObject({ verified: true, revoked: false })
    const tampered = JSON.parse(JSON.stringify(credential).replace(schoolName, schoolName.replace('Riverside', 'Riversida'))) as object
    expect((await verifyBadgeCredential(tampered, fetchPublicJson)).verified).toBe(false)

    // The program team's other badge pages: Inaugural Supporters (flag the school) and the reissue step.
    await admin.goto(`${server.baseUrl}/admin/badges/supporters`)
    await admin.getByLabel('School').selectOption({ label: `${schoolName} (IL)` })
    await admin.getByLabel('Year').fill('2024')
    await admin.getByLabel('Note (optional)').fill('Took part in the 2024 pilot')
    await admin.getByRole('button', { name: 'Flag as an Inaugural Supporter' }).click()
    await checkJourneyPage(admin, 'badges-05-supporters')
    await visitor.goto(`${server.baseUrl}/badges`)
    expect(await visitor.locator('#inaugural-supporters + p + ul').textContent()).toContain(`${schoolName} (IL), since 2024: Took part in the 2024 pilot`)
    await admin.goto(`${server.baseUrl}/admin/badges/issued`)
    await admin.getByRole('link', { name: `Reissue image of ${schoolName}` }).click()
    await checkJourneyPage(admin, 'badges-06-reissue')

    // The program team revokes it with a reason; the directory drops it, the page says revoked, the status fails.
    await admin.goto(`${server.baseUrl}/admin/badges/issued`)
    await admin.getByRole('link', { name: `Revoke the badge of ${schoolName}` }).click()
    await admin.getByLabel('Why is the badge revoked?').fill('short')
    await admin.getByRole('button', { name: 'Revoke the badge' }).click()
    expect(await admin.getByRole('alert').textContent()).toContain('at least 10 characters')
    await checkJourneyPage(admin, 'badges-07-revoke-error')
    await admin.getByLabel('Why is the badge revoked?').fill('The order was refunded at the school’s request')
    await admin.getByRole('button', { name: 'Revoke the badge' }).click()
    await expect.poll(() => admin.locator('main').textContent()).toContain(`The badge of ${schoolName} is revoked.`)

    await visitor.goto(`${server.baseUrl}/badges`)
    expect(await visitor.getByRole('link', { name: schoolName }).count()).toBe(0) // still an Inaugural Supporter, unlinked
    await visitor.goto(verifyUrl)
    expect(await visitor.getByRole('status').textContent()).toContain('revoked')
    expect(await visitor.locator('main').textContent()).not.toContain('refunded')
    expect(await verifyBadgeCredential(credential, fetchPublicJson)).toMatchObject({ verified: false, revoked: true })
  })
})
