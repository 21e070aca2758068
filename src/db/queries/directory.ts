import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../client'
import { schools } from '../schema/schools'
import type { DirectoryEntry } from '../../domain/school/directory-entry'
import type { Discipline } from '../../domain/school/school-facts'
import { containsPattern } from './like-pattern'

export type DirectoryFilter = { q?: string; discipline?: Discipline; state?: string; status?: 'active' | 'inactive' }

export const directoryColumns = {
  id: schools.id,
  name: schools.name,
  parentInstitution: schools.parentInstitution,
  city: schools.city,
  state: schools.state,
  discipline: schools.discipline,
  control: schools.control,
  carnegieGroup: schools.carnegieGroup,
  ipedsUnitId: schools.ipedsUnitId,
  website: schools.website,
  deanName: schools.deanName,
  deanEmail: schools.deanEmail,
  status: schools.status,
  isDemo: schools.isDemo,
  updatedAt: schools.updatedAt,
}

function filterWhere(f: DirectoryFilter): SQL | undefined {
  const like = f.q ? containsPattern(f.q) : null
  return and(
    like ? or(ilike(schools.name, like), ilike(schools.parentInstitution, like), ilike(schools.city, like)) : undefined,
    f.discipline ? eq(schools.discipline, f.discipline) : undefined,
    f.state ? eq(schools.state, f.state) : undefined,
    f.status ? eq(schools.status, f.status) : undefined,
  )
}

export function listDirectory(db: Db, filter: DirectoryFilter, limit: number, offset: number) {
  return db.select(directoryColumns).from(schools).where(filterWhere(filter))
    .orderBy(asc(schools.state), asc(schools.name)).limit(limit).offset(offset)
}

export async function countDirectory(db: Db, filter: DirectoryFilter) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schools).where(filterWhere(filter))
  return row!.n
}

export async function findDirectorySchool(db: Db, id: string) {
  const [row] = await db.select(directoryColumns).from(schools).where(eq(schools.id, id))
  return row
}

/** What duplicate detection compares: every school's identity. */
export function directoryIdentities(db: Db) {
  return db.select({ id: schools.id, name: schools.name, city: schools.city, state: schools.state, discipline: schools.discipline, ipedsUnitId: schools.ipedsUnitId }).from(schools)
}

/** Every school with the fields an import compares, so a re-import can show what would change. */
export function directoryEntries(db: Db) {
  const { isDemo: _demo, updatedAt: _updated, ...columns } = directoryColumns
  return db.select(columns).from(schools)
}

export async function insertDirectorySchools(db: Db, entries: DirectoryEntry[]) {
  if (entries.length === 0) return []
  return db.insert(schools).values(entries).returning({ id: schools.id })
}

export async function updateDirectorySchool(db: Db, id: string, entry: DirectoryEntry, at: Date) {
  const rows = await db.update(schools).set({ ...entry, updatedAt: at }).where(eq(schools.id, id)).returning({ id: schools.id })
  return rows.length === 1
}

/** The fields sampling needs, for every school. */
export function schoolsForEligibility(db: Db) {
  return db.select({ id: schools.id, discipline: schools.discipline, status: schools.status, deanEmail: schools.deanEmail, deanName: schools.deanName }).from(schools)
}
