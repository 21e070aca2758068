import { and, asc, eq, ilike, inArray, isNotNull, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../client'
import { cycleParticipations as p, type ParticipationStatus } from '../schema/cycles'
import { mailMessages } from '../schema/operations'
import { schools } from '../schema/schools'
import type { Discipline } from '../../domain/school/school-facts'
import { completionStatus } from './certified-responses'
import { containsPattern } from './like-pattern'

// The cycle page at national scale (decision 163): one page of the schools, filtered in SQL, and the counts the
// page shows as aggregates, so neither the page nor its queries grow with the number of schools in the cycle.

export type CycleSchoolFilter = { status?: ParticipationStatus; discipline?: Discipline; state?: string; q?: string }

function filterWhere(cycleId: string, f: CycleSchoolFilter): SQL | undefined {
  const like = f.q ? containsPattern(f.q) : null
  return and(
    eq(p.cycleId, cycleId),
    f.status ? sql`${completionStatus} = ${f.status}` : undefined,
    f.discipline ? eq(schools.discipline, f.discipline) : undefined,
    f.state ? eq(schools.state, f.state) : undefined,
    like ? or(ilike(schools.name, like), ilike(schools.city, like)) : undefined,
  )
}

/** One page of a cycle's schools matching the filter, by state and name, with what the list shows of each. */
export function cycleSchoolsPage(db: Db, cycleId: string, filter: CycleSchoolFilter, page: { limit: number; offset: number }) {
  return db
    .select({
      id: p.id, schoolId: p.schoolId, status: completionStatus, source: p.source, invitedAt: p.invitedAt,
      lastActivityAt: p.lastActivityAt, deadlineOverrideAt: p.deadlineOverrideAt, inviteeEmail: p.inviteeEmail,
      schoolName: schools.name, state: schools.state, discipline: schools.discipline,
      mailStatus: mailMessages.status, mailError: mailMessages.lastError, mailRejectedAt: mailMessages.rejectedAt,
    })
    .from(p)
    .innerJoin(schools, eq(schools.id, p.schoolId))
    .leftJoin(mailMessages, eq(mailMessages.id, p.invitationMailId))
    .where(filterWhere(cycleId, filter))
    .orderBy(asc(schools.state), asc(schools.name), asc(p.id))
    .limit(page.limit)
    .offset(page.offset)
}

/** How many of a cycle's schools match the filter. */
export async function countCycleSchools(db: Db, cycleId: string, filter: CycleSchoolFilter) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(p).innerJoin(schools, eq(schools.id, p.schoolId)).where(filterWhere(cycleId, filter))
  return row!.n
}

/** The ids of every school matching the filter: what a bulk action "on all that match" acts on. */
export async function cycleSchoolIds(db: Db, cycleId: string, filter: CycleSchoolFilter, limit: number) {
  const rows = await db.select({ id: p.id }).from(p).innerJoin(schools, eq(schools.id, p.schoolId)).where(filterWhere(cycleId, filter))
    .orderBy(asc(schools.state), asc(schools.name), asc(p.id)).limit(limit)
  return rows.map((r) => r.id)
}

/** Schools per discipline, state and status (as counted), and how many invitations exist: every figure of the page. */
export function cycleStatusCounts(db: Db, cycleId: string) {
  return db
    .select({
      discipline: schools.discipline, state: schools.state, status: completionStatus,
      n: sql<number>`count(*)::int`, invitationsCreated: sql<number>`count(${p.invitedAt})::int`,
    })
    .from(p)
    .innerJoin(schools, eq(schools.id, p.schoolId))
    .where(eq(p.cycleId, cycleId))
    .groupBy(schools.discipline, schools.state, completionStatus)
}

const utcDay = (column: SQL | typeof p.respondedAt) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`

/** Per UTC day, the schools that said yes that day and the schools that submitted that day (for the chart). */
export async function cycleDayCounts(db: Db, cycleId: string) {
  const said = utcDay(p.respondedAt)
  const done = utcDay(p.submittedAt)
  const [accepted, submitted] = await Promise.all([
    db.select({ day: said, n: sql<number>`count(*)::int` }).from(p)
      .where(and(eq(p.cycleId, cycleId), isNotNull(p.respondedAt), inArray(completionStatus, ['accepted', 'in_progress', 'submitted']))).groupBy(said),
    db.select({ day: done, n: sql<number>`count(*)::int` }).from(p)
      .where(and(eq(p.cycleId, cycleId), isNotNull(p.submittedAt), sql`${completionStatus} = 'submitted'`)).groupBy(done),
  ])
  const days = new Map<string, { day: string; accepted: number; submitted: number }>()
  const at = (day: string) => days.get(day) ?? days.set(day, { day, accepted: 0, submitted: 0 }).get(day)!
  for (const r of accepted) at(r.day).accepted += r.n
  for (const r of submitted) at(r.day).submitted += r.n
  return [...days.values()]
}

/** The extended deadlines of schools still answering: few, and the rule on them is the domain's. */
export async function openExtensions(db: Db, cycleId: string) {
  const rows = await db.select({ at: p.deadlineOverrideAt }).from(p)
    .where(and(eq(p.cycleId, cycleId), isNotNull(p.deadlineOverrideAt), notInArray(completionStatus, ['submitted', 'declined'])))
  return rows.map((r) => r.at!)
}
