import { and, eq, inArray } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { findCycle } from '../../src/db/queries/cycles'
import { auditEvents, mailMessages } from '../../src/db/schema/operations'
import { jobProgress } from '../../src/db/schema/job-progress'
import { responses } from '../../src/db/schema/responses'
import { normsSnapshots, reportReleases, responseScores } from '../../src/db/schema/scoring'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { JOB_NAMES } from '../../src/services/jobs'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { BUILD_REPORTS_KIND, buildCycleReports } from '../../src/services/reports/cycle-scoring'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import { seedMember, seedUser, signedIn } from '../support/seed'
import { formPost, testApp } from '../support/test-app'
import { answerAllRequired, seedWorkspace } from '../support/workspace-seed'

// Races (issue #20): the same action sent twice at the same moment, by two people or two browsers, has exactly one
// effect, and the second sender gets a readable answer, never a 5xx. Both requests go to the app together
// (Promise.all); on PostgreSQL they run in two transactions at once, on PGlite one after the other.

const { app, db, queue } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const instrument = await storedInstrument(db, 'smm-2024')
const firstAdmin = await signedIn(db, await seedUser(db, { programRole: 'admin' }))
const secondAdmin = await signedIn(db, await seedUser(db, { programRole: 'admin' }))

/** Both posts at once; their answers by status, lowest first, with the message each redirect carries and each page's words. */
async function together(path: string, fields: Record<string, string>, senders: Record<string, string>[]) {
  const answers = await Promise.all(senders.map(async (headers) => {
    const res = await app.request(path, formPost(fields, headers))
    const flash = res.headers.get('set-cookie')?.match(/smm_flash=([^;]+)/)?.[1]
    return {
      status: res.status,
      location: res.headers.get('location'),
      flash: flash ? (JSON.parse(decodeURIComponent(decodeURIComponent(flash))) as { message: string }).message : undefined, // set encoded, and the cookie encodes it again
      words: (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
    }
  }))
  return answers.sort((a, b) => a.status - b.status)
}

const auditRows = (action: string, subject: string) =>
  db.select({ id: auditEvents.id }).from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.subject, subject)))

/** Addresses that were sent this kind of message, one entry per message queued. */
const mailedTo = async (kind: string, addresses: string[]) =>
  (await db.select({ to: mailMessages.toAddress }).from(mailMessages).where(and(eq(mailMessages.kind, kind), inArray(mailMessages.toAddress, addresses))))
    .map((m) => m.to).sort()

/** A closed cycle with four md schools that submitted, each with a leader who reads its report. */
async function closedCycleWithLeaders() {
  const cycle = await seedScoringCycle(db, { status: 'closed', disciplines: ['md'] })
  const leaders: string[] = []
  for (const level of [0.2, 0.4, 0.6, 0.8]) {
    const school = await seedScoringSchool(db, { discipline: 'md' })
    await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: answersAtLevel(instrument, level) })
    leaders.push((await seedMember(db, school.id, 'leader')).email)
  }
  return { cycleId: cycle.id, leaders: leaders.sort() }
}

describe('the same action twice at once has one effect', () => {
  test('two of a school’s leaders submit the same response: one submission, one receipt each, one audit row; the other is told', async () => {
    const w = await seedWorkspace(db)
    await answerAllRequired(db, w.responseId, w.leader, w.school.id)
    const secondLeader = await seedMember(db, w.school.id, 'leader')
    const [done, refused] = await together(`/school/responses/${w.responseId}/submit`, { certifiedName: 'Dana Dean', certify: 'yes' }, [
      await signedIn(db, w.leader), await signedIn(db, secondLeader),
    ])
    expect(done).toMatchObject({ status: 303, location: `/school/responses/${w.responseId}/submitted` })
    expect(refused!.status).toBe(409)
    // Which words depends on whether it was refused while the first was committing or just after.
    expect(refused!.words).toMatch(/This response was already submitted\.|This response has been submitted and is locked\./)

    const [response] = await db.select({ status: responses.status }).from(responses).where(eq(responses.id, w.responseId))
    expect(response!.status).toBe('submitted')
    expect(await auditRows('response.submitted', w.responseId)).toHaveLength(1)
    const team = [w.leader, w.coordinator, w.contributor, secondLeader].map((u) => u.email).sort()
    expect(await mailedTo('response.receipt', team)).toEqual(team)
  })

  test('two admins close the same cycle: it closes once, with one audit row; the other is told it changed', async () => {
    const cycle = await seedScoringCycle(db, { status: 'open' })
    const [done, refused] = await together(`/admin/cycles/${cycle.id}/advance`, { to: 'closed' }, [firstAdmin, secondAdmin])
    expect(done!.status).toBe(303)
    expect(refused!.status).toBe(409)
    expect(refused!.words).toMatch(/Someone else changed this cycle just now|A closed cycle cannot become closed/) // during or after the first
    expect((await findCycle(db, cycle.id))?.status).toBe('closed')
    expect(await auditRows('cycle.closed', cycle.id)).toHaveLength(1)
  })

  test('two admins start scoring the same cycle: one job, one progress bar, one audit row; the other is told it is under way', async () => {
    const { cycleId } = await closedCycleWithLeaders()
    const [done, refused] = await together(`/admin/cycles/${cycleId}/advance`, { to: 'scored' }, [firstAdmin, secondAdmin])
    expect(done!.status).toBe(303)
    expect(refused!.status).toBe(409)
    expect(refused!.words).toContain('Scoring of this cycle is already under way')
    expect(await queue.boss.findJobs(JOB_NAMES.buildReports, { data: { cycleId } })).toHaveLength(1)
    const progress = await db.select().from(jobProgress).where(and(eq(jobProgress.kind, BUILD_REPORTS_KIND), eq(jobProgress.subject, cycleId)))
    expect(progress).toHaveLength(1)
    expect(await auditRows('cycle.scoring-started', cycleId)).toHaveLength(1)

    // The queue delivers a job at least once: the same job run twice at once still freezes one set of norms.
    await Promise.all([buildCycleReports(db, { cycleId, progressId: progress[0]!.id }), buildCycleReports(db, { cycleId, progressId: progress[0]!.id })])
    expect((await findCycle(db, cycleId))?.status).toBe('scored')
    expect(await db.select().from(normsSnapshots).where(eq(normsSnapshots.cycleId, cycleId))).toHaveLength(1)
    expect(await db.select().from(responseScores).where(eq(responseScores.cycleId, cycleId))).toHaveLength(4)
    expect(await auditRows('cycle.scored', cycleId)).toHaveLength(1)
  })

  test('two admins release the same cycle’s reports: one release and one e-mail per school, one audit row each; the other is told', async () => {
    const { cycleId, leaders } = await closedCycleWithLeaders()
    await scoreCycleThroughAdmin(app, db, firstAdmin, cycleId)
    const [first, second] = await together(`/admin/cycles/${cycleId}/reports/release`, {}, [firstAdmin, secondAdmin])
    expect([first!.status, second!.status]).toEqual([303, 303])
    const responseIds = (await db.select({ id: responses.id }).from(responses).where(eq(responses.cycleId, cycleId))).map((r) => r.id).sort()
    const releases = await db.select({ responseId: reportReleases.responseId }).from(reportReleases).where(eq(reportReleases.cycleId, cycleId))
    expect(releases.map((r) => r.responseId).sort()).toEqual(responseIds)
    expect(await mailedTo('report.released', leaders)).toEqual(leaders)
    const audited = await db.select({ subject: auditEvents.subject }).from(auditEvents)
      .where(and(eq(auditEvents.action, 'report.released'), inArray(auditEvents.subject, responseIds)))
    expect(audited.map((a) => a.subject).sort()).toEqual(responseIds)
    expect(await auditRows('cycle.released', cycleId)).toHaveLength(1)
    expect((await findCycle(db, cycleId))?.status).toBe('released')
    expect([first!.flash, second!.flash].sort()).toEqual([
      '4 reports released; the schools’ leaders are being e-mailed.',
      'No report was waiting to be released; nobody was e-mailed again.',
    ])
  })
})
