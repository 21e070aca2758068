import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { insertSchools } from '../../src/db/queries/schools'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { DISCIPLINE_LABELS, type Discipline } from '../../src/domain/school/school-facts'
import { startWorkers } from '../../src/jobs/workers'
import { createMailTransport } from '../../src/mail/transport'
import { runCycleCalendar } from '../../src/services/cycles/cycle-calendar'
import { recordCertifiedSubmission } from '../support/certified-submission'
import { JOB_NAMES } from '../../src/services/jobs'
import { startSmtpPeer } from '../support/smtp-peer'
import { formPost, testApp } from '../support/test-app'
import { importShippedInstruments, seedUser, signedIn } from '../support/seed'

// A national round as the 2019 design ran it, start to finish, against a real SMTP server: every MD, DO and dental
// school and a random sample of the nursing schools, invited on the opening date by the calendar job, reminded on
// their day, the cycle closing itself at the deadline while one school answers on inside its extension, then its
// participation published. The clock is the `now` given to the calendar job; nothing sleeps.

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
const DAY = 86_400_000
const HOUR = 3_600_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const tag = randomUUID().slice(0, 6)
const toOf = (m: (typeof peer.received)[number]) => (Array.isArray(m.to) ? m.to[0] : m.to)!.text
const tokenIn = (text: string) => text.match(/\/invitation\?token=([\w-]+)/)![1]!
const page = async (path: string) => (await app.request(path, { headers })).text()

/** The three counts of a row of a public participation table (invited, taking part, completed), as shown. */
function publicRow(html: string, label: string) {
  const escaped = label.replace(/[()]/g, '\\$&')
  const match = html.match(new RegExp(`<th scope="row">${escaped}</th><td[^>]*>([^<]+)</td><td[^>]*>([^<]+)</td><td[^>]*>([^<]+)</td>`))
  return match ? match.slice(1, 4) : null
}

// Every school in one state, so the by-state table has one row equal to the total.
const roster: { discipline: Discipline; count: number }[] = [
  { discipline: 'md', count: 5 }, { discipline: 'do', count: 5 }, { discipline: 'dental', count: 5 }, { discipline: 'nursing-bsn-msn', count: 12 },
]
const schools = await insertSchools(db, roster.flatMap(({ discipline, count }) => Array.from({ length: count }, (_, i) => ({
  name: `Round ${tag} ${discipline} ${i}`, city: 'Springfield', state: 'IL', discipline, control: 'public' as const,
  carnegieGroup: 'r2' as const, deanName: `Dean ${i}`, deanEmail: `dean-${discipline}-${i}-${tag}@school.test`,
}))))
const disciplineOf = new Map(schools.map((s) => [s.id, s.discipline]))

describe('a national round, start to finish', () => {
  test('per-discipline samples, a scheduled send, automatic reminders and close, an extension, and true counts everywhere', async () => {
    const opensAt = new Date(Date.now() + 2 * DAY)
    const deadlineOn = isoDay(new Date(opensAt.getTime() + 20 * DAY))
    const deadlineAt = new Date(`${deadlineOn}T23:59:59Z`)
    // All MD, DO and dental schools; 9 of the 12 nursing schools, drawn with a recorded seed.
    const body = new URLSearchParams({
      title: `National round ${tag}`, instrumentVersion: 'smm-2024', 'sample-nursing-bsn-msn': '9', sampleSeed: '2019',
      opensOn: isoDay(opensAt), deadlineOn, reminderDays: '7', closeAtDeadline: 'yes',
    })
    for (const { discipline } of roster) body.append('disciplines', discipline)
    const created = await app.request('/admin/cycles/new', { ...formPost({}, headers), body })
    expect(created.status).toBe(303)
    const cycleId = created.headers.get('location')!.split('/').pop()!

    // Before anything is sent, the preview counts each discipline: eligible and to be invited.
    const preview = await page(`/admin/cycles/${cycleId}/open`)
    for (const { discipline, count } of roster) {
      const invited = discipline === 'nursing-bsn-msn' ? 9 : count
      expect(preview).toMatch(new RegExp(`${DISCIPLINE_LABELS[discipline].replace(/[()]/g, '\\$&')}</th><td>[^<]+</td><td class="num">${count}</td><td class="num">${invited}</td>`))
    }
    expect(preview).toContain('Sample seed 2019')
    expect(peer.received).toHaveLength(0)

    // Scheduled: nothing goes out the day before the opening date; on it, every invitation crosses SMTP.
    expect((await app.request(`/admin/cycles/${cycleId}/calendar`, formPost({ openOnOpensAt: 'yes' }, headers))).status).toBe(303)
    expect((await runCycleCalendar(db, queue, 'http://localhost', new Date(opensAt.getTime() - DAY))).opened).toEqual([])
    expect((await runCycleCalendar(db, queue, 'http://localhost', new Date(`${isoDay(opensAt)}T01:00:00Z`))).opened).toEqual([cycleId])
    const participations = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycleId))
    expect(participations).toHaveLength(24)
    const ofDiscipline = (d: Discipline) => participations.filter((p) => disciplineOf.get(p.schoolId) === d)
    expect(ofDiscipline('nursing-bsn-msn')).toHaveLength(9)
    const invitations = await Promise.all(participations.map((p) => peer.waitFor(p.inviteeEmail!)))
    expect(peer.received).toHaveLength(24)
    expect(invitations.every((m) => m.replyTo?.text === 'program@smm.test')).toBe(true)
    const tokenOf = (participationId: string) => tokenIn(invitations[participations.findIndex((p) => p.id === participationId)]!.text!)
    const accept = async (id: string) => expect((await app.request('/invitation/accept', formPost({ token: tokenOf(id) }))).status).toBe(303)

    // Every MD, DO and dental school accepts and submits. Of the nine nursing schools six accept and five submit,
    // one declines, two say nothing; the sixth gets a five-day extension past the deadline.
    for (const d of ['md', 'do', 'dental'] as const) {
      for (const p of ofDiscipline(d)) {
        await accept(p.id)
        await recordCertifiedSubmission(db, p.id)
      }
    }
    const nursing = ofDiscipline('nursing-bsn-msn')
    const [extended, declining, ...rest] = nursing
    const submitting = rest.slice(0, 5)
    const silent = rest.slice(5)
    for (const p of [extended!, ...submitting]) await accept(p.id)
    for (const p of submitting) await recordCertifiedSubmission(db, p.id)
    expect((await app.request('/invitation/decline', formPost({ token: tokenOf(declining!.id) }))).status).toBe(200)
    const extension = await app.request(`/admin/cycles/${cycleId}/schools/${extended!.id}/extension`, formPost({ until: isoDay(new Date(deadlineAt.getTime() + 5 * DAY)) }, headers))
    expect(extension.status).toBe(303)

    // Six days before the deadline the 7-day reminder reaches the two silent schools only: not the schools that
    // submitted or declined, not yet the extended one (its own deadline is further off).
    const beforeReminders = peer.received.length
    await runCycleCalendar(db, queue, 'http://localhost', new Date(deadlineAt.getTime() - 6 * DAY))
    await expect.poll(() => peer.received.length - beforeReminders, { timeout: 15_000 }).toBe(2)
    expect(peer.received.slice(beforeReminders).map(toOf).sort()).toEqual(silent.map((p) => p.inviteeEmail!).sort())

    // An hour after the deadline the cycle closes by itself; the extended school, now within seven days of its own
    // deadline, gets its reminder after the close, and nobody else does.
    const beforeClose = peer.received.length
    const closing = await runCycleCalendar(db, queue, 'http://localhost', new Date(deadlineAt.getTime() + HOUR))
    expect(closing.closed).toEqual([cycleId])
    await expect.poll(() => peer.received.length - beforeClose, { timeout: 15_000 }).toBe(1)
    expect(toOf(peer.received.at(-1)!)).toBe(extended!.inviteeEmail)

    // The cycle page counts it all and says who is still answering.
    const dashboard = await page(`/admin/cycles/${cycleId}`)
    expect(dashboard).toContain('>Closed<')
    expect(dashboard).toMatch(/<span class="figure">24<\/span> invited/)
    expect(dashboard).toMatch(/<span class="figure">21<\/span> accepted/)
    expect(dashboard).toMatch(/<span class="figure">1<\/span> declined/)
    expect(dashboard).toMatch(/<span class="figure">20<\/span> submitted/)
    expect(dashboard).toContain('1 school is still inside an extension. They can keep answering until their own deadline')

    // Closing published nothing; publishing is a deliberate step, after which the public page shows the round.
    const publicTitle = `National round ${tag}`
    expect(await (await app.request('/participation')).text()).not.toContain(publicTitle)
    expect((await app.request(`/admin/cycles/${cycleId}/publication`, formPost({ publish: 'yes' }, headers))).status).toBe(303)
    const published = await (await app.request('/participation')).text()
    expect(published).toContain(publicTitle)
    expect(publicRow(published, DISCIPLINE_LABELS.md)).toEqual(['5', '5', '5'])
    expect(publicRow(published, DISCIPLINE_LABELS.do)).toEqual(['5', '5', '5'])
    expect(publicRow(published, DISCIPLINE_LABELS.dental)).toEqual(['5', '5', '5'])
    expect(publicRow(published, DISCIPLINE_LABELS['nursing-bsn-msn'])).toEqual(['9', '6', '5'])
    expect(publicRow(published, 'IL')).toEqual(['24', '21', '20'])
    for (const s of schools) expect(published).not.toContain(s.name)
  })
})
