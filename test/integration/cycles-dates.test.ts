import { randomUUID } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { latestProgress } from '../../src/db/queries/job-progress'
import { insertSchools } from '../../src/db/queries/schools'
import { cycleParticipations, cycles } from '../../src/db/schema/cycles'
import { auditEvents, mailMessages } from '../../src/db/schema/operations'
import { responseScores } from '../../src/db/schema/scoring'
import { startWorkers, CYCLE_CALENDAR_CRON } from '../../src/jobs/workers'
import { createMailTransport } from '../../src/mail/transport'
import { runCycleCalendar } from '../../src/services/cycles/cycle-calendar'
import { recordCertifiedSubmission } from '../support/certified-submission'
import { SEND_INVITATIONS_KIND, sendCycleInvitations } from '../../src/services/cycles/send-invitations'
import { JOB_NAMES } from '../../src/services/jobs'
import { BUILD_REPORTS_KIND, buildCycleReports, startCycleScoring } from '../../src/services/reports/cycle-scoring'
import { submitResponse } from '../../src/services/responses/response-submit'
import { openResponseOf } from '../../src/services/responses/school-workspace'
import { importShippedInstruments, seedMember, seedSchool, seedUser, signedIn } from '../support/seed'
import { formPost, testApp, TEST_ORIGIN } from '../support/test-app'
import { answerAllRequired, seedWorkspace } from '../support/workspace-seed'

const { app, db, queue } = await testApp()
await importShippedInstruments(db)
const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)
const adminActor = { kind: 'user' as const, userId: admin.id, email: admin.email, name: null, programRole: 'admin' as const, memberships: [] }
const BASE = 'http://localhost'
const DAY = 86_400_000
const HOUR = 3_600_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

async function seedSchools(count: number) {
  const tag = randomUUID().slice(0, 6)
  const rows = Array.from({ length: count }, (_, i) => ({
    name: `Dates ${tag} School ${i}`, city: 'Springfield', state: 'IL', discipline: 'pa' as const, control: 'public' as const,
    carnegieGroup: 'r2' as const, deanName: `Dean ${i}`, deanEmail: `dean-${i}-${tag}@school.test`,
  }))
  const inserted = await insertSchools(db, rows)
  return inserted.map((s, i) => ({ ...s, deanEmail: rows[i]!.deanEmail }))
}

/** A draft PA cycle made through the form; every PA school in the directory is eligible. */
async function draftCycle(fields: Record<string, string>) {
  const body = new URLSearchParams({
    title: `Dates round ${randomUUID().slice(0, 6)}`, instrumentVersion: 'smm-2024', sampleSeed: '',
    reminderDays: '14, 7', disciplines: 'pa', ...fields,
  })
  const res = await app.request('/admin/cycles/new', { ...formPost({}, headers), body })
  expect(res.status).toBe(303)
  return res.headers.get('location')!.split('/').pop()!
}

/** What the `cycle.send-invitations` job does, run here by hand so the test needs no worker. */
async function sendInvitationsOf(cycleId: string, now: Date) {
  const progress = (await latestProgress(db, SEND_INVITATIONS_KIND, cycleId))!
  await sendCycleInvitations(db, queue, BASE, { cycleId, progressId: progress.id }, () => now)
}

const mailsTo = async (addresses: string[]) =>
  db.select().from(mailMessages).where(inArray(mailMessages.toAddress, addresses)).orderBy(mailMessages.createdAt)

const statusOf = async (cycleId: string) => (await db.select({ status: cycles.status }).from(cycles).where(eq(cycles.id, cycleId)))[0]!.status

const calendarAudit = (cycleId: string, action: string) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.subject, cycleId), eq(auditEvents.action, action)))

describe('a scheduled send', () => {
  test('opens the cycle and sends the invitations on the opening date by itself, once, however often the job runs', async () => {
    const schools = await seedSchools(2)
    const opensAt = new Date(Date.now() + 3 * DAY)
    const cycleId = await draftCycle({ opensOn: isoDay(opensAt), deadlineOn: isoDay(new Date(opensAt.getTime() + 30 * DAY)) })
    const scheduled = await app.request(`/admin/cycles/${cycleId}/calendar`, formPost({ openOnOpensAt: 'yes' }, headers))
    expect(scheduled.status).toBe(303)
    const page = await (await app.request(`/admin/cycles/${cycleId}`, { headers })).text()
    expect(page).toContain('The invitations will be sent by themselves on')
    expect(page).toContain('Cancel the scheduled send')

    // The day before, nothing happens.
    expect((await runCycleCalendar(db, queue, BASE, new Date(opensAt.getTime() - DAY))).opened).toEqual([])
    expect(await statusOf(cycleId)).toBe('draft')

    // On the opening date the calendar opens it, as the system, and the invitations go out.
    const onTheDay = new Date(new Date(`${isoDay(opensAt)}T00:00:00Z`).getTime() + HOUR)
    expect((await runCycleCalendar(db, queue, BASE, onTheDay)).opened).toEqual([cycleId])
    expect(await statusOf(cycleId)).toBe('open')
    const [opened] = await calendarAudit(cycleId, 'cycle.open')
    expect(opened!.actorEmail).toBe('system:cycle-calendar')
    await sendInvitationsOf(cycleId, onTheDay)
    const deans = schools.map((s) => s.deanEmail!)
    expect((await mailsTo(deans)).map((m) => m.kind)).toEqual(['invitation', 'invitation'])

    // Running again (a second machine, a restart) sends nothing more.
    expect(await runCycleCalendar(db, queue, BASE, new Date(onTheDay.getTime() + HOUR))).toMatchObject({ opened: [], problems: [] })
    const participations = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycleId))
    expect(participations.filter((p) => schools.some((s) => s.id === p.schoolId))).toHaveLength(2)
    expect(await mailsTo(deans)).toHaveLength(2)
  })

  test('a cancelled schedule sends nothing; "send now" still opens at once', async () => {
    const cycleId = await draftCycle({ opensOn: isoDay(new Date()), deadlineOn: isoDay(new Date(Date.now() + 30 * DAY)) })
    await app.request(`/admin/cycles/${cycleId}/calendar`, formPost({ openOnOpensAt: 'yes' }, headers))
    await app.request(`/admin/cycles/${cycleId}/calendar`, formPost({ openOnOpensAt: 'no' }, headers))
    expect((await runCycleCalendar(db, queue, BASE, new Date(Date.now() + DAY))).opened).not.toContain(cycleId)
    expect(await statusOf(cycleId)).toBe('draft')
    expect((await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'open' }, headers))).status).toBe(303)
    expect(await statusOf(cycleId)).toBe('open')
  })
})

describe('reminders on the configured days', () => {
  test('go out by themselves as the clock moves, never to schools that submitted or declined, and leave the first link working', async () => {
    const schools = await seedSchools(4)
    const opensAt = new Date()
    const deadlineOn = isoDay(new Date(opensAt.getTime() + 20 * DAY))
    const deadlineAt = new Date(`${deadlineOn}T23:59:59Z`)
    const cycleId = await draftCycle({ opensOn: isoDay(opensAt), deadlineOn })
    await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'open' }, headers))
    await sendInvitationsOf(cycleId, opensAt)
    const deans = schools.map((s) => s.deanEmail!)
    const [silent, accepting, declining, submitting] = deans
    const linkOf = async (to: string) => (await mailsTo([to]))[0]!.textBody.match(/\/invitation\?token=([\w-]+)/)![1]!

    const ps = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycleId))
    const participationOf = (email: string) => ps.find((p) => p.inviteeEmail === email)!
    await app.request('/invitation/accept', formPost({ token: await linkOf(accepting!) }))
    await app.request('/invitation/decline', formPost({ token: await linkOf(declining!) }))
    await app.request('/invitation/accept', formPost({ token: await linkOf(submitting!) }))
    await recordCertifiedSubmission(db, participationOf(submitting!).id)
    const firstLink = await linkOf(silent!)

    // Every PA school in the directory is in this cycle; these four are the ones this test follows.
    const at = async (ms: number) => {
      const before = (await mailsTo(deans)).length
      await runCycleCalendar(db, queue, BASE, new Date(deadlineAt.getTime() - ms))
      return (await mailsTo(deans)).length - before
    }
    // Fifteen days before the deadline nothing is due.
    expect(await at(15 * DAY)).toBe(0)
    // Thirteen days before: the 14-day reminder, to the school that has not answered and the one that accepted.
    expect(await at(13 * DAY)).toBe(2)
    // The next hour's run sends nothing again.
    expect(await at(13 * DAY - HOUR)).toBe(0)
    // Six days before: the 7-day reminder.
    expect(await at(6 * DAY)).toBe(2)

    const kinds = async (to: string) => (await mailsTo([to])).map((m) => m.kind)
    expect(await kinds(silent!)).toEqual(['invitation', 'invitation', 'invitation'])
    expect(await kinds(accepting!)).toEqual(['invitation', 'reminder', 'reminder'])
    expect(await kinds(declining!)).toEqual(['invitation'])
    expect(await kinds(submitting!)).toEqual(['invitation'])

    // The link in the original invitation still works after two reminders.
    const page = await app.request(`/invitation?token=${firstLink}`)
    expect(page.status).toBe(200)
    expect((await app.request('/invitation/accept', formPost({ token: firstLink }))).status).toBe(303)
  })
})

describe('closing at the deadline', () => {
  test('closes by itself as the system; a school inside an extension keeps answering and is placed as late; others are locked', async () => {
    // Two schools in one open cycle whose deadline has just passed; one has an extension of five days.
    const w = await seedWorkspace(db, { discipline: 'md', deadlineInDays: -0.1 })
    await db.update(cycles).set({ closeAtDeadline: true }).where(eq(cycles.id, w.cycle.id))
    await db.update(cycleParticipations).set({ deadlineOverrideAt: new Date(Date.now() + 5 * DAY) }).where(eq(cycleParticipations.id, w.participation.id))
    const other = await seedSchool(db, { discipline: 'md' })
    const [otherP] = await db.insert(cycleParticipations).values({ cycleId: w.cycle.id, schoolId: other.id, status: 'accepted', source: 'all-eligible' }).returning()
    const otherLeader = await seedMember(db, other.id, 'leader')
    const otherActor = { kind: 'user' as const, userId: otherLeader.id, email: otherLeader.email, name: null, programRole: null, memberships: [{ schoolId: other.id, role: 'leader' as const }] }
    const otherResponse = await openResponseOf(db, otherActor, otherP!.id)

    const before = await (await app.request(`/admin/cycles/${w.cycle.id}`, { headers })).text()
    expect(before).toContain('1 school is still inside an extension. Closing the cycle does not stop them')

    const run = await runCycleCalendar(db, queue, BASE)
    expect(run.closed).toEqual([w.cycle.id])
    expect(await statusOf(w.cycle.id)).toBe('closed')
    const [closed] = await calendarAudit(w.cycle.id, 'cycle.closed')
    expect(closed!.actorEmail).toBe('system:cycle-calendar')
    expect(await (await app.request(`/admin/cycles/${w.cycle.id}`, { headers })).text()).toContain('1 school is still inside an extension. They can keep answering')

    // The extended school saves; the other is told the deadline has passed.
    const save = (h: Record<string, string>, responseId: string) => app.request(`/school/responses/${responseId}/answers`, {
      method: 'POST', headers: { ...h, 'Content-Type': 'application/json', Origin: TEST_ORIGIN },
      body: JSON.stringify({ itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 }),
    })
    expect((await save(await signedIn(db, w.leader), w.responseId)).status).toBe(200)
    const refused = await save(await signedIn(db, otherLeader), otherResponse)
    expect(refused.status).toBe(403)
    expect((await refused.json()).message).toContain('The deadline has passed')

    // The cycle is scored meanwhile; the extended school then submits and is placed against the frozen norms, late.
    await startCycleScoring(db, queue, adminActor, w.cycle.id)
    await buildCycleReports(db, { cycleId: w.cycle.id, progressId: (await latestProgress(db, BUILD_REPORTS_KIND, w.cycle.id))!.id })
    expect(await statusOf(w.cycle.id)).toBe('scored')
    // The extended school is still asked to answer on My school; the school without an extension is told it closed.
    const extended = await (await app.request('/school', { headers: await signedIn(db, w.leader) })).text()
    expect(extended).toContain(w.cycle.title)
    expect(extended).not.toContain('This cycle closed before your school submitted its answers.')
    const locked = await (await app.request('/school', { headers: await signedIn(db, otherLeader) })).text()
    expect(locked).toContain('This cycle closed before your school submitted its answers.')
    await answerAllRequired(db, w.responseId, w.leader, w.school.id)
    const leaderActor = { kind: 'user' as const, userId: w.leader.id, email: w.leader.email, name: null, programRole: null, memberships: [{ schoolId: w.school.id, role: 'leader' as const }] }
    expect(await submitResponse({ db, jobs: queue, baseUrl: BASE, actor: leaderActor, ip: null }, w.responseId, { certifiedName: 'Dean Extended', certify: true })).toEqual({ ok: true })
    const [score] = await db.select().from(responseScores).where(eq(responseScores.responseId, w.responseId))
    expect(score).toMatchObject({ late: true })
    expect(score!.snapshotId).not.toBeNull()
  })
})

describe('the calendar job', () => {
  test('is scheduled hourly when the workers start, and a run through the queue opens a cycle whose date has come', async () => {
    await startWorkers(queue, { db, transport: createMailTransport(undefined), mailFrom: 'SMM <no-reply@smm.test>', pollSeconds: 0.5, baseUrl: BASE, jobs: queue })
    const schedules = await queue.boss.getSchedules(JOB_NAMES.cycleCalendar)
    expect(schedules.map((s) => s.cron)).toEqual([CYCLE_CALENDAR_CRON])

    await seedSchools(1)
    const cycleId = await draftCycle({ opensOn: isoDay(new Date()), deadlineOn: isoDay(new Date(Date.now() + 30 * DAY)) })
    await app.request(`/admin/cycles/${cycleId}/calendar`, formPost({ openOnOpensAt: 'yes' }, headers))
    await queue.boss.send(JOB_NAMES.cycleCalendar, {})
    await expect.poll(() => statusOf(cycleId), { timeout: 15_000 }).toBe('open')
    await expect.poll(async () => (await latestProgress(db, SEND_INVITATIONS_KIND, cycleId))?.status, { timeout: 15_000 }).toBe('done')
  })
})
