import { sql } from 'drizzle-orm'
import type { Db } from '../client'
import { schoolMemberships, schools } from '../schema/schools'

export type SchoolInsert = typeof schools.$inferInsert

export async function insertSchools(db: Db, rows: SchoolInsert[]) {
  if (rows.length === 0) return []
  return db.insert(schools).values(rows).returning({ id: schools.id, name: schools.name, discipline: schools.discipline })
}

export async function countSchoolsByDiscipline(db: Db) {
  return db
    .select({ discipline: schools.discipline, n: sql<number>`count(*)::int` })
    .from(schools)
    .groupBy(schools.discipline)
    .orderBy(schools.discipline)
}

export async function insertMembership(db: Db, values: typeof schoolMemberships.$inferInsert) {
  await db.insert(schoolMemberships).values(values).onConflictDoNothing()
}
