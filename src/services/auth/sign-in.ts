import type { Db } from '../../db/client'
import {
  consumeSignInToken,
  findSignInToken,
  findUserByEmail,
  insertSignInToken,
} from '../../db/queries/accounts'
import { countRecentEvents, insertEvents } from '../../db/queries/rate-limits'
import {
  SIGN_IN_LINK_TTL_MS,
  SIGN_IN_RATE_LIMITS,
  normalizeEmail,
  safeNextPath,
  signInLinkState,
  type LinkState,
} from '../../domain/auth/sign-in-rules'
import { signInMail } from '../../mail/templates'
import type { JobQueue } from '../jobs'
import { queueMail } from '../mail/outbox'
import { startSession } from './sessions'
import { hashToken, newSecretToken } from './tokens'

export type LinkRequest = { email: string; ip: string | null; nextPath?: string | null }
export type LinkRequestOutcome = { outcome: 'sent' } | { outcome: 'rate-limited'; retryAfterMinutes: number }

/**
 * Answers the same way whether or not the address has an account, so the form cannot be used to find out who
 * has one. Limits count every request, known address or not, per address and per IP.
 */
export async function requestSignInLink(
  db: Db,
  jobs: JobQueue,
  baseUrl: string,
  request: LinkRequest,
  now = new Date(),
): Promise<LinkRequestOutcome> {
  const email = normalizeEmail(request.email)
  return db.transaction(async (tx) => {
    const limits = [
      { bucket: `sign-in:address:${email}`, ...SIGN_IN_RATE_LIMITS.perAddress },
      ...(request.ip ? [{ bucket: `sign-in:ip:${request.ip}`, ...SIGN_IN_RATE_LIMITS.perIp }] : []),
    ]
    for (const limit of limits) {
      const recent = await countRecentEvents(tx, limit.bucket, new Date(now.getTime() - limit.windowMs))
      if (recent >= limit.max) return { outcome: 'rate-limited', retryAfterMinutes: Math.ceil(limit.windowMs / 60_000) }
    }
    await insertEvents(tx, limits.map((l) => l.bucket), now)

    const user = await findUserByEmail(tx, email)
    if (!user || user.disabledAt) return { outcome: 'sent' }
    const link = await createSignInLink(tx, baseUrl, { userId: user.id, nextPath: request.nextPath, ip: request.ip }, now)
    await queueMail(tx, jobs, 'sign-in', email, signInMail(link, SIGN_IN_LINK_TTL_MS / 60_000))
    return { outcome: 'sent' }
  })
}

/**
 * Makes a single-use link; the caller decides how it reaches its owner (e-mail, or the operator's console).
 * `ttlMs` lets a team invitation live longer than a requested sign-in link.
 */
export async function createSignInLink(
  db: Db,
  baseUrl: string,
  who: { userId: string; nextPath?: string | null | undefined; ip?: string | null; ttlMs?: number },
  now: Date,
): Promise<string> {
  const { token, hash } = newSecretToken()
  await insertSignInToken(db, {
    tokenHash: hash,
    userId: who.userId,
    nextPath: safeNextPath(who.nextPath),
    requestedIp: who.ip ?? null,
    expiresAt: new Date(now.getTime() + (who.ttlMs ?? SIGN_IN_LINK_TTL_MS)),
  })
  return `${baseUrl}/sign-in/link?token=${token}`
}

/** Looks at a link without using it up: mail scanners that open links must not sign anyone in. */
export async function inspectSignInLink(db: Db, token: string, now = new Date()): Promise<{ state: LinkState; email?: string }> {
  const link = await findSignInToken(db, hashToken(token))
  return { state: signInLinkState(link, now), ...(link ? { email: link.email } : {}) }
}

export type SignInResult =
  | { ok: true; sessionToken: string; expiresAt: Date; passkeyPending: boolean; nextPath: string | null }
  | { ok: false; state: Exclude<LinkState, 'valid'>; email?: string }

export async function completeSignIn(
  db: Db,
  token: string,
  client: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<SignInResult> {
  return db.transaction(async (tx) => {
    const link = await findSignInToken(tx, hashToken(token))
    const state = signInLinkState(link, now)
    if (!link || state !== 'valid' || !(await consumeSignInToken(tx, link.id, now))) {
      return { ok: false, state: state === 'valid' ? 'used' : state, ...(link ? { email: link.email } : {}) }
    }
    const session = await startSession(tx, { userId: link.userId, email: link.email }, client, now)
    return { ok: true, ...session, nextPath: safeNextPath(link.nextPath) }
  })
}
