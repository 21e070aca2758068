import { and, asc, count, eq, gt, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { sessions, users } from '../schema/accounts'
import { PASSKEYS_REQUIRED_SETTING, passkeyChallenges, passkeys, programSettings } from '../schema/passkeys'

export type PasskeyInsert = typeof passkeys.$inferInsert

export function listPasskeys(db: Db, userId: string) {
  return db
    .select({ id: passkeys.id, nickname: passkeys.nickname, transports: passkeys.transports, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt))
}

export async function countPasskeys(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId))
  return row?.n ?? 0
}

/** The credential with its key and counter, only if it belongs to this person. */
export async function findPasskeyOf(db: Db, userId: string, passkeyId: string) {
  const [row] = await db.select().from(passkeys).where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId)))
  return row
}

/** False when the credential id is already registered (to anyone): an authenticator's id is unique. */
export async function insertPasskey(db: Db, values: PasskeyInsert): Promise<boolean> {
  const rows = await db.insert(passkeys).values(values).onConflictDoNothing().returning({ id: passkeys.id })
  return rows.length === 1
}

/**
 * Stores the counter of a successful use, only if it moved forward (or both are 0: authenticators without a
 * counter); false means another request already used a higher one, so this answer is a replay or a clone.
 */
export async function recordPasskeyUse(db: Db, passkeyId: string, counter: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(passkeys)
    .set({ counter, lastUsedAt: at })
    .where(and(eq(passkeys.id, passkeyId), or(lt(passkeys.counter, counter), and(eq(passkeys.counter, 0), sql`${counter} = 0`))))
    .returning({ id: passkeys.id })
  return rows.length === 1
}

export async function deletePasskeyOf(db: Db, userId: string, passkeyId: string) {
  const rows = await db.delete(passkeys).where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId))).returning({ nickname: passkeys.nickname })
  return rows[0]
}

export async function deletePasskeysOf(db: Db, userId: string): Promise<number> {
  return (await db.delete(passkeys).where(eq(passkeys.userId, userId)).returning({ id: passkeys.id })).length
}

/** Locks the person's row, so two removals at once cannot both see "not the last one". */
export async function lockUser(db: Db, userId: string) {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update')
}

const sessionIdOf = (tokenHash: string) => sql`(select ${sessions.id} from ${sessions} where ${sessions.tokenHash} = ${tokenHash})`

/** One open challenge per session and ceremony: a new one replaces the last, and stale ones are swept. */
export async function replaceChallenge(db: Db, tokenHash: string, purpose: 'register' | 'authenticate', challenge: string, now: Date, expiresAt: Date) {
  await db.delete(passkeyChallenges).where(or(and(sql`${passkeyChallenges.sessionId} = ${sessionIdOf(tokenHash)}`, eq(passkeyChallenges.purpose, purpose)), lt(passkeyChallenges.expiresAt, now)))
  await db.insert(passkeyChallenges).values({ sessionId: sessionIdOf(tokenHash), purpose, challenge, expiresAt })
}

/** Takes the session's open challenge for the ceremony, using it up; undefined if none or expired. */
export async function takeChallenge(db: Db, tokenHash: string, purpose: 'register' | 'authenticate', now: Date): Promise<string | undefined> {
  const rows = await db
    .delete(passkeyChallenges)
    .where(and(sql`${passkeyChallenges.sessionId} = ${sessionIdOf(tokenHash)}`, eq(passkeyChallenges.purpose, purpose)))
    .returning({ challenge: passkeyChallenges.challenge, expiresAt: passkeyChallenges.expiresAt })
  const row = rows[0]
  return row && row.expiresAt > now ? row.challenge : undefined
}

export async function passkeysRequired(db: Db): Promise<boolean> {
  const [row] = await db.select({ value: programSettings.value }).from(programSettings).where(eq(programSettings.key, PASSKEYS_REQUIRED_SETTING))
  return row?.value === true
}

export async function setPasskeysRequired(db: Db, required: boolean, by: string | null, at: Date) {
  await db
    .insert(programSettings)
    .values({ key: PASSKEYS_REQUIRED_SETTING, value: required, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: programSettings.key, set: { value: required, updatedAt: at, updatedBy: by } })
}

/** A session signed in by link whose passkey step is owed: who it is, if it is still live and its person enabled. */
export async function findPendingSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ sessionId: sessions.id, userId: users.id, email: users.email, name: users.name, programRole: users.programRole })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(sessions.passkeyPending, true), sql`${users.disabledAt} is null`))
  return row
}

export async function completeSecondStep(db: Db, sessionId: string) {
  await db.update(sessions).set({ passkeyPending: false }).where(eq(sessions.id, sessionId))
}

/** How many passkeys each of these people has, for the account list. */
export async function passkeyCounts(db: Db, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map()
  const rows = await db.select({ userId: passkeys.userId, n: count() }).from(passkeys).where(sql`${passkeys.userId} in ${userIds}`).groupBy(passkeys.userId)
  return new Map(rows.map((r) => [r.userId, r.n]))
}

/** What decides the passkey step at sign-in, in one read: the person's program role, their passkeys, the setting. */
export async function secondStepFactsOf(db: Db, userId: string) {
  const [row] = await db
    .select({
      programRole: users.programRole,
      passkeys: sql<number>`(select count(*)::int from passkeys where passkeys.user_id = users.id)`, // qualified: both tables have an id
      required: sql<boolean>`coalesce((select ${programSettings.value} = 'true'::jsonb from ${programSettings} where ${programSettings.key} = ${PASSKEYS_REQUIRED_SETTING}), false)`,
    })
    .from(users)
    .where(eq(users.id, userId))
  return row ?? { programRole: null, passkeys: 0, required: false }
}
