import { eq, inArray } from 'drizzle-orm'
import type { Db } from '../../src/db/client'
import { responses } from '../../src/db/schema/responses'
import type { Answer } from '../../src/domain/instrument/instrument-answers'
import { itemsOf, type Instrument } from '../../src/domain/instrument/instrument-model'
import type { CarnegieGroup, Control, Discipline } from '../../src/domain/school/school-facts'
import { latestProgress } from '../../src/db/queries/job-progress'
import type { Actor } from '../../src/domain/policy/roles'
import { BUILD_REPORTS_KIND, buildCycleReports, startCycleScoring } from '../../src/services/reports/cycle-scoring'
import { answersAtLevel, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from './scoring-seed'

// A scored cycle with small cells for the research analyses: twelve certified schools, 7 MD and 5 dental; 9 public
// and 3 private (one small group beside one large: complementary suppression); Carnegie r1 5, r2 4, special focus 3
// (two small groups that protect each other). One scored yes/no question everyone answers "yes", one most schools
// do not know. A thirteenth response is submitted but not certified: it must count nowhere.

export type ResearchSchool = { discipline: Discipline; control: Control; carnegieGroup: CarnegieGroup; level: number }

export const RESEARCH_SCHOOLS: ResearchSchool[] = [
  { discipline: 'md', control: 'public', carnegieGroup: 'r1', level: 0.1 },
  { discipline: 'md', control: 'public', carnegieGroup: 'r1', level: 0.25 },
  { discipline: 'md', control: 'public', carnegieGroup: 'r1', level: 0.4 },
  { discipline: 'md', control: 'private', carnegieGroup: 'r1', level: 0.55 },
  { discipline: 'md', control: 'private', carnegieGroup: 'r1', level: 0.9 },
  { discipline: 'md', control: 'public', carnegieGroup: 'r2', level: 0.7 },
  { discipline: 'md', control: 'public', carnegieGroup: 'r2', level: 0.85 },
  { discipline: 'dental', control: 'public', carnegieGroup: 'r2', level: 0.3 },
  { discipline: 'dental', control: 'public', carnegieGroup: 'r2', level: 0.45 },
  { discipline: 'dental', control: 'private', carnegieGroup: 'special-focus', level: 0.95 },
  { discipline: 'dental', control: 'public', carnegieGroup: 'special-focus', level: 0.6 },
  { discipline: 'dental', control: 'public', carnegieGroup: 'special-focus', level: 0.75 },
]

/** Two scored yes/no questions offering "don't know" in different areas: one for "alike", one for "don't know". */
export function flaggedItems(instrument: Instrument) {
  const candidates = itemsOf(instrument).filter(({ item }) => item.kind === 'yes-no' && item.scored && item.dontKnow && !item.showIf && !item.disciplines)
  const alike = candidates[0]!
  const dontKnow = candidates.find((c) => c.area.id !== alike.area.id)!
  return { alike: alike.item, dontKnow: dontKnow.item }
}

/**
 * Seeds the cycle and scores it as the admin's "Score and freeze norms" does, with the job run here (no app needed,
 * so browser tests can seed the server's database too).
 */
export async function seedAnalysesCycle(db: Db, admin: { id: string; email: string }, instrument: Instrument) {
  const cycle = await seedScoringCycle(db, { status: 'closed', title: `Research round ${Math.random().toString(36).slice(2, 8)}` })
  const { alike, dontKnow } = flaggedItems(instrument)
  const certified: string[] = []
  for (const [i, s] of RESEARCH_SCHOOLS.entries()) {
    const school = await seedScoringSchool(db, s)
    const answers: Record<string, Answer | null> = { ...answersAtLevel(instrument, s.level), [alike.id]: true, [dontKnow.id]: i < 8 ? { escape: 'dont-know' } : true }
    const response = await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers })
    certified.push(response.id)
  }
  await db.update(responses).set({ certifiedByName: 'Dean Example' }).where(inArray(responses.id, certified))
  // Submitted without a certifying name (e.g. a record typed in without one): not part of any analysis.
  const stray = await seedScoringSchool(db, { discipline: 'md', control: 'private', carnegieGroup: 'r2' })
  const strayResponse = await seedSubmittedResponse(db, { schoolId: stray.id, cycleId: cycle.id, answers: answersAtLevel(instrument, 0) })
  await db.update(responses).set({ certifiedByName: null }).where(eq(responses.id, strayResponse.id))
  const actor: Actor = { kind: 'user', userId: admin.id, email: admin.email, name: null, programRole: 'admin', memberships: [] }
  await startCycleScoring(db, { send: async () => {} }, actor, cycle.id)
  await buildCycleReports(db, { cycleId: cycle.id, progressId: (await latestProgress(db, BUILD_REPORTS_KIND, cycle.id))!.id })
  return { cycle, certified, alike, dontKnow }
}
