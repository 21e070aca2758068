import type { Db } from '../../db/client'
import { deleteSession, findLiveSession, membershipsOf, touchSession } from '../../db/queries/accounts'
import { SESSION_TOUCH_MS, sessionExpiry } from '../../domain/auth/sign-in-rules'
import { ANONYMOUS, type Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { hashToken } from './tokens'

/** Who is behind a session cookie. Refreshes the session at most once an hour, to spare a write per request. */
export async function actorForSession(db: Db, sessionToken: string | undefined, now = new Date()): Promise<Actor> {
  if (!sessionToken) return ANONYMOUS
  const session = await findLiveSession(db, hashToken(sessionToken), now)
  if (!session) return ANONYMOUS
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await touchSession(db, session.sessionId, now, sessionExpiry(session.createdAt, now))
  }
  return {
    kind: 'user',
    userId: session.id,
    email: session.email,
    name: session.name,
    programRole: session.programRole,
    memberships: await membershipsOf(db, session.id),
  }
}

export async function signOut(db: Db, sessionToken: string | undefined, actor: Actor, ip: string | null) {
  if (!sessionToken) return
  await db.transaction(async (tx) => {
    if (await deleteSession(tx, hashToken(sessionToken))) await recordAudit(tx, actor, 'auth.signed-out', {}, { ip })
  })
}
