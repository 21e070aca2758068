import type { Db } from '../../db/client'
import { deleteSession, findLiveSession, insertSession, recordSignIn, touchSession } from '../../db/queries/accounts'
import { secondStepFactsOf } from '../../db/queries/passkeys'
import { secondStepFor } from '../../domain/auth/passkey-rules'
import { SESSION_TOUCH_MS, sessionExpiry } from '../../domain/auth/sign-in-rules'
import { ANONYMOUS, type Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { hashToken, newSecretToken } from './tokens'

/** Who is behind a session cookie. Refreshes the session at most once an hour, to spare a write per request. */
export async function actorForSession(db: Db, sessionToken: string | undefined, now = new Date()): Promise<Actor> {
  if (!sessionToken) return ANONYMOUS
  const session = await findLiveSession(db, hashToken(sessionToken), now)
  return session ? actorOfLiveSession(db, session, now) : ANONYMOUS
}

export type LiveSession = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>

/** The actor of a session found live (by `findLiveSession` or together with what a request serves). */
export async function actorOfLiveSession(db: Db, session: LiveSession, now: Date): Promise<Actor> {
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await touchSession(db, session.sessionId, now, sessionExpiry(session.createdAt, now))
  }
  return {
    kind: 'user',
    userId: session.id,
    email: session.email,
    name: session.name,
    programRole: session.programRole,
    memberships: session.memberships,
  }
}

export async function signOut(db: Db, sessionToken: string | undefined, actor: Actor, ip: string | null) {
  if (!sessionToken) return
  await db.transaction(async (tx) => {
    if (await deleteSession(tx, hashToken(sessionToken))) await recordAudit(tx, actor, 'auth.signed-out', {}, { ip })
  })
}

export type Client = { ip: string | null; userAgent: string | null }

/**
 * Signs a person in after they proved who they are (a sign-in link, an invitation link): a new session, the
 * sign-in time and an audit row, in the caller's transaction. Returns the cookie's token, never stored.
 * Program staff who owe a passkey get a pending session: nobody's until the passkey step (decision 160), which
 * every caller's next page reaches through the sign-in redirect.
 */
export async function startSession(db: Db, who: { userId: string; email: string }, client: Client, now: Date) {
  const session = newSecretToken()
  const expiresAt = sessionExpiry(now, now)
  const passkeyPending = secondStepFor(await secondStepFactsOf(db, who.userId)) !== 'none'
  await insertSession(db, { tokenHash: session.hash, userId: who.userId, expiresAt, ip: client.ip, userAgent: client.userAgent, passkeyPending })
  await recordSignIn(db, who.userId, now)
  await recordAudit(
    db,
    { kind: 'user', userId: who.userId, email: who.email, name: null, programRole: null, memberships: [] },
    'auth.signed-in',
    passkeyPending ? { details: { passkeyStep: 'owed' } } : {},
    { ip: client.ip },
  )
  return { sessionToken: session.token, expiresAt, passkeyPending }
}
