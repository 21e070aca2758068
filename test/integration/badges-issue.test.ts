import { and, eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { badgeOrders, badges } from '../../src/db/schema/badges'
import { auditEvents, mailMessages } from '../../src/db/schema/operations'
import { schools } from '../../src/db/schema/schools'
import { startWorkers } from '../../src/jobs/workers'
import { createMailTransport } from '../../src/mail/transport'
import { issueBadgeForOrder } from '../../src/services/badges/badge-issue'
import { requestBadgeIssue } from '../../src/services/badges/badge-issue-request'
import { publicBadge } from '../../src/services/badges/badge-public'
import { JOB_NAMES } from '../../src/services/jobs'
import { seedScoringCycle } from '../support/scoring-seed'
import { DAY, seedBadgeOffer, seedBadgeOrder } from '../support/badge-seed'
import { statusBit } from '../support/badge-status-bits'
import { seedMember, seedSchool, seedUser, signedIn } from '../support/seed'
import { startSmtpPeer } from '../support/smtp-peer'
import { formPost, testApp, TEST_ORIGIN } from '../support/test-app'
import { verifyBadgeCredential } from '../support/badge-verifier'

// Issuing a paid badge, its public pages and files, revoking, expiry, reissuing after a rename, the directory with
// its opt-out and the Inaugural Supporters (decisions 127–128).

const { app, db, queue, badgeIssuer } = await testApp()
const issuer = await badgeIssuer()
const peer = await startSmtpPeer()
afterAll(() => peer.close())
await startWorkers(queue, { db, transport: createMailTransport(peer.url), mailFrom: 'SMM <no-reply@smm.test>', pollSeconds: 0.5, baseUrl: TEST_ORIGIN, jobs: queue, badgeIssuer })
const adminHeaders = await signedIn(db, await seedUser(db, { programRole: 'admin' }))

const cycle = await seedScoringCycle(db, { status: 'closed', title: '2026 national round', opensAt: new Date('2026-01-15T00:00:00Z') })
await seedBadgeOffer(db, cycle.id)

/** A school with a leader and a paid order in the cycle. */
async function paidSchool(options: { name?: string; discipline?: 'md' | 'dental'; state?: string } = {}) {
  const school = await seedSchool(db, { name: options.name, discipline: options.discipline ?? 'md' })
  if (options.state) await db.update(schools).set({ state: options.state }).where(eq(schools.id, school.id))
  const leader = await seedMember(db, school.id, 'leader')
  const order = await seedBadgeOrder(db, { cycleId: cycle.id, schoolId: school.id })
  return { school, leader, order }
}

async function issued(orderId: string) {
  const outcome = await issueBadgeForOrder(db, queue, issuer, orderId)
  if (!outcome.issued) throw new Error(`not issued: ${outcome.why}`)
  return outcome
}

const text = async (path: string, headers: Record<string, string> = {}) => (await app.request(path, { headers })).text()
const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ')
/** What a stranger's verifier may fetch: only the app's public, signed-out answers. */
const fetchPublicJson = async (url: string) => {
  if (!url.startsWith(`${TEST_ORIGIN}/`)) throw new Error(`not the app's: ${url}`)
  const res = await app.request(url.slice(TEST_ORIGIN.length))
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`)
  return (await res.json()) as object
}

describe('issuing', () => {
  test('the job run twice, and two runs at once, make one badge and one e-mail, with the order issued', async () => {
    const { school, leader, order } = await paidSchool({ name: `<b>O'Brien & "Partners"</b> College` })
    // Asked for twice (a repeated webhook), and run by hand twice at once besides the worker.
    await db.transaction((tx) => requestBadgeIssue({ db: tx, jobs: queue }, order.id))
    await db.transaction((tx) => requestBadgeIssue({ db: tx, jobs: queue }, order.id))
    await Promise.all([issueBadgeForOrder(db, queue, issuer, order.id), issueBadgeForOrder(db, queue, issuer, order.id)])
    const mail = await peer.waitFor(leader.email)
    const jobs = () => queue.boss.findJobs(JOB_NAMES.badgeIssue, { data: { orderId: order.id } })
    await expect.poll(async () => (await jobs()).map((j) => j.state), { timeout: 20_000 }).toEqual(expect.arrayContaining(['completed']))
    await expect.poll(async () => (await jobs()).every((j) => j.state === 'completed'), { timeout: 20_000 }).toBe(true)

    expect(await db.select().from(badges).where(eq(badges.orderId, order.id))).toHaveLength(1)
    expect((await db.select({ status: badgeOrders.status }).from(badgeOrders).where(eq(badgeOrders.id, order.id)))[0]!.status).toBe('issued')
    expect(await db.select().from(mailMessages).where(eq(mailMessages.toAddress, leader.email))).toHaveLength(1)
    expect(peer.received.filter((m) => m.subject?.includes('badge is ready') && JSON.stringify(m.to).includes(leader.email))).toHaveLength(1)
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'badge.issued'), eq(auditEvents.schoolId, school.id)))).toHaveLength(1)

    // The e-mail names the school safely and carries the page, the downloads and the embed code.
    const [badge] = await db.select().from(badges).where(eq(badges.orderId, order.id))
    expect(mail.subject).toBe('Your Social Mission Metrics badge is ready: 2026 national round')
    expect(mail.text).toContain(`${TEST_ORIGIN}/badges/verify/${badge!.publicId}`)
    expect(mail.text).toContain(`${TEST_ORIGIN}/badges/${badge!.publicId}.png`)
    expect(mail.text).toContain(`${TEST_ORIGIN}/badges/${badge!.publicId}/credential.json`)
    expect(mail.html).not.toContain('<b>O')
    expect(mail.html).toContain('&lt;b&gt;O')
    expect(badge!.publicId).toMatch(/^[A-Za-z0-9_-]{22,}$/)
  })

  test('an unpaid order is refused and gets no badge', async () => {
    const school = await seedSchool(db)
    const order = await seedBadgeOrder(db, { cycleId: cycle.id, schoolId: school.id, status: 'awaiting_payment' })
    expect(await issueBadgeForOrder(db, queue, issuer, order.id)).toEqual({ issued: false, why: 'not-payable' })
    expect(await db.select().from(badges).where(eq(badges.orderId, order.id))).toHaveLength(0)
  })

  test('each badge gets its own status bit', async () => {
    const a = await issued((await paidSchool()).order.id)
    const b = await issued((await paidSchool()).order.id)
    const rows = await db.select({ publicId: badges.publicId, index: badges.statusIndex }).from(badges)
    expect(new Set(rows.map((r) => r.index)).size).toBe(rows.length)
    expect(a.publicId).not.toBe(b.publicId)
  })
})

describe('issue all', () => {
  test('the console issues every paid or waived order of a cycle as one job with a progress bar', async () => {
    const round = await seedScoringCycle(db, { status: 'closed', title: 'Issue-all round', opensAt: new Date('2026-02-01T00:00:00Z') })
    await seedBadgeOffer(db, round.id)
    const leaders = []
    for (const status of ['paid', 'waived', 'paid', 'awaiting_payment'] as const) {
      const school = await seedSchool(db)
      leaders.push(await seedMember(db, school.id, 'leader'))
      await seedBadgeOrder(db, { cycleId: round.id, schoolId: school.id, status })
    }
    const listing = plain(await text('/admin/badges/issued', adminHeaders))
    expect(listing).toContain('Issue-all round: 3 paid or waived orders')
    const confirm = await text(`/admin/badges/cycles/${round.id}/issue-all`, adminHeaders)
    expect(confirm).toContain('Issue 3 badges')
    expect((await app.request(`/admin/badges/cycles/${round.id}/issue-all`, formPost({}, adminHeaders))).status).toBe(303)
    await expect.poll(async () => (await (await app.request(`/admin/cycles/${round.id}/progress/badges`, { headers: adminHeaders })).json() as { status: string; done: number }), { timeout: 30_000 })
      .toMatchObject({ status: 'done', done: 3 })
    expect(await db.select().from(badges).where(eq(badges.cycleId, round.id))).toHaveLength(3)
    for (const leader of leaders.slice(0, 3)) await peer.waitFor(leader.email)
    expect(plain(await text(`/admin/badges/cycles/${round.id}/issue-all`, adminHeaders))).toContain('3 badges issued')
    // Nothing left: the button is gone and a post is refused plainly.
    expect((await app.request(`/admin/badges/cycles/${round.id}/issue-all`, formPost({}, adminHeaders))).status).toBe(409)
  })
})

describe('the public verification page and files', () => {
  test('shows who holds the badge, for which cycle, its dates and status, and links the files', async () => {
    const { school, order } = await paidSchool({ name: 'Lakeside School of Medicine' })
    const { publicId } = await issued(order.id)
    const page = plain(await text(`/badges/verify/${publicId}`))
    expect(page).toContain('Held by Lakeside School of Medicine')
    expect(page).toContain('Cycle 2026 national round')
    expect(page).toMatch(/Status Valid/)
    expect(page).toContain('This badge is valid')

    const svg = await app.request(`/badges/${publicId}.svg`)
    expect(svg.headers.get('content-type')).toContain('image/svg+xml')
    expect(svg.headers.get('cache-control')).toContain('public')
    expect(await svg.text()).toContain(school.name)
    const png = await app.request(`/badges/${publicId}.png`)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG')
    const json = await app.request(`/badges/${publicId}/credential.json`)
    expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="smm-.*credential\.json"$/)
    const credential = (await json.json()) as { id: string; type: string[] }
    expect(credential.type).toContain('OpenBadgeCredential')
    expect(credential.id).toBe(`${TEST_ORIGIN}/badges/verify/${publicId}`)
  })

  test('an unknown or malformed id is a plain “No such badge” page with 404, for the page and the files', async () => {
    for (const path of ['/badges/verify/AAAAAAAAAAAAAAAAAAAAAA', '/badges/verify/not%20an%20id', '/badges/AAAAAAAAAAAAAAAAAAAAAA.png', '/badges/AAAAAAAAAAAAAAAAAAAAAA/credential.json']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(await res.text()).toContain('No such badge')
    }
  })

  test('the issuer profile resolves the key the credentials are signed with, and a stranger’s verifier accepts the credential', async () => {
    const { order } = await paidSchool()
    const { publicId } = await issued(order.id)
    const profile = (await fetchPublicJson(`${TEST_ORIGIN}/badges/issuer`)) as { id: string; verificationMethod: { id: string }[] }
    expect(profile.id).toBe(`${TEST_ORIGIN}/badges/issuer`)
    expect(profile.verificationMethod[0]!.id).toBe(issuer.signingKey.id)
    expect(JSON.stringify(profile)).not.toContain(issuer.signingKey.secretKeyMultibase)
    const credential = await fetchPublicJson(`${TEST_ORIGIN}/badges/${publicId}/credential.json`)
    expect(await verifyBadgeCredential(credential, fetchPublicJson)).toMatchObject({ verified: true, revoked: false })
  })
})

describe('revoking', () => {
  test('asks for a reason of 10 characters, then the page says revoked without the reason, the status bit is set and the directory drops it', async () => {
    const { school, order } = await paidSchool({ name: 'Revoked Valley College' })
    const { badgeId, publicId } = await issued(order.id)
    const before = (await fetchPublicJson(`${TEST_ORIGIN}/badges/status/1`)) as Record<string, unknown>
    const [row] = await db.select({ index: badges.statusIndex }).from(badges).where(eq(badges.id, badgeId))
    expect(statusBit(before, row!.index)).toBe(false)
    expect(plain(await text('/badges'))).toContain('Revoked Valley College')

    const confirm = await text(`/admin/badges/issued/${badgeId}/revoke`, adminHeaders)
    expect(confirm).toContain('Revoke the badge of Revoked Valley College')
    const short = await app.request(`/admin/badges/issued/${badgeId}/revoke`, formPost({ reason: 'too short' }, adminHeaders))
    expect(short.status).toBe(422)
    const shortPage = await short.text()
    expect(shortPage).toContain('at least 10 characters')
    expect(shortPage).toContain('too short')

    const reason = 'Duplicate order paid by mistake, refunded'
    const done = await app.request(`/admin/badges/issued/${badgeId}/revoke`, formPost({ reason }, adminHeaders))
    expect(done.status).toBe(303)

    const page = await text(`/badges/verify/${publicId}`)
    expect(plain(page)).toContain('This badge has been revoked')
    expect(page).not.toContain('Duplicate order')
    expect((await db.select({ status: badgeOrders.status }).from(badgeOrders).where(eq(badgeOrders.id, order.id)))[0]!.status).toBe('revoked')
    const after = (await fetchPublicJson(`${TEST_ORIGIN}/badges/status/1`)) as Record<string, unknown>
    expect(statusBit(after, row!.index)).toBe(true)
    expect(plain(await text('/badges'))).not.toContain('Revoked Valley College')
    // Still served, so a stranger can see for themselves that it is revoked.
    expect((await app.request(`/badges/${publicId}.svg`)).status).toBe(200)
    const credential = await fetchPublicJson(`${TEST_ORIGIN}/badges/${publicId}/credential.json`)
    expect(await verifyBadgeCredential(credential, fetchPublicJson)).toMatchObject({ verified: false, revoked: true })
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'badge.revoked'), eq(auditEvents.schoolId, school.id)))
    expect(audit[0]!.details).toMatchObject({ reason })
    // Twice is refused plainly.
    expect((await app.request(`/admin/badges/issued/${badgeId}/revoke`, formPost({ reason }, adminHeaders))).status).toBe(409)
  })

  test('only the program team may revoke', async () => {
    const { order, leader } = await paidSchool()
    const { badgeId } = await issued(order.id)
    const res = await app.request(`/admin/badges/issued/${badgeId}/revoke`, formPost({ reason: 'I do not want it any more' }, await signedIn(db, leader)))
    expect(res.status).toBe(403)
    expect((await db.select({ revokedAt: badges.revokedAt }).from(badges).where(eq(badges.id, badgeId)))[0]!.revokedAt).toBeNull()
  })
})

describe('expiry', () => {
  test('after validUntil the page says expired and the directory drops it; before validFrom it is not yet valid', async () => {
    const past = await seedScoringCycle(db, { status: 'closed', title: '2024 national round', opensAt: new Date('2024-01-15T00:00:00Z') })
    await seedBadgeOffer(db, past.id, { validFrom: new Date(Date.now() - 400 * DAY), validUntil: new Date(Date.now() - DAY) })
    const school = await seedSchool(db, { name: 'Expired Heights University' })
    const { publicId } = await issued((await seedBadgeOrder(db, { cycleId: past.id, schoolId: school.id })).id)
    expect(plain(await text(`/badges/verify/${publicId}`))).toContain('This badge has expired')
    expect(plain(await text('/badges'))).not.toContain('Expired Heights University')

    const { order } = await paidSchool()
    const current = await issued(order.id)
    const later = new Date(Date.now() + 400 * DAY)
    expect((await publicBadge(db, current.publicId, later))!.status).toBe('expired')
    expect((await publicBadge(db, current.publicId, new Date(Date.now() - 2 * DAY)))!.status).toBe('not-yet-valid')
  })
})

describe('reissuing the image after a rename', () => {
  test('keeps the public id and status bit, carries the new name and e-mails the leaders', async () => {
    const { school, leader, order } = await paidSchool({ name: 'Old Name College' })
    const { badgeId, publicId } = await issued(order.id)
    const [before] = await db.select().from(badges).where(eq(badges.id, badgeId))
    await db.update(schools).set({ name: 'New Name University' }).where(eq(schools.id, school.id))
    expect(await text(`/admin/badges/issued/${badgeId}/reissue`, adminHeaders)).toContain('New Name University')
    expect((await app.request(`/admin/badges/issued/${badgeId}/reissue`, formPost({}, adminHeaders))).status).toBe(303)

    const [after] = await db.select().from(badges).where(eq(badges.id, badgeId))
    expect(after!.publicId).toBe(publicId)
    expect(after!.statusIndex).toBe(before!.statusIndex)
    expect(after!.imageVersion).toBe(2)
    expect(after!.svg).toContain('New Name University')
    expect(JSON.stringify(after!.credential)).toContain('New Name University')
    expect(plain(await text(`/badges/verify/${publicId}`))).toContain('Held by New Name University')
    const mails = await db.select({ subject: mailMessages.subject }).from(mailMessages).where(eq(mailMessages.toAddress, leader.email))
    expect(mails.map((m) => m.subject)).toContain('Your badge has a new image: 2026 national round')
    const credential = await fetchPublicJson(`${TEST_ORIGIN}/badges/${publicId}/credential.json`)
    expect(await verifyBadgeCredential(credential, fetchPublicJson)).toMatchObject({ verified: true })
  })
})

describe('the directory', () => {
  test('filters by discipline, state and cycle year with a plain GET form', async () => {
    const dental = await paidSchool({ name: 'Filterable Dental School', discipline: 'dental', state: 'OR' })
    await issued(dental.order.id)
    const md = await paidSchool({ name: 'Filterable Medical School', discipline: 'md', state: 'VT' })
    await issued(md.order.id)
    const byDiscipline = plain(await text('/badges?discipline=dental'))
    expect(byDiscipline).toContain('Filterable Dental School')
    expect(byDiscipline).not.toContain('Filterable Medical School')
    const byState = plain(await text('/badges?state=VT'))
    expect(byState).toContain('Filterable Medical School')
    expect(byState).not.toContain('Filterable Dental School')
    expect(plain(await text('/badges?year=2026'))).toContain('Filterable Dental School')
    expect(plain(await text('/badges?year=2025'))).not.toContain('Filterable Dental School')
    // Nonsense in the query is ignored rather than an error.
    expect((await app.request('/badges?discipline=%3Cscript%3E&year=abc')).status).toBe(200)
    expect(await text('/badges')).toContain(`href="/badges/verify/`)
  })

  test('a leader opts out and back in from the school workspace; nobody else can', async () => {
    const { school, leader, order } = await paidSchool({ name: 'Shy Creek College' })
    await issued(order.id)
    const headers = await signedIn(db, leader)
    expect(await text(`/school/badges/${school.id}`, headers)).toContain('Stop listing our school in the directory')
    expect((await app.request(`/school/badges/${school.id}/listing`, formPost({ listed: 'no' }, headers))).status).toBe(303)
    expect(plain(await text('/badges'))).not.toContain('Shy Creek College')
    expect(await text(`/school/badges/${school.id}`, headers)).toContain('List our school in the directory')

    const coordinator = await signedIn(db, await seedMember(db, school.id, 'coordinator'))
    expect((await app.request(`/school/badges/${school.id}/listing`, formPost({ listed: 'yes' }, coordinator))).status).toBe(404)
    const other = await signedIn(db, (await paidSchool()).leader)
    expect((await app.request(`/school/badges/${school.id}`, { headers: other })).status).toBe(404)

    expect((await app.request(`/school/badges/${school.id}/listing`, formPost({ listed: 'yes' }, headers))).status).toBe(303)
    expect(plain(await text('/badges'))).toContain('Shy Creek College')
    const audit = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.schoolId, school.id))
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['badge.directory-unlisted', 'badge.directory-listed']))
  })

  test('Inaugural Supporters come from the admin flag, with year and note, and can be removed', async () => {
    const school = await seedSchool(db, { name: 'Early Friend School of Nursing' })
    const bad = await app.request('/admin/badges/supporters', formPost({ schoolId: school.id, year: '20x4', note: 'Hosted the 2019 pilot' }, adminHeaders))
    expect(bad.status).toBe(422)
    const badPage = await bad.text()
    expect(badPage).toContain('four digits')
    expect(badPage).toContain('Hosted the 2019 pilot')
    expect((await app.request('/admin/badges/supporters', formPost({ schoolId: school.id, year: '2019', note: 'Hosted the 2019 pilot' }, adminHeaders))).status).toBe(303)
    const directory = plain(await text('/badges'))
    expect(directory).toContain('Early Friend School of Nursing (IL), since 2019 : Hosted the 2019 pilot')
    expect(directory).toContain('We thank all schools with a badge')
    expect((await app.request(`/admin/badges/supporters/${school.id}/remove`, formPost({}, adminHeaders))).status).toBe(303)
    expect(plain(await text('/badges'))).not.toContain('Early Friend School of Nursing')
  })

  test('is linked from the badge page and the home page', async () => {
    expect(await text('/badge')).toContain('href="/badges"')
    expect(await text('/')).toContain('href="/badges"')
  })
})
