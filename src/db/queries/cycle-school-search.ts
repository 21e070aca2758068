import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm'
import type { Db } from '../client'
import { cycleParticipations } from '../schema/cycles'
import { schools } from '../schema/schools'
import type { Discipline } from '../../domain/school/school-facts'
import { containsPattern } from './like-pattern'

export type CycleSchoolSearch = { q?: string; state?: string; discipline?: Discipline }

/**
 * Active schools of the cycle's disciplines matching a name (or parent institution or city), a state or an IPEDS
 * unit id, each saying whether it is already in the cycle, so the page can show it as such instead of offering it.
 */
export function searchSchoolsForCycle(db: Db, cycleId: string, disciplines: readonly Discipline[], search: CycleSchoolSearch, limit: number) {
  const q = search.q?.trim() ?? ''
  const like = q ? containsPattern(q) : null
  const unitId = /^\d{1,9}$/.test(q) ? Number(q) : null
  return db
    .select({
      id: schools.id, name: schools.name, city: schools.city, state: schools.state, discipline: schools.discipline,
      ipedsUnitId: schools.ipedsUnitId, deanEmail: schools.deanEmail,
      participationId: cycleParticipations.id,
    })
    .from(schools)
    .leftJoin(cycleParticipations, and(eq(cycleParticipations.schoolId, schools.id), eq(cycleParticipations.cycleId, cycleId)))
    .where(and(
      eq(schools.status, 'active'),
      inArray(schools.discipline, search.discipline ? [search.discipline] : [...disciplines]),
      search.state ? eq(schools.state, search.state) : undefined,
      like ? or(ilike(schools.name, like), ilike(schools.parentInstitution, like), ilike(schools.city, like), unitId !== null ? eq(schools.ipedsUnitId, unitId) : undefined) : undefined,
    ))
    .orderBy(asc(schools.state), asc(schools.name))
    .limit(limit)
    .then((rows) => rows.map(({ participationId, ...school }) => ({ ...school, inCycle: participationId !== null })))
}

/** The schools asked for, with what adding them needs; only those of the given disciplines and still active. */
export function schoolsToAdd(db: Db, ids: readonly string[], disciplines: readonly Discipline[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .select({ id: schools.id, name: schools.name, deanEmail: schools.deanEmail, deanName: schools.deanName })
    .from(schools)
    .where(and(inArray(schools.id, [...ids]), inArray(schools.discipline, [...disciplines]), eq(schools.status, 'active')))
    .orderBy(asc(schools.name))
}

/** The states that have active schools of these disciplines, for the search's state choice. */
export async function statesOfDisciplines(db: Db, disciplines: readonly Discipline[]) {
  const rows = await db.selectDistinct({ state: schools.state }).from(schools)
    .where(and(eq(schools.status, 'active'), inArray(schools.discipline, [...disciplines]))).orderBy(asc(schools.state))
  return rows.map((r) => r.state)
}
