import { and, asc, count, eq } from 'drizzle-orm'
import type { SchoolRole } from '../../domain/policy/roles'
import type { Db } from '../client'
import { users } from '../schema/accounts'
import { schoolMemberships } from '../schema/schools'

/** Everyone on a school's team, leaders first. */
export function listTeamMembers(db: Db, schoolId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: schoolMemberships.role, lastSignInAt: users.lastSignInAt })
    .from(schoolMemberships)
    .innerJoin(users, eq(users.id, schoolMemberships.userId))
    .where(eq(schoolMemberships.schoolId, schoolId))
    .orderBy(asc(schoolMemberships.createdAt), asc(users.email))
}

export async function findTeamRole(db: Db, schoolId: string, userId: string): Promise<SchoolRole | undefined> {
  const [row] = await db
    .select({ role: schoolMemberships.role })
    .from(schoolMemberships)
    .where(and(eq(schoolMemberships.schoolId, schoolId), eq(schoolMemberships.userId, userId)))
  return row?.role
}

export async function countLeaders(db: Db, schoolId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(schoolMemberships)
    .where(and(eq(schoolMemberships.schoolId, schoolId), eq(schoolMemberships.role, 'leader')))
  return row?.n ?? 0
}

/** Adds a member; false if they already are one (their role is left as it was). */
export async function insertTeamMember(db: Db, schoolId: string, userId: string, role: SchoolRole): Promise<boolean> {
  const rows = await db.insert(schoolMemberships).values({ schoolId, userId, role }).onConflictDoNothing().returning({ id: schoolMemberships.id })
  return rows.length === 1
}

export async function setTeamRole(db: Db, schoolId: string, userId: string, role: SchoolRole) {
  await db.update(schoolMemberships).set({ role }).where(and(eq(schoolMemberships.schoolId, schoolId), eq(schoolMemberships.userId, userId)))
}

export async function deleteTeamMember(db: Db, schoolId: string, userId: string) {
  await db.delete(schoolMemberships).where(and(eq(schoolMemberships.schoolId, schoolId), eq(schoolMemberships.userId, userId)))
}

/** Whether this address already belongs to someone on the school's team (and nothing else about them). */
export async function isTeamMemberByEmail(db: Db, schoolId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schoolMemberships.id })
    .from(schoolMemberships)
    .innerJoin(users, eq(users.id, schoolMemberships.userId))
    .where(and(eq(schoolMemberships.schoolId, schoolId), eq(users.email, email)))
  return row !== undefined
}
