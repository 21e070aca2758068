import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { completionStatus } from './certified-responses'
import { cycleParticipations, cycles } from '../schema/cycles'
import { schools } from '../schema/schools'
import { PUBLISHABLE_STATUSES } from '../../domain/cycle/participation-publication'

const PAST_CYCLE_STATUSES = [...PUBLISHABLE_STATUSES]
const publicFacts = { id: cycles.id, title: cycles.title, opensAt: cycles.opensAt, deadlineAt: cycles.deadlineAt, disciplines: cycles.disciplines }

/** Cycles whose participation an admin published (domain/cycle/participation-publication `isPublic`). */
export function publishedCycles(db: Db) {
  return db
    .select(publicFacts)
    .from(cycles)
    // Imported past rounds list only the schools that took part, so their counts are never published.
    .where(and(inArray(cycles.status, PAST_CYCLE_STATUSES), eq(cycles.kind, 'live'), eq(cycles.pilot, false), isNotNull(cycles.participationPublishedAt)))
    .orderBy(sql`${cycles.deadlineAt} desc`)
}

/** One cycle's public facts, published or not, for the admin's preview of the public page. */
export async function cyclePublicFacts(db: Db, id: string) {
  const [row] = await db.select(publicFacts).from(cycles).where(eq(cycles.id, id))
  return row
}

/** Publishes (a time) or withdraws (null) a cycle's participation figures. */
export async function setParticipationPublished(db: Db, id: string, at: Date | null) {
  await db.update(cycles).set({ participationPublishedAt: at }).where(eq(cycles.id, id))
}

/**
 * Counts of schools per cycle, by one school attribute (discipline or state) and participation status, where
 * submitted means a certified response (`completionStatus`). Counts only: no school's name or id leaves this query.
 */
export function participationCounts(db: Db, cycleIds: string[], by: 'discipline' | 'state') {
  if (cycleIds.length === 0) return Promise.resolve([])
  const group = by === 'discipline' ? schools.discipline : schools.state
  return db
    .select({ cycleId: cycleParticipations.cycleId, group: sql<string>`${group}`, status: completionStatus, n: sql<number>`count(*)::int` })
    .from(cycleParticipations)
    .innerJoin(schools, eq(schools.id, cycleParticipations.schoolId))
    .innerJoin(cycles, and(eq(cycles.id, cycleParticipations.cycleId), inArray(cycles.status, PAST_CYCLE_STATUSES)))
    .where(inArray(cycleParticipations.cycleId, cycleIds))
    .groupBy(cycleParticipations.cycleId, group, completionStatus)
    .orderBy(asc(group))
}
