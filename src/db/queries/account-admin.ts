import { and, asc, count, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '../client'
import { sessions, users } from '../schema/accounts'
import { schoolMemberships, schools } from '../schema/schools'

export async function findAccount(db: Db, userId: string, now: Date) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, programRole: users.programRole, createdAt: users.createdAt, lastSignInAt: users.lastSignInAt, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
  if (!row) return undefined
  const [live] = await db.select({ n: count() }).from(sessions).where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
  return { ...row, liveSessions: live?.n ?? 0 }
}

/** Counts the enabled admins and locks their rows, so two admins demoting each other at once cannot leave none. */
export async function lockEnabledAdmins(db: Db): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.programRole, 'admin'), isNull(users.disabledAt))).for('update')
  return rows.length
}

export async function setDisabledAt(db: Db, userId: string, at: Date | null) {
  await db.update(users).set({ disabledAt: at }).where(eq(users.id, userId))
}

/** Ends every session of the person; returns how many there were. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })
  return rows.length
}

export function accountSchools(db: Db, userId: string) {
  return db
    .select({ schoolId: schools.id, name: schools.name, role: schoolMemberships.role })
    .from(schoolMemberships)
    .innerJoin(schools, eq(schools.id, schoolMemberships.schoolId))
    .where(eq(schoolMemberships.userId, userId))
    .orderBy(asc(schools.name))
}
