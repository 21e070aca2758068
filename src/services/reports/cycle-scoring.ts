import type { Db } from '../../db/client'
import { findCycle, findCycleForUpdate, moveCycleStatus } from '../../db/queries/cycles'
import { advanceProgress, finishProgress, latestProgress, startProgress } from '../../db/queries/job-progress'
import {
  answersOfResponses, attachToSnapshot, countSubmittedResponses, findResponseScore, insertScoreRevisions, insertSnapshot, latestSnapshot,
  normsMembers, responseForScoring, responsesToScore, storedScoresOfCycle, submittedResponses, upsertResponseScores,
} from '../../db/queries/scoring'
import { summarizeGroups } from '../../domain/benchmark/comparison-groups'
import { scoringUnderWay } from '../../domain/cycle/scoring-run'
import type { Instrument } from '../../domain/instrument/instrument-model'
import type { Actor } from '../../domain/policy/roles'
import { scoreResponse } from '../../domain/scoring/response-score'
import { changedScores } from '../../domain/scoring/score-changes'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import { JOB_NAMES, type JobQueue } from '../jobs'
import { storedInstrument } from '../instruments/instrument-content'
import { metricsOf } from './report-instruments'

export const BUILD_REPORTS_KIND = 'cycle.build-reports'
export const SCORING_BATCH = 50
const SCORING_JOB: Actor = { kind: 'system', label: 'scoring-job' }

type ScoringRow = NonNullable<Awaited<ReturnType<typeof responseForScoring>>>

/**
 * Scores submitted responses with the one pure function and stores the results: one read of all their answers and
 * one multi-row upsert for the lot (callers pass a batch): two statements per response kept the scoring job at
 * ~18× the time it takes to read the answers (docs/benchmarks.md, "scoring").
 */
async function scoreAndStore(db: Db, rows: readonly ScoringRow[], instrument: Instrument, placement: { snapshotId: string | null; late: boolean }) {
  if (rows.length === 0) return
  const answers = await answersOfResponses(db, rows.map((row) => row.responseId))
  await upsertResponseScores(db, rows.map((row) => {
    const score = scoreResponse(instrument, row.discipline, answers.get(row.responseId)!)
    return {
      responseId: row.responseId, cycleId: row.cycleId, schoolId: row.schoolId, instrumentVersion: row.instrumentVersion,
      areas: score.areas, domains: score.domains, overall: score.overall, submittedAt: row.submittedAt ?? new Date(0), ...placement,
    }
  }))
}

/** Scores the rows a batch at a time (bounded statements, however many there are). */
async function scoreAndStoreInBatches(db: Db, rows: readonly ScoringRow[], instrument: Instrument, placement: { snapshotId: string | null; late: boolean }) {
  for (let i = 0; i < rows.length; i += SCORING_BATCH) await scoreAndStore(db, rows.slice(i, i + SCORING_BATCH), instrument, placement)
}

/**
 * "Score and freeze norms": closed → (background job) → scored. Returns at once; the job reports its progress. The
 * cycle stays closed while the job runs, so the cycle's row lock and the run's progress keep a second start (two
 * admins at once, or a second click) from queuing a second job (decision 154).
 */
export async function startCycleScoring(db: Db, jobs: JobQueue, actor: Actor, cycleId: string, ip: string | null = null, now = new Date()) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'cycles.manage')
    const cycle = (await findCycleForUpdate(tx, cycleId)) ?? notFound('cycle')
    if (cycle.status !== 'closed') throw new AppError('cycle.not_closed', 'Only a closed cycle can be scored.', 409)
    if (scoringUnderWay(await latestProgress(tx, BUILD_REPORTS_KIND, cycleId), now)) {
      throw new AppError('cycle.scoring_under_way', 'Scoring of this cycle is already under way; its progress is on the reports page.', 409)
    }
    const total = await countSubmittedResponses(tx, cycleId)
    const progressId = await startProgress(tx, BUILD_REPORTS_KIND, cycleId, total)
    await jobs.send(tx, JOB_NAMES.buildReports, { cycleId, progressId })
    await recordAudit(tx, actor, 'cycle.scoring-started', { subject: cycleId, details: { responses: total } }, { ip })
    return { total }
  })
}

/** Freezes the cycle's norms from every scored response; the responses in it point at it. */
export async function freezeNorms(tx: Db, cycleId: string, instrument: Instrument, by: { reason: string | null; userId: string | null }) {
  const members = await normsMembers(tx, cycleId)
  const summaries = summarizeGroups(members, metricsOf(instrument))
  const snapshot = await insertSnapshot(tx, { cycleId, instrumentVersion: instrument.id, members, summaries, reason: by.reason, createdBy: by.userId })
  await attachToSnapshot(tx, members.map((m) => m.responseId), snapshot.id)
  return { ...snapshot, members: members.length }
}

/**
 * The background half: scores every submitted response a batch per short transaction (advancing the progress
 * bar), then freezes the norms and marks the cycle scored. Safe to run twice: scored responses are skipped, and a
 * cycle already scored is left alone.
 */
export async function buildCycleReports(db: Db, job: { cycleId: string; progressId: string }, now = () => new Date()) {
  try {
    const cycle = (await findCycle(db, job.cycleId)) ?? notFound('cycle')
    const instrument = await storedInstrument(db, cycle.instrumentVersion)
    // Walks the cycle by response id. Reaching the end, it looks once more from the start (for any response that
    // became due meanwhile) and stops only when a look from the start finds less than a batch, as it always has.
    let after: string | undefined
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const rows = await responsesToScore(tx, job.cycleId, SCORING_BATCH, after)
        await scoreAndStore(tx, rows, instrument, { snapshotId: null, late: false })
        if (rows.length > 0) await advanceProgress(tx, job.progressId, rows.length)
        return rows
      })
      if (batch.length === SCORING_BATCH) after = batch.at(-1)!.responseId
      else if (after === undefined) break
      else after = undefined
    }
    await db.transaction(async (tx) => {
      if (!(await moveCycleStatus(tx, job.cycleId, 'closed', 'scored'))) return
      const snapshot = await freezeNorms(tx, job.cycleId, instrument, { reason: null, userId: null })
      await recordAudit(tx, SCORING_JOB, 'cycle.scored', { subject: job.cycleId, details: { snapshotId: snapshot.id, responses: snapshot.members } })
    })
    await finishProgress(db, job.progressId, now())
  } catch (err) {
    await finishProgress(db, job.progressId, now(), err instanceof Error ? err.message : String(err))
    throw err
  }
}

/**
 * A response submitted (or resubmitted after a reopen) once the norms are frozen: scored and placed against the
 * frozen snapshot, never changing it. Does nothing before the cycle is scored or when the score is current.
 */
export async function scoreLateSubmission(tx: Db, responseId: string) {
  const row = await responseForScoring(tx, responseId)
  if (!row || !row.submittedAt) return
  const snapshot = await latestSnapshot(tx, row.cycleId)
  if (!snapshot) return
  const current = await findResponseScore(tx, responseId)
  if (current && current.submittedAt >= row.submittedAt) return
  await scoreAndStore(tx, [row], await storedInstrument(tx, row.instrumentVersion), { snapshotId: snapshot.id, late: true })
}

export type RecomputeOutcome = { ok: true; snapshotId: string; members: number; changed: number } | { ok: false; errors: { reason: string[] } }

/**
 * Re-scoring a scored or released cycle is explicit: an admin, a stated reason, an audit row. Every submitted
 * response is scored again by the one pure function (so reports follow the scoring rules as they are now, e.g. after
 * the overall score was made the mean of the areas), the norms are frozen anew with every response in them (late ones
 * join), and each response whose shown scores changed keeps a revision, so its report says what changed and why.
 */
export async function recomputeNorms(db: Db, actor: Actor, cycleId: string, reason: string, ip: string | null = null): Promise<RecomputeOutcome> {
  return db.transaction(async (tx) => {
    assertCan(actor, 'cycles.manage')
    // Locked: two re-scorings at once would each read the scores before the other's and record wrong revisions.
    const cycle = (await findCycleForUpdate(tx, cycleId)) ?? notFound('cycle')
    if (cycle.status !== 'scored' && cycle.status !== 'released') throw new AppError('cycle.not_scored', 'Norms exist only once a cycle is scored.', 409)
    // Some responses of an imported round have area scores and no answers: scoring them again would erase them.
    if (cycle.kind === 'historical') throw new AppError('cycle.imported', 'An imported round keeps the scores it was imported with; it cannot be re-scored.', 409)
    const why = reason.trim()
    if (why.length < 10) return { ok: false, errors: { reason: ['Say why the cycle is re-scored (at least 10 characters); it goes into the audit log and onto the changed reports.'] } }
    const instrument = await storedInstrument(tx, cycle.instrumentVersion)
    const before = await storedScoresOfCycle(tx, cycleId)
    await scoreAndStoreInBatches(tx, await submittedResponses(tx, cycleId), instrument, { snapshotId: null, late: false })
    const previous = await latestSnapshot(tx, cycleId)
    const userId = actor.kind === 'user' ? actor.userId : null
    const snapshot = await freezeNorms(tx, cycleId, instrument, { reason: why, userId })
    const after = await storedScoresOfCycle(tx, cycleId)
    const revisions = [...before].flatMap(([responseId, old]) => {
      const now = after.get(responseId)
      if (!now || changedScores(old, now).length === 0) return []
      return [{ responseId, cycleId, snapshotId: snapshot.id, previousOverall: old.overall, previousAreas: old.areas, previousDomains: old.domains, reason: why, revisedBy: userId }]
    })
    await insertScoreRevisions(tx, revisions)
    await recordAudit(tx, actor, 'norms.recomputed', {
      subject: cycleId,
      details: { reason: why, snapshotId: snapshot.id, previousSnapshotId: previous?.id ?? null, responses: snapshot.members, changedReports: revisions.length },
    }, { ip })
    return { ok: true, snapshotId: snapshot.id, members: snapshot.members, changed: revisions.length }
  })
}

/** Every submission of a scored cycle not yet scored (late, or resubmitted after a reopen), placed as late. */
export async function scoreLateSubmissions(tx: Db, cycleId: string) {
  for (const row of await responsesToScore(tx, cycleId, 10_000)) await scoreLateSubmission(tx, row.responseId)
}
