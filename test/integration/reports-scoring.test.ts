import { and, eq } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, test } from 'vitest'
import { findCycle } from '../../src/db/queries/cycles'
import { latestProgress, startProgress } from '../../src/db/queries/job-progress'
import { answersOfResponses } from '../../src/db/queries/scoring'
import { insertResource } from '../../src/db/queries/resources'
import { auditEvents, mailMessages } from '../../src/db/schema/operations'
import { responses } from '../../src/db/schema/responses'
import { schools } from '../../src/db/schema/schools'
import { normsSnapshots, responseScores } from '../../src/db/schema/scoring'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { scoreResponse } from '../../src/domain/scoring/response-score'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { BUILD_REPORTS_KIND, buildCycleReports } from '../../src/services/reports/cycle-scoring'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import { seedMember, seedUser, signedIn } from '../support/seed'
import { formPost, testApp } from '../support/test-app'
import { answerAllRequired } from '../support/workspace-seed'

const { app, db } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const instrument = await storedInstrument(db, 'smm-2024')
const admin = await seedUser(db, { programRole: 'admin' })
const adminHeaders = await signedIn(db, admin)

/** A closed cycle with six MD schools (levels rising, two tied) and three dental ones, scored by the real job. */
async function scoredCycle(opensAt = new Date('2026-01-15T00:00:00Z')) {
  const cycle = await seedScoringCycle(db, { status: 'closed', opensAt })
  const md = []
  for (const level of [0.2, 0.4, 0.4, 0.6, 0.8, 1]) {
    const school = await seedScoringSchool(db, { discipline: 'md' })
    md.push({ school, response: await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: answersAtLevel(instrument, level) }) })
  }
  const dental = await seedScoringSchool(db, { discipline: 'dental' })
  const dentalResponse = await seedSubmittedResponse(db, { schoolId: dental.id, cycleId: cycle.id, answers: answersAtLevel(instrument, 0.5) })
  for (const level of [0.3, 0.7]) {
    const other = await seedScoringSchool(db, { discipline: 'dental' })
    await seedSubmittedResponse(db, { schoolId: other.id, cycleId: cycle.id, answers: answersAtLevel(instrument, level) })
  }
  const progress = await scoreCycleThroughAdmin(app, db, adminHeaders, cycle.id)
  expect(progress).toMatchObject({ total: 9, done: 0, status: 'running' }) // as the admin's button left it
  return { cycle, md, dental: { school: dental, response: dentalResponse } }
}

const { cycle, md, dental } = await scoredCycle()
const top = md[5]!
const topLeader = await seedMember(db, top.school.id, 'leader')
const topHeaders = await signedIn(db, topLeader)

describe('closing a cycle scores every submitted response and freezes the norms', () => {
  test('the job scored all nine, finished its progress bar, froze one snapshot and moved the cycle to scored', async () => {
    expect((await findCycle(db, cycle.id))?.status).toBe('scored')
    expect(await latestProgress(db, BUILD_REPORTS_KIND, cycle.id)).toMatchObject({ total: 9, done: 9, status: 'done' })
    const scores = await db.select().from(responseScores).where(eq(responseScores.cycleId, cycle.id))
    expect(scores).toHaveLength(9)
    const snapshots = await db.select().from(normsSnapshots).where(eq(normsSnapshots.cycleId, cycle.id))
    expect(snapshots).toHaveLength(1)
    expect(snapshots[0]!.members).toHaveLength(9)
    expect(scores.every((s) => s.snapshotId === snapshots[0]!.id && !s.late)).toBe(true)
  })
  test('a school answering at a higher level scores higher overall', async () => {
    const overall = async (responseId: string) => (await db.select().from(responseScores).where(eq(responseScores.responseId, responseId)))[0]!.overall!
    expect(await overall(md[0]!.response.id)).toBeLessThan(await overall(md[3]!.response.id))
    expect(await overall(md[3]!.response.id)).toBeLessThan(await overall(top.response.id))
    expect(await overall(md[1]!.response.id)).toBe(await overall(md[2]!.response.id))
  })
})

describe('release and who can read a report', () => {
  test('before release a leader gets 404; the program team can already look', async () => {
    expect((await app.request(`/school/reports/${top.response.id}`, { headers: topHeaders })).status).toBe(404)
    expect((await app.request(`/school/reports/${top.response.id}`, { headers: adminHeaders })).status).toBe(200)
  })
  test('releasing all reports moves the cycle to released and e-mails each school’s leaders once', async () => {
    const res = await app.request(`/admin/cycles/${cycle.id}/reports/release`, formPost({}, adminHeaders))
    expect(res.status).toBe(303)
    expect((await findCycle(db, cycle.id))?.status).toBe('released')
    const mails = await db.select().from(mailMessages).where(and(eq(mailMessages.toAddress, topLeader.email), eq(mailMessages.kind, 'report.released')))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.textBody).toContain(`/school/reports/${top.response.id}`)
    await app.request(`/admin/cycles/${cycle.id}/reports/release`, formPost({}, adminHeaders))
    expect(await db.select().from(mailMessages).where(eq(mailMessages.toAddress, topLeader.email))).toHaveLength(1)
  })
  test('the leader reads the report: quartiles vs all and discipline, stars per area, instrument and snapshot date', async () => {
    const res = await app.request(`/school/reports/${top.response.id}`, { headers: topHeaders })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Top quartile')
    expect(html).toContain('Instrument smm-2024')
    expect(html).toMatch(/norms snapshot of \d{4}-\d{2}-\d{2}/)
    expect(html).toContain('Strongest areas')
    expect(html).toContain('Weakest areas')
    expect(html).toContain('<svg role="img"')
    expect(res.headers.get('cache-control')).toContain('no-store')
    const views = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'report.viewed'), eq(auditEvents.subject, top.response.id)))
    expect(views.some((v) => v.actorUserId === topLeader.id)).toBe(true)
  })
  test('the weakest areas link the resources the program team wrote for them', async () => {
    const weakest = (await db.select().from(responseScores).where(eq(responseScores.responseId, top.response.id)))[0]!.areas
    const [areaId] = Object.entries(weakest).sort(([, a], [, b]) => (a ?? 0) - (b ?? 0))[0]!
    const slug = `resource-${top.response.id.slice(0, 8)}`
    await insertResource(db, { slug, kind: 'area-resource', areaId, title: 'How peers improved this area', summary: 'Ideas', body: 'Ideas' })
    const html = await (await app.request(`/school/reports/${top.response.id}`, { headers: topHeaders })).text()
    expect(html).toContain(`<a href="/toolkits/${slug}">How peers improved this area</a>`)
  })
  test('a dental school (3 in its discipline) reads "Not enough schools to compare", never a quartile vs its discipline', async () => {
    const leader = await seedMember(db, dental.school.id, 'leader')
    const html = await (await app.request(`/school/reports/${dental.response.id}`, { headers: await signedIn(db, leader) })).text()
    expect(html).toContain('Not enough schools to compare')
    expect(html).toMatch(/Not enough schools to compare<\/span> vs your discipline/)
    expect(html).toContain('Fewer than 5 schools of your discipline have a score')
  })
  test('a contributor of the school and a leader of another school get 404, and both attempts are audited', async () => {
    const contributor = await seedMember(db, top.school.id, 'contributor')
    const otherLeader = await seedMember(db, md[0]!.school.id, 'leader')
    for (const user of [contributor, otherLeader]) {
      const headers = await signedIn(db, user)
      expect((await app.request(`/school/reports/${top.response.id}`, { headers })).status).toBe(404)
      expect((await app.request(`/school/reports/${top.response.id}.pdf`, { headers })).status).toBe(404)
      const denied = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'report.denied'), eq(auditEvents.actorUserId, user.id)))
      expect(denied).toHaveLength(2)
    }
  })
  test('a signed-out visitor is sent to sign in; a malformed id is a 404', async () => {
    const anonymous = await app.request(`/school/reports/${top.response.id}`)
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toContain('/sign-in')
    expect((await app.request('/school/reports/not-a-report', { headers: topHeaders })).status).toBe(404)
  })
  test('the PDF holds the same report, charts included, as text a program can extract', async () => {
    const res = await app.request(`/school/reports/${top.response.id}.pdf`, { headers: topHeaders })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const bytes = new Uint8Array(await res.arrayBuffer())
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true })
    expect(text).toContain(top.school.name)
    expect(text).toContain('Overall score')
    expect(text).toContain('Top quartile (4 of 4 stars)')
    expect(text).toContain('Instrument smm-2024')
    expect(text).toContain('Your score per area against similar schools')
  })
})

describe('late submissions and recomputed norms', () => {
  test('a school submitting after the freeze is placed against the frozen norms, which do not change', async () => {
    const late = await seedScoringSchool(db, { discipline: 'md' })
    const response = await seedSubmittedResponse(db, { schoolId: late.id, cycleId: cycle.id, answers: answersAtLevel(instrument, 0.6), submittedAt: new Date('2026-04-01T00:00:00Z') })
    const res = await app.request(`/admin/cycles/${cycle.id}/reports/release`, formPost({ schoolId: late.id }, adminHeaders))
    expect(res.status).toBe(303)
    const [score] = await db.select().from(responseScores).where(eq(responseScores.responseId, response.id))
    expect(score).toMatchObject({ late: true })
    expect((await db.select().from(normsSnapshots).where(eq(normsSnapshots.cycleId, cycle.id)))[0]!.members).toHaveLength(9)
    const leader = await seedMember(db, late.id, 'leader')
    expect(await (await app.request(`/school/reports/${response.id}`, { headers: await signedIn(db, leader) })).text()).toContain('submitted after the norms were frozen')
  })
  test('a response reopened after the freeze and submitted again is scored against the frozen norms at once', async () => {
    const { response: reopened, school } = md[1]!
    expect((await app.request(`/admin/responses/${reopened.id}/reopen`, formPost({ reason: 'The school found a counting error' }, adminHeaders))).status).toBe(303)
    // The program team enters the rest from the school's paper copy and submits it as a paper return, naming the
    // dean who signed it and the day (decision 123; the deadline has passed).
    const adminActor = { kind: 'user' as const, userId: admin.id, email: admin.email, name: null, programRole: 'admin' as const, memberships: [] }
    await answerAllRequired(db, reopened.id, admin, school.id, adminActor)
    const submitted = await app.request(`/school/responses/${reopened.id}/submit`, formPost({ certifiedName: 'Dr Pat Dean', certify: 'yes', paperSignedOn: '2026-01-15' }, adminHeaders))
    expect(submitted.status).toBe(303)
    const [score] = await db.select().from(responseScores).where(eq(responseScores.responseId, reopened.id))
    expect(score).toMatchObject({ late: true })
    expect((await db.select().from(normsSnapshots).where(eq(normsSnapshots.cycleId, cycle.id)))[0]!.members).toHaveLength(9)
  })
  test('recomputing needs a reason (422 beside the field), then makes a new snapshot with everyone, audited', async () => {
    const short = await app.request(`/admin/cycles/${cycle.id}/reports/recompute`, formPost({ reason: 'oops' }, adminHeaders))
    expect(short.status).toBe(422)
    expect(await short.text()).toContain('>oops</textarea>')
    const ok = await app.request(`/admin/cycles/${cycle.id}/reports/recompute`, formPost({ reason: 'A late school corrected its data' }, adminHeaders))
    expect(ok.status).toBe(303)
    const snapshots = await db.select().from(normsSnapshots).where(eq(normsSnapshots.cycleId, cycle.id))
    expect(snapshots).toHaveLength(2)
    expect(snapshots.find((s) => s.reason)?.members).toHaveLength(10)
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'norms.recomputed'), eq(auditEvents.subject, cycle.id)))
    expect(audit[0]?.details).toMatchObject({ reason: 'A late school corrected its data' })
  })
})

describe('action plan', () => {
  test('a target outside 0–100 comes back beside its field with what was typed; a good one is saved', async () => {
    const bad = await app.request(`/school/reports/${top.response.id}/plan`, formPost({ 'target-advocacy': '150', 'actions-advocacy': 'Fund it' }, topHeaders))
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('Enter a target score between 0 and 100')
    expect(html).toContain('value="150"')
    const good = await app.request(`/school/reports/${top.response.id}/plan`, formPost({ 'target-advocacy': '95', 'actions-advocacy': 'Fund the student-run clinic' }, topHeaders))
    expect(good.status).toBe(303)
  })
  test('a contributor cannot set the plan (404)', async () => {
    const contributor = await seedMember(db, top.school.id, 'contributor')
    expect((await app.request(`/school/reports/${top.response.id}/plan`, formPost({ 'target-advocacy': '10' }, await signedIn(db, contributor)))).status).toBe(404)
  })
})

describe('the scoring job stores a batch at a time', () => {
  const stored = async (cycleId: string) => db.select().from(responseScores).where(eq(responseScores.cycleId, cycleId))
  const expected = async (responseId: string) => {
    const [row] = await db.select({ discipline: schools.discipline }).from(responses).innerJoin(schools, eq(schools.id, responses.schoolId)).where(eq(responses.id, responseId))
    const answers = (await answersOfResponses(db, [responseId])).get(responseId)!
    const score = scoreResponse(instrument, row!.discipline, answers)
    return { areas: score.areas, domains: score.domains, overall: score.overall }
  }
  test('each stored score is exactly what scoreResponse gives for that response’s answers', async () => {
    for (const s of await stored(cycle.id)) expect({ areas: s.areas, domains: s.domains, overall: s.overall }).toEqual(await expected(s.responseId))
  })
  test('stale scores are replaced in one statement: each row gets its own response’s scores back, none mixed up', async () => {
    const fresh = await scoredCycle(new Date('2026-02-01T00:00:00Z'))
    const before = await stored(fresh.cycle.id)
    // Three scores left behind their submission (as after a reopen), with wrong numbers in them.
    const stale = before.slice(0, 3)
    for (const s of stale) {
      await db.update(responseScores).set({ submittedAt: new Date('2000-01-01T00:00:00Z'), overall: -1, areas: {}, domains: {} }).where(eq(responseScores.id, s.id))
    }
    const progressId = await startProgress(db, BUILD_REPORTS_KIND, fresh.cycle.id, stale.length)
    await buildCycleReports(db, { cycleId: fresh.cycle.id, progressId })
    expect(await latestProgress(db, BUILD_REPORTS_KIND, fresh.cycle.id)).toMatchObject({ total: 3, done: 3, status: 'done' })
    const after = new Map((await stored(fresh.cycle.id)).map((s) => [s.responseId, s]))
    expect(after.size).toBe(before.length)
    for (const s of before) {
      const now = after.get(s.responseId)!
      expect({ areas: now.areas, domains: now.domains, overall: now.overall }).toEqual(await expected(s.responseId))
      expect(now.id).toBe(s.id) // updated in place, not inserted again
      expect(now.submittedAt.getTime() > new Date('2000-01-01T00:00:00Z').getTime()).toBe(true)
    }
    for (const s of stale) expect(after.get(s.responseId)!.scoredAt.getTime()).toBeGreaterThanOrEqual(s.scoredAt.getTime())
  })
})
