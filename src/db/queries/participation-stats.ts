import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { cycleParticipations, cycles, type CycleStatus } from '../schema/cycles'
import { schools } from '../schema/schools'

/** Cycles that have ended; only these are published. */
export const PAST_CYCLE_STATUSES: CycleStatus[] = ['closed', 'scored', 'released']

export function pastCycles(db: Db) {
  return db
    .select({ id: cycles.id, title: cycles.title, opensAt: cycles.opensAt, deadlineAt: cycles.deadlineAt, disciplines: cycles.disciplines })
    .from(cycles)
    // A past round imported from its records lists only the schools that took part, so its counts are not published.
    .where(and(inArray(cycles.status, PAST_CYCLE_STATUSES), eq(cycles.kind, 'live')))
    .orderBy(sql`${cycles.deadlineAt} desc`)
}

/**
 * Counts of schools per cycle, by one school attribute (discipline or state) and participation status. Counts
 * only: no school's name or id leaves this query.
 */
export function participationCounts(db: Db, cycleIds: string[], by: 'discipline' | 'state') {
  if (cycleIds.length === 0) return Promise.resolve([])
  const group = by === 'discipline' ? schools.discipline : schools.state
  return db
    .select({ cycleId: cycleParticipations.cycleId, group: sql<string>`${group}`, status: cycleParticipations.status, n: sql<number>`count(*)::int` })
    .from(cycleParticipations)
    .innerJoin(schools, eq(schools.id, cycleParticipations.schoolId))
    .innerJoin(cycles, and(eq(cycles.id, cycleParticipations.cycleId), inArray(cycles.status, PAST_CYCLE_STATUSES)))
    .where(inArray(cycleParticipations.cycleId, cycleIds))
    .groupBy(cycleParticipations.cycleId, group, cycleParticipations.status)
    .orderBy(asc(group))
}
