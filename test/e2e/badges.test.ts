import { randomUUID } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../../src/db/client'
import { seedBadgeOffer, seedBadgeOrder } from '../support/badge-seed'
import { verifyBadgeCredential } from '../support/badge-verifier'
import { pngTextChunks } from '../support/png-text'
import { seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import { seedMember } from '../support/seed'
import type { SmtpPeer } from '../support/smtp-peer'
import { checkJourneyPage } from './support/journey-checks'
import { signInAsAdminByMail, usePostgresMailingServer } from './support/mailing-server'
import type { RunningServer } from './support/server'

// A badge from payment to revocation in Chromium: the program team issues the paid badge from the console (the
// job runs in the server), the e-mail crosses SMTP, the dean finds the badge and keeps the school listed, the
// directory lists it, a stranger's verifier accepts what the app serves, then the program team revokes it.

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

async function signInByMail(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(`${server.baseUrl}/sign-in`)
  await page.getByLabel('E-mail address').fill(email)
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click()
  // The dean already has the badge e-mail: wait for the sign-in link.
  const isLink = (m: SmtpPeer['received'][number]) => JSON.stringify(m.to).includes(email) && m.subject === 'Your sign-in link for Social Mission Metrics'
  await expect.poll(() => peer.received.some(isLink), { timeout: 30_000 }).toBe(true)
  const mail = peer.received.find(isLink)!
  await page.goto(mail.text!.match(/http:\/\/\S+\/sign-in\/link\?token=[\w-]+/)![0])
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect.poll(() => page.url()).not.toContain('/sign-in')
  return page
}

describe('a badge from payment to revocation', () => {
  test('paid → issued by the console with progress → e-mail → dean keeps it listed → directory → verified → revoked', { timeout: 240_000 }, async () => {
    const db = database.db
    const tag = randomUUID().slice(0, 4)
    const title = `Badge round ${tag}`
    const schoolName = `Riverside College of Medicine ${tag}`
    // Off-screen: the school's certified submission and its invoice order, paid.
    const cycle = await seedScoringCycle(db, { status: 'closed', title, opensAt: new Date(Date.UTC(new Date().getUTCFullYear(), 0, 15)) })
    const school = await seedScoringSchool(db, { discipline: 'md', name: schoolName })
    await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: {} })
    const dean = await seedMember(db, school.id, 'leader')
    await seedBadgeOffer(db, cycle.id)
    await seedBadgeOrder(db, { cycleId: cycle.id, schoolId: school.id, status: 'paid' })

    // The program team issues the paid badges of the round; the console shows the job's progress.
    const admin = await signInAsAdminByMail({ browser, peer, server })
    await admin.goto(`${server.baseUrl}/admin/badges/issued`)
    await admin.getByRole('link', { name: 'Issue all' }).click()
    await checkJourneyPage(admin, 'badges-01-issue-all')
    await admin.getByRole('button', { name: 'Issue 1 badge' }).click()
    await expect.poll(() => admin.locator('main').textContent(), { timeout: 30_000 }).toMatch(/Badges issued|1 badges issued/)

    // The dean's e-mail: the verification page, the files and the embed code.
    const mail = await peer.waitFor(dean.email, 30_000)
    expect(mail.subject).toBe(`Your Social Mission Metrics badge is ready: ${title}`)
    const verifyUrl = mail.text!.match(/http:\/\/\S+\/badges\/verify\/[\w-]+/)![0]
    expect(mail.text).toContain('<a href=')

    // The public verification page.
    const visitor = await (await browser.newContext()).newPage()
    await visitor.goto(verifyUrl)
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Social Mission Metrics badge')
    expect(await visitor.locator('main').textContent()).toContain(schoolName)
    expect(await visitor.getByRole('status').textContent()).toContain('This badge is valid')
    await checkJourneyPage(visitor, 'badges-02-verify')

    // The dean finds the badge from My school, stops listing the school, then lists it again.
    const deanPage = await signInByMail(dean.email)
    await deanPage.goto(`${server.baseUrl}/school`)
    await deanPage.getByRole('link', { name: 'Your badges and the public directory' }).click()
    await checkJourneyPage(deanPage, 'badges-03-school-badges')
    await deanPage.getByRole('button', { name: 'Stop listing our school in the directory' }).click()
    await visitor.goto(`${server.baseUrl}/badges`)
    expect(await visitor.locator('main').textContent()).not.toContain(schoolName)
    await deanPage.getByRole('button', { name: 'List our school in the directory' }).click()
    await expect.poll(() => deanPage.getByRole('button', { name: 'Stop listing our school in the directory' }).count()).toBe(1)

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

    // The program team revokes it with a reason; the directory drops it, the page says revoked, the status fails.
    await admin.goto(`${server.baseUrl}/admin/badges/issued`)
    await admin.getByRole('link', { name: `Revoke the badge of ${schoolName}` }).click()
    await admin.getByLabel('Why is the badge revoked?').fill('short')
    await admin.getByRole('button', { name: 'Revoke the badge' }).click()
    expect(await admin.getByRole('alert').textContent()).toContain('at least 10 characters')
    await checkJourneyPage(admin, 'badges-05-revoke-error')
    await admin.getByLabel('Why is the badge revoked?').fill('The order was refunded at the school’s request')
    await admin.getByRole('button', { name: 'Revoke the badge' }).click()
    await expect.poll(() => admin.locator('main').textContent()).toContain(`The badge of ${schoolName} is revoked.`)

    await visitor.goto(`${server.baseUrl}/badges`)
    expect(await visitor.locator('main').textContent()).not.toContain(schoolName)
    await visitor.goto(verifyUrl)
    expect(await visitor.getByRole('status').textContent()).toContain('revoked')
    expect(await visitor.locator('main').textContent()).not.toContain('refunded')
    expect(await verifyBadgeCredential(credential, fetchPublicJson)).toMatchObject({ verified: false, revoked: true })
  })
})
