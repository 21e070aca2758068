import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/db/client'
import { insertCycle } from '../../src/db/queries/cycles'
import { insertSchools } from '../../src/db/queries/schools'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { answers, responses } from '../../src/db/schema/responses'
import type { CycleStatus } from '../../src/domain/cycle/cycle-states'
import type { Answer } from '../../src/domain/instrument/instrument-answers'
import { itemsOf, type Instrument } from '../../src/domain/instrument/instrument-model'
import type { CarnegieGroup, Control, Discipline } from '../../src/domain/school/school-facts'
import { latestProgress } from '../../src/db/queries/job-progress'
import { BUILD_REPORTS_KIND, buildCycleReports } from '../../src/services/reports/cycle-scoring'
import type { App } from '../../src/web/app'
import { formPost } from './test-app'

// Seeds for scoring and report tests: cycles, schools and submitted responses with their answers, written straight
// to the tables the school workspace fills (responses, answers), so these tests do not depend on its pages.

const unique = () => randomUUID().slice(0, 8)

export async function seedScoringCycle(db: Db, options: { status: CycleStatus; instrumentVersion?: string; title?: string; opensAt?: Date; disciplines?: Discipline[] }) {
  const opensAt = options.opensAt ?? new Date('2026-01-15T00:00:00Z')
  return insertCycle(db, {
    title: options.title ?? `Scoring round ${unique()}`,
    instrumentVersion: options.instrumentVersion ?? 'smm-2024',
    disciplines: options.disciplines ?? ['md', 'dental'],
    status: options.status,
    opensAt,
    deadlineAt: new Date(opensAt.getTime() + 60 * 86_400_000),
  })
}

export async function seedScoringSchool(db: Db, facts: { discipline: Discipline; control?: Control; carnegieGroup?: CarnegieGroup; name?: string }) {
  const [school] = await insertSchools(db, [{
    name: facts.name ?? `Scored School ${unique()}`, city: 'Springfield', state: 'IL', discipline: facts.discipline,
    control: facts.control ?? 'public', carnegieGroup: facts.carnegieGroup ?? 'r1',
  }])
  return school!
}

/** A response submitted by a school in a cycle, with these answers (item id → answer). */
export async function seedSubmittedResponse(
  db: Db,
  options: { schoolId: string; cycleId: string; instrumentVersion?: string; answers: Readonly<Record<string, Answer | null>>; submittedAt?: Date },
) {
  const submittedAt = options.submittedAt ?? new Date('2026-02-01T00:00:00Z')
  const [participation] = await db.insert(cycleParticipations)
    .values({ cycleId: options.cycleId, schoolId: options.schoolId, status: 'submitted', source: 'all-eligible', submittedAt })
    .returning({ id: cycleParticipations.id })
  const [response] = await db.insert(responses).values({
    participationId: participation!.id, cycleId: options.cycleId, schoolId: options.schoolId,
    instrumentVersion: options.instrumentVersion ?? 'smm-2024', status: 'submitted', submittedAt,
  }).returning({ id: responses.id })
  const rows = Object.entries(options.answers).map(([itemId, value]) => ({ responseId: response!.id, itemId, value }))
  if (rows.length > 0) await db.insert(answers).values(rows)
  return response!
}

/**
 * Answers to every scored item at one level from 0 (the lowest option everywhere) to 1 (the highest), so a school
 * answered at a higher level scores at least as high in every area. Tables are left unanswered (0 points).
 */
export function answersAtLevel(instrument: Instrument, level: number): Record<string, Answer> {
  const pick = <T,>(list: readonly T[]) => list[Math.round(level * (list.length - 1))]!
  const out: Record<string, Answer> = {}
  for (const { item } of itemsOf(instrument)) {
    if (!item.scored) continue
    switch (item.kind) {
      case 'yes-no': out[item.id] = level >= 0.5; break
      case 'single-choice': out[item.id] = pick([...item.options].sort((a, b) => a.points - b.points)).id; break
      case 'multiple-choice': out[item.id] = item.options.slice(0, Math.round(level * item.options.length)).map((o) => o.id); break
      case 'likert': out[item.id] = Math.round(level * 4); break
      case 'number': if (item.bands) out[item.id] = pick([(item.bands[0]!.min - 1), ...item.bands.map((b) => b.min)]); break
      default: break
    }
  }
  return out
}

/** What the admin's "Score and freeze norms" does, with the job run here instead of by a worker. */
export async function scoreCycleThroughAdmin(app: App, db: Db, adminHeaders: Record<string, string>, cycleId: string) {
  const res = await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'scored' }, adminHeaders))
  if (res.status !== 303) throw new Error(`scoring did not start: ${res.status}`)
  const progress = (await latestProgress(db, BUILD_REPORTS_KIND, cycleId))!
  await buildCycleReports(db, { cycleId, progressId: progress.id })
  return progress
}
