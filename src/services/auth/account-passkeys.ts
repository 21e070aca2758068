import type { Db } from '../../db/client'
import { deletePasskeyOf, findPasskeyOf, listPasskeys, lockUser, passkeysRequired, secondStepFactsOf } from '../../db/queries/passkeys'
import { checkPasskeyRemoval } from '../../domain/auth/passkey-rules'
import { can, isSignedIn } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { assertCan, notFound, signInRequired } from '../errors'
import { registrationOptions, type RelyingParty } from './passkey-ceremonies'
import { addVerifiedPasskey, type StepOutcome } from './passkey-step'

// "Your account": the signed-in person's own passkeys. Adding one is for program staff (policy); anyone may
// remove their own, within the rule that keeps the last one while admins require it.

const signedInUser = (actor: Actor) => (isSignedIn(actor) ? actor : signInRequired())

export async function yourAccount(db: Db, actor: Actor) {
  const user = signedInUser(actor)
  return { mayAddPasskeys: can(user, 'passkey.register'), passkeys: await listPasskeys(db, user.userId), required: await passkeysRequired(db) }
}

export type YourAccount = Awaited<ReturnType<typeof yourAccount>>

/** The options for a new passkey, with a challenge kept for this browser session. */
export async function newPasskeyOptions(db: Db, rp: RelyingParty, actor: Actor, sessionToken: string, now = new Date()) {
  assertCan(actor, 'passkey.register')
  const user = signedInUser(actor)
  return db.transaction((tx) => registrationOptions(tx, rp, sessionToken, user, now))
}

type Ctx = { db: Db; actor: Actor; ip: string | null; now?: Date }

export async function addPasskey(ctx: Ctx & { rp: RelyingParty; sessionToken: string }, response: unknown, nickname: string | undefined): Promise<StepOutcome> {
  assertCan(ctx.actor, 'passkey.register')
  const user = signedInUser(ctx.actor)
  return ctx.db.transaction((tx) => addVerifiedPasskey(tx, ctx.rp, ctx.sessionToken, user, response, nickname, ctx.ip, ctx.now ?? new Date()))
}

/** One of the person's own passkeys, for the confirmation page; someone else's is not found. */
export async function ownPasskey(db: Db, actor: Actor, passkeyId: string) {
  const user = signedInUser(actor)
  const passkey = (await findPasskeyOf(db, user.userId, passkeyId)) ?? notFound('passkey')
  return { id: passkey.id, nickname: passkey.nickname, createdAt: passkey.createdAt, lastUsedAt: passkey.lastUsedAt }
}

export async function removeOwnPasskey(ctx: Ctx, passkeyId: string): Promise<{ ok: true; nickname: string } | { ok: false; message: string }> {
  const user = signedInUser(ctx.actor)
  return ctx.db.transaction(async (tx) => {
    await lockUser(tx, user.userId)
    if (!(await findPasskeyOf(tx, user.userId, passkeyId))) notFound('passkey')
    const verdict = checkPasskeyRemoval(await secondStepFactsOf(tx, user.userId))
    if (!verdict.ok) return verdict
    const removed = (await deletePasskeyOf(tx, user.userId, passkeyId))!
    await recordAudit(tx, user, 'passkey.removed', { subject: user.email, details: { passkey: removed.nickname } }, { ip: ctx.ip })
    return { ok: true, nickname: removed.nickname }
  })
}
