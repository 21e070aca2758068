import type { Db } from '../../db/client'
import { insertCycle } from '../../db/queries/cycles'
import { historicalRoundNamed, insertImportedAnswers, insertImportedParticipations, insertImportedResponses, schoolsForHistoricalMatch } from '../../db/queries/historical-rounds'
import { instrumentVersionIds } from '../../db/queries/instruments'
import { upsertResponseScores } from '../../db/queries/scoring'
import { planHistoricalImport, type HistoricalRow, type RowProblem } from '../../domain/history/historical-csv-plan'
import {
  checkHistoricalRound, historicalRoundDates, type HistoricalRoundErrors, type HistoricalRoundInput, type HistoricalRoundSettings,
} from '../../domain/history/historical-round-settings'
import type { Actor } from '../../domain/policy/roles'
import { scoreResponse, scoresFromAreas } from '../../domain/scoring/response-score'
import { recordAudit } from '../audit'
import { readCsvUpload } from '../csv-files'
import { assertCan } from '../errors'
import { storedInstrument } from '../instruments/instrument-content'
import { freezeNorms } from '../reports/cycle-scoring'

// Importing a past round from its records (decision 095): the dry run checks every row, the import writes the
// round as a scored historical cycle in one transaction (all or nothing), with its norms frozen at import.

export const MAX_HISTORICAL_ROWS = 5_000

export type HistoricalPreview =
  | { ok: false; errors: HistoricalRoundErrors }
  | { ok: true; settings: HistoricalRoundSettings; rows: HistoricalRow[]; problems: RowProblem[]; rowCount: number }

async function check(db: Db, input: HistoricalRoundInput, bytes: Uint8Array | null, now: Date): Promise<HistoricalPreview> {
  const checked = checkHistoricalRound(input, await instrumentVersionIds(db), now)
  const fileError = (message: string): HistoricalPreview => ({ ok: false, errors: { ...(checked.ok ? {} : checked.errors), file: [message] } })
  if (!bytes || bytes.length === 0) return fileError('Choose the round’s CSV file.')
  const csv = readCsvUpload(bytes)
  if (!csv.ok) return fileError(csv.message)
  if (csv.rows.length > MAX_HISTORICAL_ROWS) return fileError(`The file has ${csv.rows.length} rows; a round has at most ${MAX_HISTORICAL_ROWS} schools.`)
  if (!checked.ok) return checked
  if (await historicalRoundNamed(db, checked.settings.title)) {
    return { ok: false, errors: { title: [`A past round named “${checked.settings.title}” has been imported already; give this one another name.`] } }
  }
  const instrument = await storedInstrument(db, checked.settings.instrumentVersion)
  const plan = planHistoricalImport(instrument, csv.header, csv.rows, await schoolsForHistoricalMatch(db))
  if (!plan.ok) return fileError(plan.message)
  return { ok: true, settings: checked.settings, rows: plan.rows, problems: plan.problems, rowCount: csv.rows.length }
}

/** The versions a past round may be imported in: every stored one. */
export async function historicalRoundVersions(db: Db, actor: Actor) {
  assertCan(actor, 'cycles.manage')
  return instrumentVersionIds(db)
}

/** The dry run: every row matched and checked, nothing written. */
export async function previewHistoricalRound(db: Db, actor: Actor, input: HistoricalRoundInput, bytes: Uint8Array | null, now = new Date()) {
  assertCan(actor, 'cycles.manage')
  return check(db, input, bytes, now)
}

export type HistoricalImportOutcome = HistoricalPreview & { cycleId?: string }

/**
 * Checks the same file again and, only if every row is valid, writes the round in one transaction: a historical
 * cycle (already scored), a submitted participation and response per school, marked as imported, the answers,
 * every school's scores (from the answers with the one scoring function, or the area scores given) and the
 * frozen norms of the round. Audited.
 */
export async function importHistoricalRound(db: Db, actor: Actor, input: HistoricalRoundInput, bytes: Uint8Array, ip: string | null = null, now = new Date()): Promise<HistoricalImportOutcome> {
  return db.transaction(async (tx) => {
    assertCan(actor, 'cycles.manage')
    const checked = await check(tx, input, bytes, now)
    if (!checked.ok || checked.problems.length > 0) return checked
    const { settings, rows } = checked
    const instrument = await storedInstrument(tx, settings.instrumentVersion)
    const { opensAt, deadlineAt } = historicalRoundDates(settings.year)
    const submittedAt = deadlineAt
    const { id: cycleId } = await insertCycle(tx, {
      title: settings.title, instrumentVersion: instrument.id, kind: 'historical', status: 'scored', opensAt, deadlineAt,
      disciplines: [...new Set(rows.map((r) => r.school.discipline))], reminderDays: [],
    })
    const participations = await insertImportedParticipations(tx, rows.map((r) => ({
      cycleId, schoolId: r.school.id, status: 'submitted' as const, source: 'imported' as const, respondedAt: submittedAt, submittedAt,
    })))
    const participationOf = new Map(participations.map((p) => [p.schoolId, p.id]))
    const responses = await insertImportedResponses(tx, rows.map((r) => ({
      participationId: participationOf.get(r.school.id)!, cycleId, schoolId: r.school.id, instrumentVersion: instrument.id,
      status: 'submitted' as const, submittedAt, source: r.kind === 'answers' ? ('imported-answers' as const) : ('imported-area-scores' as const),
    })))
    const responseOf = new Map(responses.map((r) => [r.schoolId, r.id]))
    await insertImportedAnswers(tx, rows.flatMap((r) => r.kind === 'answers'
      ? r.answers.map((a) => ({ responseId: responseOf.get(r.school.id)!, itemId: a.itemId, value: a.value, updatedAt: now }))
      : []))
    await upsertResponseScores(tx, rows.map((r) => {
      const score = r.kind === 'answers'
        ? scoreResponse(instrument, r.school.discipline, new Map(r.answers.map((a) => [a.itemId, a.value])))
        : scoresFromAreas(instrument, (id) => r.areas[id] ?? null)
      return {
        responseId: responseOf.get(r.school.id)!, cycleId, schoolId: r.school.id, instrumentVersion: instrument.id,
        areas: score.areas, domains: score.domains, overall: score.overall, submittedAt, snapshotId: null, late: false,
      }
    }))
    const snapshot = await freezeNorms(tx, cycleId, instrument, { reason: null, userId: actor.kind === 'user' ? actor.userId : null })
    const counts = { answers: rows.filter((r) => r.kind === 'answers').length, areaScores: rows.filter((r) => r.kind === 'area-scores').length }
    await recordAudit(tx, actor, 'history.round-imported', { subject: cycleId, details: { ...settings, ...counts, snapshotId: snapshot.id } }, { ip })
    return { ...checked, cycleId }
  })
}
