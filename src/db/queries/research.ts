import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { responseIsCertified } from './certified-responses'
import { cycles } from '../schema/cycles'
import { researchStudyIds } from '../schema/research'
import { responses } from '../schema/responses'
import { responseScores } from '../schema/scoring'
import { schools } from '../schema/schools'

// What the research area reads. Analysts' pages get counts and study ids only; the school's name, unit id and state
// are selected by `exportRowsPage` only when the program team's identified export asks for them.

/** Cycles the research area knows: live rounds from opening on (an open one is listed to say why it has no export). */
export function researchCycles(db: Db) {
  return db
    .select({ id: cycles.id, title: cycles.title, status: cycles.status, pilot: cycles.pilot, instrumentVersion: cycles.instrumentVersion, deadlineAt: cycles.deadlineAt, closedAt: cycles.closedAt })
    .from(cycles)
    .where(and(eq(cycles.kind, 'live'), inArray(cycles.status, ['open', 'closed', 'scored', 'released'])))
    .orderBy(desc(cycles.deadlineAt))
}


/** Certified responses per cycle and discipline: counts only. */
export function certifiedCountsByDiscipline(db: Db, cycleIds: readonly string[]) {
  if (cycleIds.length === 0) return Promise.resolve([])
  return db
    .select({ cycleId: responses.cycleId, discipline: schools.discipline, n: sql<number>`count(*)::int` })
    .from(responses)
    .innerJoin(schools, eq(schools.id, responses.schoolId))
    .where(and(inArray(responses.cycleId, [...cycleIds]), responseIsCertified))
    .groupBy(responses.cycleId, schools.discipline)
}

/** Rows per recorded combination of quasi-identifiers (with the state, which the domain maps to a region). */
export function quasiIdentifierCounts(db: Db, cycleId: string) {
  return db
    .select({ discipline: schools.discipline, control: schools.control, carnegie: schools.carnegieGroup, state: schools.state, rows: sql<number>`count(*)::int` })
    .from(responses)
    .innerJoin(schools, eq(schools.id, responses.schoolId))
    .where(and(eq(responses.cycleId, cycleId), responseIsCertified))
    .groupBy(schools.discipline, schools.control, schools.carnegieGroup, schools.state)
}

/** Schools with a certified response in the cycle and no study id yet. */
export function schoolsWithoutStudyId(db: Db, cycleId: string) {
  return db
    .select({ schoolId: responses.schoolId })
    .from(responses)
    .leftJoin(researchStudyIds, and(eq(researchStudyIds.cycleId, responses.cycleId), eq(researchStudyIds.schoolId, responses.schoolId)))
    .where(and(eq(responses.cycleId, cycleId), responseIsCertified, isNull(researchStudyIds.studyId)))
}

/** Stores study ids; a school that got one meanwhile keeps its own. Returns how many were stored. */
export async function insertStudyIds(db: Db, cycleId: string, ids: readonly { schoolId: string; studyId: string }[]) {
  if (ids.length === 0) return 0
  const rows = await db
    .insert(researchStudyIds)
    .values(ids.map((r) => ({ cycleId, ...r })))
    .onConflictDoNothing()
    .returning({ schoolId: researchStudyIds.schoolId })
  return rows.length
}

/**
 * One page of export rows in study id order (random, so the order says nothing about the school), after `after`.
 * `identified` adds the school's name, IPEDS unit id and state: only the program team's export asks for them.
 */
export async function exportRowsPage(db: Db, cycleId: string, options: { after: string | null; limit: number; identified: boolean }) {
  const rows = await db
    .select({
      responseId: responses.id,
      studyId: researchStudyIds.studyId,
      instrumentVersion: responses.instrumentVersion,
      discipline: schools.discipline,
      control: schools.control,
      carnegie: schools.carnegieGroup,
      state: schools.state,
      areas: responseScores.areas,
      domains: responseScores.domains,
      overall: responseScores.overall,
      ...(options.identified ? { schoolName: schools.name, ipedsUnitId: schools.ipedsUnitId } : {}),
    })
    .from(responses)
    .innerJoin(schools, eq(schools.id, responses.schoolId))
    .innerJoin(researchStudyIds, and(eq(researchStudyIds.cycleId, responses.cycleId), eq(researchStudyIds.schoolId, responses.schoolId)))
    .leftJoin(responseScores, eq(responseScores.responseId, responses.id))
    .where(and(eq(responses.cycleId, cycleId), responseIsCertified, options.after === null ? undefined : gt(researchStudyIds.studyId, options.after)))
    .orderBy(asc(researchStudyIds.studyId))
    .limit(options.limit)
  return rows as (typeof rows[number] & { schoolName?: string; ipedsUnitId?: number | null })[]
}
