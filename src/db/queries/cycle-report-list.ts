import { and, asc, desc, eq, ilike, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../client'
import { schools } from '../schema/schools'
import { normsSnapshots, reportReleases, responseScores } from '../schema/scoring'
import { containsPattern } from './like-pattern'

// The reports page of a cycle at national scale (decision 163): one page of the scored responses, filtered in
// SQL, with the counts as aggregates; the norms snapshots counted in SQL rather than read whole.

export type CycleReportFilter = { released?: boolean; q?: string }

function filterWhere(cycleId: string, f: CycleReportFilter): SQL | undefined {
  const like = f.q ? containsPattern(f.q) : null
  return and(
    eq(responseScores.cycleId, cycleId),
    f.released === undefined ? undefined : f.released ? isNotNull(reportReleases.id) : isNull(reportReleases.id),
    like ? ilike(schools.name, like) : undefined,
  )
}

/** One page of a cycle's scored responses matching the filter, by school name. */
export function scoredResponsesPage(db: Db, cycleId: string, filter: CycleReportFilter, page: { limit: number; offset: number }) {
  return db.select({ responseId: responseScores.responseId, schoolId: responseScores.schoolId, schoolName: schools.name, released: reportReleases.id })
    .from(responseScores)
    .innerJoin(schools, eq(schools.id, responseScores.schoolId))
    .leftJoin(reportReleases, eq(reportReleases.responseId, responseScores.responseId))
    .where(filterWhere(cycleId, filter))
    .orderBy(asc(schools.name), asc(responseScores.responseId))
    .limit(page.limit)
    .offset(page.offset)
}

/** How many scored responses match the filter, and how many of the whole cycle's are scored and released: one statement. */
export async function scoredResponseCounts(db: Db, cycleId: string, filter: CycleReportFilter) {
  const [row] = await db.select({
    matching: sql<number>`(count(*) filter (where ${filterWhere(cycleId, filter)}))::int`,
    scored: sql<number>`count(*)::int`,
    released: sql<number>`count(${reportReleases.id})::int`,
  })
    .from(responseScores)
    .innerJoin(schools, eq(schools.id, responseScores.schoolId))
    .leftJoin(reportReleases, eq(reportReleases.responseId, responseScores.responseId))
    .where(eq(responseScores.cycleId, cycleId))
  return row!
}

/** The cycle's norms snapshots, newest first, with how many schools each holds (counted by the database). */
export function snapshotSizes(db: Db, cycleId: string) {
  return db.select({ id: normsSnapshots.id, reason: normsSnapshots.reason, createdAt: normsSnapshots.createdAt, schools: sql<number>`jsonb_array_length(${normsSnapshots.members})::int` })
    .from(normsSnapshots).where(eq(normsSnapshots.cycleId, cycleId)).orderBy(desc(normsSnapshots.createdAt))
}
