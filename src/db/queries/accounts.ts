import { and, eq, gt, isNull, sql, type SQLWrapper } from 'drizzle-orm'
import type { Db } from '../client'
import { preparedPer } from '../prepared'
import { sessions, signInTokens, users } from '../schema/accounts'
import { schoolMemberships } from '../schema/schools'
import type { ProgramRole, SchoolRole } from '../../domain/policy/roles'

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  programRole: users.programRole,
  disabledAt: users.disabledAt,
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select(userColumns).from(users).where(eq(users.email, email))
  return row
}

export async function insertUser(db: Db, values: { email: string; name?: string | null; programRole?: ProgramRole | null }) {
  const [row] = await db
    .insert(users)
    .values({ email: values.email, name: values.name ?? null, programRole: values.programRole ?? null })
    .onConflictDoNothing({ target: users.email })
    .returning(userColumns)
  return row // undefined: the address is taken
}

export async function setProgramRole(db: Db, userId: string, role: ProgramRole | null) {
  await db.update(users).set({ programRole: role }).where(eq(users.id, userId))
}

export async function insertSignInToken(
  db: Db,
  values: { tokenHash: string; userId: string; nextPath: string | null; requestedIp: string | null; expiresAt: Date },
) {
  await db.insert(signInTokens).values(values)
}

export async function findSignInToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: signInTokens.id,
      userId: signInTokens.userId,
      email: users.email,
      nextPath: signInTokens.nextPath,
      expiresAt: signInTokens.expiresAt,
      usedAt: signInTokens.usedAt,
    })
    .from(signInTokens)
    .innerJoin(users, eq(users.id, signInTokens.userId))
    .where(eq(signInTokens.tokenHash, tokenHash))
  return row
}

/** Marks the link used only if it is still unused and unexpired; false means someone got there first. */
export async function consumeSignInToken(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(signInTokens)
    .set({ usedAt: now })
    .where(and(eq(signInTokens.id, id), isNull(signInTokens.usedAt), gt(signInTokens.expiresAt, now)))
    .returning({ id: signInTokens.id })
  return rows.length === 1
}

export async function insertSession(
  db: Db,
  values: { tokenHash: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null; passkeyPending: boolean },
) {
  await db.insert(sessions).values(values)
}

export async function recordSignIn(db: Db, userId: string, at: Date) {
  await db.update(users).set({ lastSignInAt: at }).where(eq(users.id, userId))
}

/** A live session's columns and its person's memberships (every request of a signed-in person needs them). */
export const liveSessionColumns = {
  sessionId: sessions.id,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  ...userColumns,
  memberships: sql<{ schoolId: string; role: SchoolRole }[]>`coalesce((
    select json_agg(json_build_object('schoolId', ${schoolMemberships.schoolId}, 'role', ${schoolMemberships.role}))
    from ${schoolMemberships} where ${schoolMemberships.userId} = ${users.id}), '[]'::json)`,
}

/** The session behind `tokenHash`, unexpired at `now`; its person must also be `enabledUser`. */
// A session whose passkey step is still owed is nobody's yet (decision 160): every reader of sessions goes through here.
export const liveSessionCondition = (tokenHash: SQLWrapper, now: SQLWrapper) =>
  and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(sessions.passkeyPending, false))
export const enabledUser = isNull(users.disabledAt)

// Every request of a signed-in person starts here, so it is a prepared statement (src/db/prepared.ts).
const liveSession = preparedPer((db) =>
  db.select(liveSessionColumns).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(and(liveSessionCondition(sql.placeholder('tokenHash'), sql`${sql.placeholder('now')}::timestamptz`), enabledUser)).prepare('find_live_session'),
)

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await liveSession(db).execute({ tokenHash, now: now.toISOString() })
  return row
}

export async function touchSession(db: Db, sessionId: string, now: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, sessionId))
}

export async function deleteSession(db: Db, tokenHash: string) {
  const rows = await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).returning({ userId: sessions.userId })
  return rows[0]
}

export async function membershipsOf(db: Db, userId: string) {
  return db
    .select({ schoolId: schoolMemberships.schoolId, role: schoolMemberships.role })
    .from(schoolMemberships)
    .where(eq(schoolMemberships.userId, userId))
}

export async function countUsers(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users)
  return row?.n ?? 0
}

/** Makes this person the school's leader, whatever role they held there before. */
export async function upsertLeadership(db: Db, schoolId: string, userId: string) {
  await db.insert(schoolMemberships).values({ schoolId, userId, role: 'leader' })
    .onConflictDoUpdate({ target: [schoolMemberships.schoolId, schoolMemberships.userId], set: { role: 'leader' } })
}
