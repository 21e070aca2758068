import { sql } from 'drizzle-orm'
import { afterAll, expect, test } from 'vitest'
import { mailMessages } from '../../src/db/schema/operations'
import { startWorkers } from '../../src/jobs/workers'
import { createMailTransport, messageIdFor } from '../../src/mail/transport'
import { JOB_NAMES } from '../../src/services/jobs'
import { draftPaCycle } from '../support/admin-cycle-seed'
import { freePort } from '../support/free-port'
import { importShippedInstruments, seedUser, signedIn } from '../support/seed'
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer'
import { formPost, testApp } from '../support/test-app'

// Fault of a part (issue #20): the SMTP server is unreachable while a round's invitations and reminders go out.
const t = await testApp()
const { app, db, queue } = t
await importShippedInstruments(db)
const FROM = 'SMM <no-reply@smm.test>'
// Nothing listens on this port until the test starts the SMTP server there: every connection is refused.
const smtpPort = await freePort()
// Production waits about 1, 2, 4, 8 and 16 minutes between attempts (jobs/queue.ts); the outage here lasts
// seconds, so this file's queue waits 2 s. pg-boss copies a queue's retry options onto each job it creates.
await queue.boss.updateQueue(JOB_NAMES.sendMail, { retryDelay: 2, retryBackoff: false })
await startWorkers(queue, { db, transport: createMailTransport(`smtp://127.0.0.1:${smtpPort}`), mailFrom: FROM, pollSeconds: 0.5, baseUrl: 'http://localhost', jobs: queue })
await queue.boss.offWork(JOB_NAMES.cycleCalendar) // reminders are sent by the admin's button below
let peer: SmtpPeer | undefined
afterAll(() => peer?.close())

const stored = () =>
  db.select({ id: mailMessages.id, kind: mailMessages.kind, status: mailMessages.status, attempts: mailMessages.attempts, lastError: mailMessages.lastError }).from(mailMessages)

/** Delivery jobs not finished yet (waiting, retrying or running), read from pg-boss's own table. */
const unfinishedDeliveries = async () => {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = ${JOB_NAMES.sendMail} and state < 'completed'`)
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n
}

test('the SMTP server is down while invitations and reminders go out: they wait, admins see why, and each arrives once when it is back', async () => {
  const admin = await seedUser(db, { programRole: 'admin' })
  const headers = await signedIn(db, admin)
  const cycle = await draftPaCycle(t, headers)
  await app.request(`/admin/cycles/${cycle.id}/advance`, formPost({ to: 'open' }, headers)) // the worker sends the invitations
  await expect.poll(async () => (await stored()).filter((m) => m.kind === 'invitation').length, { timeout: 20_000 }).toBe(2)
  const reminders = await app.request(`/admin/cycles/${cycle.id}/reminders`, formPost({}, headers))
  expect(reminders.status).toBe(303)
  // A school that has not answered yet is reminded with its invitation once more: two more messages.
  await expect.poll(async () => (await stored()).length).toBe(4)

  // Meanwhile: every message has been tried and is still queued, with the connection error on it.
  await expect.poll(async () => (await stored()).every((m) => m.attempts >= 1), { timeout: 20_000 }).toBe(true)
  const during = await stored()
  expect(during.map((m) => m.status)).toEqual(during.map(() => 'queued'))
  for (const m of during) expect(m.lastError).toMatch(/ECONNREFUSED/)
  const home = await (await app.request('/admin', { headers })).text()
  expect(home).toContain(`${during.length} messages are not sent yet: the mail server did not take them, and`)
  const outbox = await (await app.request('/admin/mail?status=queued', { headers })).text()
  expect(outbox.match(/Not sent yet, retrying/g)).toHaveLength(during.length)
  expect(outbox).toContain('ECONNREFUSED')

  // The server comes back where the app expects it: the queue's next attempts deliver everything.
  peer = await startSmtpPeer({ port: smtpPort })
  await expect.poll(async () => (await stored()).every((m) => m.status === 'sent'), { timeout: 30_000 }).toBe(true)
  await expect.poll(unfinishedDeliveries, { timeout: 30_000 }).toBe(0)

  // Exactly once each: the peer holds one copy per stored message, under that message's own Message-ID.
  const sent = await stored()
  expect(peer.received.map((m) => m.messageId).sort()).toEqual(sent.map((m) => messageIdFor(m.id, FROM)).sort())
  const after = await (await app.request('/admin', { headers })).text()
  expect(after).not.toContain('not sent yet')
})
