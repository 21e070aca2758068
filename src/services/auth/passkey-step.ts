import type { Db } from '../../db/client'
import { completeSecondStep, findPendingSession, insertPasskey, secondStepFactsOf } from '../../db/queries/passkeys'
import { passkeyNickname, secondStepFor, type PasskeyFailure } from '../../domain/auth/passkey-rules'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { authenticationOptions, registrationOptions, verifyNewPasskey, verifyPasskeyAnswer, type RelyingParty } from './passkey-ceremonies'
import { hashToken } from './tokens'

// The second step after the e-mailed link, for a session that is pending (decision 160). Only these use cases
// see a pending session; everything else treats it as nobody.

export type PendingSignIn = NonNullable<Awaited<ReturnType<typeof findPendingSession>>>

export async function pendingSignInFor(db: Db, sessionToken: string | undefined, now = new Date()): Promise<PendingSignIn | null> {
  return sessionToken ? ((await findPendingSession(db, hashToken(sessionToken), now)) ?? null) : null
}

const actorOf = (p: PendingSignIn): Extract<Actor, { kind: 'user' }> => ({ kind: 'user', userId: p.userId, email: p.email, name: p.name, programRole: p.programRole, memberships: [] })

export type StepPage =
  | { step: 'use'; options: Awaited<ReturnType<typeof authenticationOptions>> }
  | { step: 'register'; options: Awaited<ReturnType<typeof registrationOptions>> }
  | { step: 'none' }

/**
 * What the pending person must do now, with a fresh challenge. If nothing is owed any more (an admin removed
 * their role or their passkeys meanwhile, and passkeys are not required), the session simply becomes theirs.
 */
export async function secondStepPage(db: Db, rp: RelyingParty, pending: PendingSignIn, sessionToken: string, now = new Date()): Promise<StepPage> {
  return db.transaction(async (tx) => {
    const step = secondStepFor(await secondStepFactsOf(tx, pending.userId))
    if (step === 'use') return { step, options: await authenticationOptions(tx, rp, sessionToken, pending.userId, now) }
    if (step === 'register') return { step, options: await registrationOptions(tx, rp, sessionToken, pending, now) }
    await completeSecondStep(tx, pending.sessionId)
    return { step }
  })
}

export type StepOutcome = { ok: true } | { ok: false; reason: PasskeyFailure }
type StepCtx = { db: Db; rp: RelyingParty; pending: PendingSignIn; sessionToken: string; ip: string | null; now?: Date }

/** Signs the pending session in with one of the person's passkeys; a refusal is audited with its reason. */
export async function completeWithPasskey(ctx: StepCtx, response: unknown): Promise<StepOutcome> {
  const now = ctx.now ?? new Date()
  return ctx.db.transaction(async (tx) => {
    const answer = await verifyPasskeyAnswer(tx, ctx.rp, ctx.sessionToken, ctx.pending.userId, response, now)
    if (!answer.ok) {
      await recordAudit(tx, actorOf(ctx.pending), 'passkey.failed', { subject: ctx.pending.email, details: { reason: answer.reason, step: 'sign-in' } }, { ip: ctx.ip })
      return answer
    }
    await completeSecondStep(tx, ctx.pending.sessionId)
    await recordAudit(tx, actorOf(ctx.pending), 'passkey.used', { subject: ctx.pending.email, details: { passkey: answer.nickname } }, { ip: ctx.ip })
    return { ok: true }
  })
}

/** Passkeys are required and the person has none: their first one, made now, completes the sign-in. */
export async function completeWithNewPasskey(ctx: StepCtx, response: unknown, nickname: string | undefined): Promise<StepOutcome> {
  const now = ctx.now ?? new Date()
  return ctx.db.transaction(async (tx) => {
    const added = await addVerifiedPasskey(tx, ctx.rp, ctx.sessionToken, actorOf(ctx.pending), response, nickname, ctx.ip, now)
    if (!added.ok) return added
    await completeSecondStep(tx, ctx.pending.sessionId)
    return { ok: true }
  })
}

/**
 * Verifies a new credential and stores it for the actor, auditing the addition or the refusal. The caller's
 * transaction: the account page and the required first passkey share it.
 */
export async function addVerifiedPasskey(
  db: Db,
  rp: RelyingParty,
  sessionToken: string,
  actor: Extract<Actor, { kind: 'user' }>,
  response: unknown,
  nickname: string | undefined,
  ip: string | null,
  now: Date,
): Promise<StepOutcome> {
  const verified = await verifyNewPasskey(db, rp, sessionToken, response, now)
  const name = passkeyNickname(nickname, now)
  const reason = !verified.ok ? verified.reason : (await insertPasskey(db, { ...verified.passkey, userId: actor.userId, nickname: name })) ? null : 'already-registered'
  if (reason) {
    await recordAudit(db, actor, 'passkey.failed', { subject: actor.email, details: { reason, step: 'add' } }, { ip })
    return { ok: false, reason }
  }
  await recordAudit(db, actor, 'passkey.added', { subject: actor.email, details: { passkey: name } }, { ip })
  return { ok: true }
}
