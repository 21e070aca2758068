import { and, eq } from 'drizzle-orm'
import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { auditEvents } from '../../src/db/schema/operations'
import { responseScores } from '../../src/db/schema/scoring'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import { seedMember, seedUser, signedIn } from '../support/seed'
import { formPost, testApp } from '../support/test-app'

// A released cycle scored by the old rule (overall = mean of the domain scores) is re-scored by the program team:
// every report then shows the overall score INSTRUMENT.md defines (the mean of the area scores), the reports whose
// scores changed say so with the stated reason, and the audit log records who did it.

const { app, db } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const instrument = await storedInstrument(db, 'smm-2024')
const admin = await seedUser(db, { programRole: 'admin' })
const adminHeaders = await signedIn(db, admin)

const cycle = await seedScoringCycle(db, { status: 'closed', disciplines: ['md'] })
const schools: { school: { id: string; name: string }; response: { id: string } }[] = []
for (const level of [0.2, 0.35, 0.5, 0.65, 0.8, 0.9]) {
  const school = await seedScoringSchool(db, { discipline: 'md' })
  schools.push({ school, response: await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: answersAtLevel(instrument, level) }) })
}
await scoreCycleThroughAdmin(app, db, adminHeaders, cycle.id)
expect((await app.request(`/admin/cycles/${cycle.id}/reports/release`, formPost({}, adminHeaders))).status).toBe(303)

const mean = (values: readonly (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null)
  return present.reduce((sum, v) => sum + v, 0) / present.length
}
const stored = async (responseId: string) => (await db.select().from(responseScores).where(eq(responseScores.responseId, responseId)))[0]!

// What the scores stored before the fix looked like: the overall score as the mean of the domain scores. The last
// school is left as scored today, so it stands for a report the re-score does not change.
const oldOverall = new Map<string, number>()
for (const { response } of schools.slice(0, -1)) {
  const score = await stored(response.id)
  const domainMean = mean(Object.values(score.domains))
  oldOverall.set(response.id, domainMean)
  await db.update(responseScores).set({ overall: domainMean }).where(eq(responseScores.responseId, response.id))
}
const [changedSchool, unchangedSchool] = [schools[1]!, schools.at(-1)!]
const leaderHeaders = await signedIn(db, await seedMember(db, changedSchool.school.id, 'leader'))
const unchangedLeaderHeaders = await signedIn(db, await seedMember(db, unchangedSchool.school.id, 'leader'))
const reportOf = async (responseId: string, headers: Record<string, string>) => {
  const res = await app.request(`/school/reports/${responseId}`, { headers })
  expect(res.status).toBe(200)
  return res.text()
}

describe('re-scoring a released cycle', () => {
  test('the stored overall score was the mean of the domains, which differs from the mean of the areas', async () => {
    const score = await stored(changedSchool.response.id)
    expect(score.overall).toBeCloseTo(oldOverall.get(changedSchool.response.id)!, 10)
    expect(Math.abs(mean(Object.values(score.areas)) - score.overall!)).toBeGreaterThan(0.05)
    expect(await reportOf(changedSchool.response.id, leaderHeaders)).not.toContain('recalculated')
  })

  test('needs a reason: a short one comes back beside the field with what was typed, and nothing is re-scored', async () => {
    const res = await app.request(`/admin/cycles/${cycle.id}/reports/recompute`, formPost({ reason: 'fix' }, adminHeaders))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('>fix</textarea>')
    expect(html).toContain('Say why the cycle is re-scored')
    expect((await stored(changedSchool.response.id)).overall).toBeCloseTo(oldOverall.get(changedSchool.response.id)!, 10)
  })

  test('every overall score becomes the mean of the areas; the changed reports say so, the unchanged one does not', async () => {
    const reason = 'The overall score is now the mean of the area scores, as the method says.'
    const res = await app.request(`/admin/cycles/${cycle.id}/reports/recompute`, formPost({ reason }, adminHeaders))
    expect(res.status).toBe(303)
    const flashCookie = res.headers.get('set-cookie')!.split(';')[0]
    const next = await app.request(res.headers.get('location')!, { headers: { ...adminHeaders, cookie: `${adminHeaders.cookie}; ${flashCookie}` } })
    expect(await next.text()).toContain('Reports whose scores changed: 5')

    for (const { response } of schools) {
      const score = await stored(response.id)
      expect(score.overall).toBeCloseTo(mean(Object.values(score.areas)), 10)
    }
    const changed = await reportOf(changedSchool.response.id, leaderHeaders)
    const now = (await stored(changedSchool.response.id)).overall!
    expect(changed).toContain('These results were recalculated on')
    expect(changed).toContain('The overall score is now the mean of the area scores, as the method says.')
    expect(changed).toContain(`Your overall score was ${oldOverall.get(changedSchool.response.id)!.toFixed(1)} and is now ${now.toFixed(1)}`)
    expect(changed).toContain(`<strong>${now.toFixed(1)}</strong> of 100`)
    expect(await reportOf(unchangedSchool.response.id, unchangedLeaderHeaders)).not.toContain('recalculated')
  })

  test('the PDF carries the same notice', async () => {
    const res = await app.request(`/school/reports/${changedSchool.response.id}.pdf`, { headers: leaderHeaders })
    expect(res.status).toBe(200)
    const { extractText, getDocumentProxy } = await import('unpdf')
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true })
    expect(text).toContain('These results were recalculated on')
  })

  test('the audit log records who re-scored, why, and how many reports changed', async () => {
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'norms.recomputed'), eq(auditEvents.subject, cycle.id)))
    expect(event).toMatchObject({ actorUserId: admin.id })
    expect(event!.details).toMatchObject({ reason: 'The overall score is now the mean of the area scores, as the method says.', responses: 6, changedReports: 5 })
  })
})

describe('the program team exports the scores of a cycle', () => {
  test('one row per school with every score and the placements its report shows; audited; no school may download it', async () => {
    const res = await app.request(`/admin/cycles/${cycle.id}/reports/scores.csv`, { headers: adminHeaders })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(6)
    const areaIds = instrument.domains.flatMap((d) => d.areas.map((a) => a.id))
    for (const id of ['overall', ...instrument.domains.map((d) => d.id), ...areaIds]) expect(Object.keys(rows[0]!)).toContain(`${id}_score`)
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['overall_pct_all', 'overall_stars_discipline', `${areaIds[0]}_stars_similar`]))
    const row = rows.find((r) => r['school_id'] === changedSchool.school.id)!
    const score = await stored(changedSchool.response.id)
    expect(row['school']).toBe(changedSchool.school.name)
    expect(row['overall_score']).toBe(score.overall!.toFixed(2))
    // Six schools, the second lowest: percentile rank 100 × (1 + ½) ÷ 6 = 25, the third quartile (two stars).
    expect(row['overall_pct_all']).toBe('25.00')
    expect(row['overall_stars_all']).toBe('2')
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'cycle.scores-exported'), eq(auditEvents.subject, cycle.id)))
    expect(event).toMatchObject({ actorUserId: admin.id, details: { rows: 6 } })
    const asLeader = await app.request(`/admin/cycles/${cycle.id}/reports/scores.csv`, { headers: leaderHeaders })
    expect([403, 404]).toContain(asLeader.status)
    expect(await asLeader.text()).not.toContain(changedSchool.school.name)
  })
})
