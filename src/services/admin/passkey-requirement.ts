import type { Db } from '../../db/client'
import { findAccount } from '../../db/queries/account-admin'
import { deletePasskeysOf, passkeysRequired, setPasskeysRequired } from '../../db/queries/passkeys'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { assertCan, notFound } from '../errors'

type Ctx = { db: Db; actor: Actor; ip: string | null; now?: Date }

export async function passkeyRequirement(db: Db, actor: Actor): Promise<boolean> {
  assertCan(actor, 'accounts.manage')
  return passkeysRequired(db)
}

/**
 * Requiring passkeys takes effect at each person's next sign-in: sessions already open stay open, so nobody is
 * thrown out mid-task; "sign out everywhere" on an account ends them when that matters (decision 162).
 */
export async function setPasskeyRequirement(ctx: Ctx, required: boolean) {
  assertCan(ctx.actor, 'passkeys.require')
  const now = ctx.now ?? new Date()
  await ctx.db.transaction(async (tx) => {
    if ((await passkeysRequired(tx)) === required) return
    await setPasskeysRequired(tx, required, ctx.actor.kind === 'user' ? ctx.actor.userId : null, now)
    await recordAudit(tx, ctx.actor, required ? 'passkeys.required' : 'passkeys.not-required', {}, { ip: ctx.ip })
  })
}

/** A lost authenticator: the admin removes the person's passkeys; their next sign-in asks for a new one if required. */
export async function removeAccountPasskeys(ctx: Ctx, userId: string): Promise<number> {
  assertCan(ctx.actor, 'accounts.manage')
  return ctx.db.transaction(async (tx) => {
    const account = (await findAccount(tx, userId, ctx.now ?? new Date())) ?? notFound('account')
    const removed = await deletePasskeysOf(tx, userId)
    if (removed > 0) await recordAudit(tx, ctx.actor, 'account.passkeys-removed', { subject: account.email, details: { removed } }, { ip: ctx.ip })
    return removed
  })
}
