import type { Db } from '../../db/client'
import { findOrder, markOrderPaid, markOrderWaived } from '../../db/queries/badge-orders'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import type { JobQueue } from '../jobs'
import { requestBadgeIssue } from './badge-issue-request'

type Ctx = { db: Db; jobs: JobQueue; actor: Actor; ip: string | null }
export type SettleOutcome = { ok: true } | { ok: false; message: string }

const notAwaiting = () => new AppError('badge.order_settled', 'This order is no longer awaiting payment, so nothing was changed.', 409)

/**
 * The program team records an invoice as paid, with its reference (cheque, transfer). Only an order awaiting
 * payment changes, so a second click, or a card payment that got there first, changes nothing. The badge is
 * requested in the same transaction.
 */
export async function markBadgeOrderPaid(ctx: Ctx, orderId: string, reference: string, now = new Date()): Promise<SettleOutcome> {
  return ctx.db.transaction(async (tx) => {
    assertCan(ctx.actor, 'badge.manage')
    const order = (await findOrder(tx, orderId)) ?? notFound('order')
    const trimmed = reference.trim()
    if (trimmed.length < 2 || trimmed.length > 200) return { ok: false, message: 'Enter the payment’s reference (a cheque number or bank transfer reference).' }
    if (!(await markOrderPaid(tx, order.id, { reference: trimmed, at: now, by: ctx.actor.kind === 'user' ? ctx.actor.userId : null }))) throw notAwaiting()
    await recordAudit(tx, ctx.actor, 'badge.order-marked-paid', { schoolId: order.schoolId, subject: order.id, details: { reference: trimmed } }, { ip: ctx.ip })
    await requestBadgeIssue({ db: tx, jobs: ctx.jobs }, order.id)
    return { ok: true }
  })
}

/** The program team waives the fee, saying why; the badge is then issued as if paid. */
export async function waiveBadgeOrder(ctx: Ctx, orderId: string, reason: string, now = new Date()): Promise<SettleOutcome> {
  return ctx.db.transaction(async (tx) => {
    assertCan(ctx.actor, 'badge.manage')
    const order = (await findOrder(tx, orderId)) ?? notFound('order')
    const trimmed = reason.trim()
    if (trimmed.length < 5 || trimmed.length > 500) return { ok: false, message: 'Say why the fee is waived (at least a few words).' }
    if (!(await markOrderWaived(tx, order.id, { reason: trimmed, at: now, by: ctx.actor.kind === 'user' ? ctx.actor.userId : null }))) throw notAwaiting()
    await recordAudit(tx, ctx.actor, 'badge.order-waived', { schoolId: order.schoolId, subject: order.id, details: { reason: trimmed } }, { ip: ctx.ip })
    await requestBadgeIssue({ db: tx, jobs: ctx.jobs }, order.id)
    return { ok: true }
  })
}
