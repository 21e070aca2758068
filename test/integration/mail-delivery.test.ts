import { afterAll, describe, expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { mailMessages } from '../../src/db/schema/operations'
import { startWorkers } from '../../src/jobs/workers'
import { createMailTransport } from '../../src/mail/transport'
import { renderMail } from '../../src/mail/render'
import { deliverQueuedMail, queueMail } from '../../src/services/mail/outbox'
import { JOB_NAMES } from '../../src/services/jobs'
import { startSmtpPeer } from '../support/smtp-peer'
import { formPost, testApp } from '../support/test-app'
import { seedUser, signedIn } from '../support/seed'

const { app, db, queue } = await testApp()
const peer = await startSmtpPeer()
// A temporary refusal (4xx) is retried; a permanent one (5xx) is not: test/integration/mail-bounces.test.ts.
const busy = '450 Mailbox unavailable, try again later'
const refusingPeer = await startSmtpPeer({ refuse: { 'retry@example.test': busy, 'lost@example.test': busy } })
afterAll(async () => {
  await peer.close()
  await refusingPeer.close()
})

const content = (subject: string) => renderMail(subject, [{ paragraph: 'Hello' }], 'footer')
const statusOf = async (id: string) =>
  (await db.select({ status: mailMessages.status, attempts: mailMessages.attempts, lastError: mailMessages.lastError })
    .from(mailMessages).where(eq(mailMessages.id, id)))[0]!

describe('sending through the queue to a real SMTP server', () => {
  test('a sign-in request becomes an e-mail that arrives with a working link, and is marked sent', async () => {
    await startWorkers(queue, { db, transport: createMailTransport(peer.url), mailFrom: 'SMM <no-reply@smm.test>', pollSeconds: 0.5, baseUrl: 'http://localhost', jobs: queue })
    const user = await seedUser(db)
    await app.request('/sign-in', formPost({ email: user.email }))
    const mail = await peer.waitFor(user.email)
    expect(mail.subject).toBe('Your sign-in link for Social Mission Metrics')
    expect(mail.from?.text).toContain('no-reply@smm.test')
    const link = mail.text!.match(/http:\/\/localhost\/sign-in\/link\?token=[\w-]+/)![0]
    expect((await app.request(link.replace('http://localhost', ''))).status).toBe(200)
    await expect.poll(async () => (await db.select().from(mailMessages).where(eq(mailMessages.toAddress, user.email)))[0]?.status).toBe('sent')
    await queue.boss.offWork(JOB_NAMES.sendMail) // the tests below drive delivery by hand
  })
})

describe('a failing send', () => {
  const refusing = createMailTransport(refusingPeer.url)

  test('is recorded on the message and thrown, so the queue retries it', async () => {
    const id = await db.transaction((tx) => queueMail(tx, queue, 'test', 'retry@example.test', content('Retry me')))
    await expect(deliverQueuedMail(db, refusing, 'a@b.test', id, { attempt: 1, maxAttempts: 3 })).rejects.toThrow()
    expect(await statusOf(id)).toMatchObject({ status: 'queued', attempts: 1 })
    expect((await statusOf(id)).lastError).toMatch(/550|Mailbox unavailable/)
  })

  test('after the last attempt it is marked failed, shown to admins, and an admin can send it again', async () => {
    const id = await db.transaction((tx) => queueMail(tx, queue, 'test', 'lost@example.test', content('Never arrives')))
    await deliverQueuedMail(db, refusing, 'a@b.test', id, { attempt: 3, maxAttempts: 3 })
    expect((await statusOf(id)).status).toBe('failed')

    const admin = await seedUser(db, { programRole: 'admin' })
    const headers = await signedIn(db, admin)
    const home = await (await app.request('/admin', { headers })).text()
    expect(home).toMatch(/\d+ messages? could not be delivered/)
    const failedList = await (await app.request('/admin/mail?status=failed', { headers })).text()
    expect(failedList).toContain('lost@example.test')
    expect(failedList).toContain('Mailbox unavailable')

    const retry = await app.request(`/admin/mail/${id}/retry`, formPost({}, headers))
    expect(retry.status).toBe(303)
    expect((await statusOf(id)).status).toBe('queued')
  })

  test('a message already sent is not sent twice when its job runs again', async () => {
    const transport = createMailTransport(peer.url)
    const id = await db.transaction((tx) => queueMail(tx, queue, 'test', 'once@example.test', content('Only once')))
    await deliverQueuedMail(db, transport, 'a@b.test', id, { attempt: 1, maxAttempts: 3 })
    await deliverQueuedMail(db, transport, 'a@b.test', id, { attempt: 1, maxAttempts: 3 })
    await peer.waitFor('once@example.test')
    expect(peer.received.filter((m) => m.subject === 'Only once')).toHaveLength(1)
    transport.close()
  })
})

describe('the outbox never shows a personal link', () => {
  test('an admin reading a sign-in e-mail in the outbox sees the body withheld', async () => {
    const user = await seedUser(db)
    const id = await db.transaction((tx) => queueMail(tx, queue, 'sign-in', user.email, content('Link inside')))
    const admin = await seedUser(db, { programRole: 'admin' })
    const html = await (await app.request(`/admin/mail/${id}`, { headers: await signedIn(db, admin) })).text()
    expect(html).toContain('The body is withheld')
  })
})
