import type { Db } from '../../db/client'
import { accountSchools, deleteSessionsOf, findAccount, lockEnabledAdmins, setDisabledAt } from '../../db/queries/account-admin'
import { setProgramRole } from '../../db/queries/accounts'
import { listPasskeys } from '../../db/queries/passkeys'
import { checkDisable, checkProgramRoleChange, type AccountChange, type AccountFacts } from '../../domain/auth/account-rules'
import type { Actor, ProgramRole } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { assertCan, notFound } from '../errors'

/** One account for the program team: who, what role, which schools, whether signed in anywhere. */
export async function accountDetail(db: Db, actor: Actor, userId: string, now = new Date()) {
  assertCan(actor, 'accounts.manage')
  const account = (await findAccount(db, userId, now)) ?? notFound('account')
  return { account, schools: await accountSchools(db, userId), passkeys: await listPasskeys(db, userId), isSelf: actor.kind === 'user' && actor.userId === userId }
}

export type AccountDetail = Awaited<ReturnType<typeof accountDetail>>

type Ctx = { db: Db; actor: Actor; ip: string | null; now?: Date }

/** Runs one change on one account in a transaction: loads and locks, checks the rule, applies, audits. */
async function change(ctx: Ctx, userId: string, check: (actorId: string, target: AccountFacts, admins: number) => AccountChange, apply: (db: Db, now: Date) => Promise<{ action: string; details: Record<string, unknown> }>) {
  assertCan(ctx.actor, 'accounts.manage')
  const now = ctx.now ?? new Date()
  return ctx.db.transaction(async (tx) => {
    const admins = await lockEnabledAdmins(tx)
    const account = (await findAccount(tx, userId, now)) ?? notFound('account')
    const actorId = ctx.actor.kind === 'user' ? ctx.actor.userId : ''
    const verdict = check(actorId, { id: account.id, programRole: account.programRole, disabled: account.disabledAt !== null }, admins)
    if (!verdict.ok) return verdict
    const { action, details } = await apply(tx, now)
    await recordAudit(tx, ctx.actor, action, { subject: account.email, details }, { ip: ctx.ip })
    return { ok: true as const }
  })
}

export const changeAccountProgramRole = (ctx: Ctx, userId: string, to: ProgramRole | null) =>
  change(ctx, userId, (actorId, target, admins) => checkProgramRoleChange(actorId, target, to, admins), async (db) => {
    await setProgramRole(db, userId, to)
    return to ? { action: 'account.program-role-granted', details: { role: to } } : { action: 'account.program-role-removed', details: {} }
  })

/** Disabling also ends every session at once: a disabled person is out now, not at their next sign-in. */
export const disableAccount = (ctx: Ctx, userId: string, reason: string) =>
  change(ctx, userId, checkDisable, async (db, now) => {
    await setDisabledAt(db, userId, now)
    return { action: 'account.disabled', details: { reason, sessionsEnded: await deleteSessionsOf(db, userId) } }
  })

export const enableAccount = (ctx: Ctx, userId: string) =>
  change(ctx, userId, (_, target) => (target.disabled ? { ok: true } : { ok: false, message: 'This account is not disabled.' }), async (db) => {
    await setDisabledAt(db, userId, null)
    return { action: 'account.enabled', details: {} }
  })

/** "Sign out everywhere": for a lost laptop or a shared computer; the person can sign in again by e-mail. */
export const signOutEverywhere = (ctx: Ctx, userId: string) =>
  change(ctx, userId, () => ({ ok: true }), async (db) => ({ action: 'account.signed-out-everywhere', details: { sessionsEnded: await deleteSessionsOf(db, userId) } }))
