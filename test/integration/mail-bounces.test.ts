import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { insertSchools } from '../../src/db/queries/schools'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { mailMessages } from '../../src/db/schema/operations'
import { startWorkers } from '../../src/jobs/workers'
import { createMailTransport } from '../../src/mail/transport'
import { JOB_NAMES } from '../../src/services/jobs'
import { startSmtpPeer } from '../support/smtp-peer'
import { formPost, testApp } from '../support/test-app'
import { importShippedInstruments, seedUser, signedIn } from '../support/seed'

const tag = randomUUID().slice(0, 6)
const good = `dean-good-${tag}@school.test`
const unknown = `dean-gone-${tag}@school.test`
const corrected = `dean-new-${tag}@school.test`

// The program's contact address is the Reply-To unless MAIL_REPLY_TO names another.
const { app, db, queue, config } = await testApp({ CONTACT_EMAIL: 'team@smm.test', MAIL_REPLY_TO: 'replies@smm.test' })
await importShippedInstruments(db)
const peer = await startSmtpPeer({ refuse: { [unknown]: '550 5.1.1 No such user here' } })
const transport = createMailTransport(peer.url, { replyTo: config.mailReplyTo })
afterAll(async () => {
  transport.close()
  await peer.close()
})
await startWorkers(queue, { db, transport, mailFrom: 'SMM <no-reply@smm.test>', pollSeconds: 0.5, baseUrl: 'http://localhost', jobs: queue })
await queue.boss.offWork(JOB_NAMES.cycleCalendar)

const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)
const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const mailTo = async (to: string) => (await db.select().from(mailMessages).where(eq(mailMessages.toAddress, to)))[0]

describe('an invitation the receiving server refuses', () => {
  test('is marked undeliverable with the server’s reason, is not retried, and the team corrects the address and resends', async () => {
    await insertSchools(db, [good, unknown].map((deanEmail, i) => ({
      name: `Bounce ${tag} School ${i}`, city: 'Springfield', state: 'IL', discipline: 'dental' as const, control: 'public' as const,
      carnegieGroup: 'r2' as const, deanName: `Dean ${i}`, deanEmail,
    })))
    const body = new URLSearchParams({
      title: 'Bounce round', instrumentVersion: 'smm-2024', sampleSeed: '', disciplines: 'dental',
      opensOn: isoDay(new Date()), deadlineOn: isoDay(new Date(Date.now() + 30 * 86_400_000)), reminderDays: '7',
    })
    const created = await app.request('/admin/cycles/new', { ...formPost({}, headers), body })
    const cycleId = created.headers.get('location')!.split('/').pop()!
    expect((await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'open' }, headers))).status).toBe(303)

    // The good address receives its invitation, with the program's Reply-To.
    const arrived = await peer.waitFor(good)
    expect(arrived.replyTo?.text).toBe('replies@smm.test')

    // The refused one fails at once with the server's words, after one attempt.
    await expect.poll(async () => (await mailTo(unknown))?.status, { timeout: 15_000 }).toBe('failed')
    const refused = (await mailTo(unknown))!
    expect(refused.attempts).toBe(1)
    expect(refused.rejectedAt).not.toBeNull()
    expect(refused.lastError).toContain('550 5.1.1 No such user here')

    // The cycle page says so beside the school and offers the fix.
    const page = await (await app.request(`/admin/cycles/${cycleId}`, { headers })).text()
    expect(page).toContain('undeliverable')
    expect(page).toContain('550 5.1.1 No such user here')
    expect(page).toContain('Correct the address and resend')

    const [participation] = await db.select().from(cycleParticipations).where(eq(cycleParticipations.inviteeEmail, unknown))
    const schoolPage = await (await app.request(`/admin/cycles/${cycleId}/schools/${participation!.id}`, { headers })).text()
    expect(schoolPage).toContain('The invitation could not be delivered: the receiving server answered “550 5.1.1 No such user here”')
    const fixed = await app.request(`/admin/cycles/${cycleId}/schools/${participation!.id}/addressee`, formPost({ email: corrected, name: 'New Dean' }, headers))
    expect(fixed.status).toBe(303)
    const resent = await peer.waitFor(corrected)
    expect(resent.subject).toMatch(/^Invitation: Bounce round/)
    await expect.poll(async () => (await (await app.request(`/admin/cycles/${cycleId}`, { headers })).text()).includes('undeliverable'), { timeout: 15_000 }).toBe(false)
  })
})
