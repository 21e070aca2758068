import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { insertSchools } from '../../src/db/queries/schools'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { startWorkers } from '../../src/jobs/workers'
import { createMailTransport } from '../../src/mail/transport'
import { runCycleCalendar } from '../../src/services/cycles/cycle-calendar'
import { markParticipationProgress } from '../../src/services/cycles/participation-admin'
import { JOB_NAMES } from '../../src/services/jobs'
import { startSmtpPeer } from '../support/smtp-peer'
import { formPost, testApp } from '../support/test-app'
import { importShippedInstruments, seedUser, signedIn } from '../support/seed'

// A round that runs itself, against a real SMTP server: the invitations go out on the opening date, reminders on
// their days, and the cycle closes at its deadline while one school answers on inside its extension. The clock is
// the `now` given to the calendar job; nothing sleeps.

const { app, db, queue, config } = await testApp({ CONTACT_EMAIL: 'program@smm.test' })
await importShippedInstruments(db)
const peer = await startSmtpPeer()
const transport = createMailTransport(peer.url, { replyTo: config.mailReplyTo })
afterAll(async () => {
  transport.close()
  await peer.close()
})
await startWorkers(queue, { db, transport, mailFrom: 'SMM <no-reply@smm.test>', pollSeconds: 0.5, baseUrl: 'http://localhost', jobs: queue })
await queue.boss.offWork(JOB_NAMES.cycleCalendar) // the test is the clock

const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)
const adminActor = { kind: 'user' as const, userId: admin.id, email: admin.email, name: null, programRole: 'admin' as const, memberships: [] }
const DAY = 86_400_000
const HOUR = 3_600_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const tag = randomUUID().slice(0, 6)
const toOf = (m: (typeof peer.received)[number]) => (Array.isArray(m.to) ? m.to[0] : m.to)!.text
const tokenIn = (text: string) => text.match(/\/invitation\?token=([\w-]+)/)![1]!

describe('a round on its dates', () => {
  test('sends on the opening date, reminds on its days, closes at the deadline and keeps the extended school answering', async () => {
    const deans = ['dental', 'dental', 'dental', 'nursing-adn', 'nursing-adn', 'nursing-adn'].map((discipline, i) => ({
      discipline: discipline as 'dental' | 'nursing-adn', email: `dean-${i}-${tag}@school.test`,
    }))
    await insertSchools(db, deans.map((d, i) => ({
      name: `Round ${tag} School ${i}`, city: 'Springfield', state: i % 2 ? 'IL' : 'MO', discipline: d.discipline, control: 'public' as const,
      carnegieGroup: 'r2' as const, deanName: `Dean ${i}`, deanEmail: d.email,
    })))
    const opensAt = new Date(Date.now() + 2 * DAY)
    const deadlineOn = isoDay(new Date(opensAt.getTime() + 20 * DAY))
    const deadlineAt = new Date(`${deadlineOn}T23:59:59Z`)
    const body = new URLSearchParams({
      title: `Dated round ${tag}`, instrumentVersion: 'smm-2024', invite: 'all', samplePerDiscipline: '', sampleSeed: '',
      opensOn: isoDay(opensAt), deadlineOn, reminderDays: '7', closeAtDeadline: 'yes',
    })
    body.append('disciplines', 'dental')
    body.append('disciplines', 'nursing-adn')
    const created = await app.request('/admin/cycles/new', { ...formPost({}, headers), body })
    const cycleId = created.headers.get('location')!.split('/').pop()!
    expect((await app.request(`/admin/cycles/${cycleId}/calendar`, formPost({ openOnOpensAt: 'yes' }, headers))).status).toBe(303)

    // The opening date: every dean's invitation crosses SMTP, with the program's Reply-To.
    const opened = await runCycleCalendar(db, queue, 'http://localhost', new Date(`${isoDay(opensAt)}T01:00:00Z`))
    expect(opened.opened).toEqual([cycleId])
    const invitations = await Promise.all(deans.map((d) => peer.waitFor(d.email)))
    expect(invitations.every((m) => m.replyTo?.text === 'program@smm.test')).toBe(true)
    const tokenOf = (i: number) => tokenIn(invitations[i]!.text!)

    // Four accept, one declines, one says nothing; one of the four submits; another gets a five-day extension.
    for (const i of [0, 1, 3, 4]) expect((await app.request('/invitation/accept', formPost({ token: tokenOf(i) }))).status).toBe(303)
    expect((await app.request('/invitation/decline', formPost({ token: tokenOf(2) }))).status).toBe(200)
    const participations = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycleId))
    const pOf = (i: number) => participations.find((p) => p.inviteeEmail === deans[i]!.email)!
    await markParticipationProgress(db, adminActor, pOf(0).id, 'submitted')
    const extended = await app.request(`/admin/cycles/${cycleId}/schools/${pOf(4).id}/extension`, formPost({ until: isoDay(new Date(deadlineAt.getTime() + 5 * DAY)) }, headers))
    expect(extended.status).toBe(303)

    // Six days before the deadline the 7-day reminder reaches the silent school and the two answering on the
    // cycle's deadline; not the one that submitted, not the one that declined, not yet the extended one.
    const beforeReminders = peer.received.length
    await runCycleCalendar(db, queue, 'http://localhost', new Date(deadlineAt.getTime() - 6 * DAY))
    await expect.poll(() => peer.received.length - beforeReminders, { timeout: 15_000 }).toBe(3)
    expect(peer.received.slice(beforeReminders).map(toOf).sort()).toEqual([deans[1]!.email, deans[3]!.email, deans[5]!.email].sort())

    // An hour after the deadline the cycle closes by itself; the extended school, now seven days from its own
    // deadline, gets its reminder after the close.
    const beforeClose = peer.received.length
    const closing = await runCycleCalendar(db, queue, 'http://localhost', new Date(deadlineAt.getTime() + HOUR))
    expect(closing.closed).toEqual([cycleId])
    await expect.poll(() => peer.received.length - beforeClose, { timeout: 15_000 }).toBe(1)
    expect(toOf(peer.received.at(-1)!)).toBe(deans[4]!.email)

    // The cycle page counts it all and says who is still answering.
    const page = await (await app.request(`/admin/cycles/${cycleId}`, { headers })).text()
    expect(page).toContain('>Closed<')
    expect(page).toMatch(/<span class="figure">6<\/span> invited/)
    expect(page).toMatch(/<span class="figure">4<\/span> accepted/)
    expect(page).toMatch(/<span class="figure">1<\/span> declined/)
    expect(page).toMatch(/<span class="figure">1<\/span> submitted/)
    expect(page).toContain('1 school is still inside an extension. They can keep answering until their own deadline')
  })
})
