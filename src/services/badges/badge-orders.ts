import type { Db } from '../../db/client'
import { findOrder, findOrderOf, insertOrderOnce, markOrderWaived, type BadgeOrder } from '../../db/queries/badge-orders'
export type { BadgeOrder }
import type { BadgePaymentMethod } from '../../db/schema/badges'
import { INELIGIBLE_MESSAGES } from '../../domain/badges/eligibility'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError } from '../errors'
import { can } from '../../domain/policy/policy'
import type { JobQueue } from '../jobs'
import { loadResponseAccess, type ResponseAccess } from '../responses/response-access'
import { requestBadgeIssue } from './badge-issue-request'
import { eligibilityOf } from './badge-eligibility'

type Ctx = { db: Db; jobs: JobQueue; actor: Actor; ip: string | null }

/** Someone on the team who is not the leader is told who can order, rather than a bare "no access". */
function assertMayOrder(access: ResponseAccess) {
  if (!can(access.actor, 'badge.order', { schoolId: access.schoolId })) throw new AppError('forbidden', 'Only your school’s leader can order its badge.', 403)
}

export type OrderInput = {
  billingName: string
  billingEmail: string
  billingAddress: string
  poNumber: string | null
  paymentMethod: BadgePaymentMethod
}

/**
 * The badge page of one school's response (its cycle): the order if there is one, else whether the leader may
 * place one and why not. Another school's response is a 404 (loadResponseAccess); someone on the team who is not
 * the leader is refused (403).
 */
export async function badgeOrderPage(db: Db, actor: Actor, responseId: string) {
  const access = await loadResponseAccess(db, actor, responseId)
  assertMayOrder(access)
  const order = await findOrderOf(db, access.cycleId, access.schoolId)
  const { eligibility, offer } = await eligibilityOf(db, access)
  return {
    access, order: order ?? null, eligibility, offer: offer ?? null,
    refusal: eligibility.eligible ? null : INELIGIBLE_MESSAGES[eligibility.reason],
  }
}

export type BadgeOrderPage = Awaited<ReturnType<typeof badgeOrderPage>>

/**
 * Places the school's one order for the cycle. A second attempt (double click, two tabs, two requests at once)
 * inserts nothing and returns the order that exists: the unique index on (cycle, school) decides. A badge with no
 * fee needs no payment: the order is waived at once and its badge requested.
 */
export async function placeBadgeOrder(ctx: Ctx, responseId: string, input: OrderInput, now = new Date()): Promise<{ order: BadgeOrder; created: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const access = await loadResponseAccess(tx, ctx.actor, responseId)
    assertMayOrder(access)
    const existing = await findOrderOf(tx, access.cycleId, access.schoolId)
    if (existing) return { order: existing, created: false }
    const { eligibility } = await eligibilityOf(tx, access)
    if (!eligibility.eligible) throw new AppError('badge.not_eligible', INELIGIBLE_MESSAGES[eligibility.reason], 409)
    const id = await insertOrderOnce(tx, {
      cycleId: access.cycleId, schoolId: access.schoolId, feeCents: eligibility.feeCents, orderedBy: access.actor.userId,
      ...input, paymentMethod: eligibility.feeCents === 0 ? 'invoice' : input.paymentMethod,
    })
    if (id === null) return { order: (await findOrderOf(tx, access.cycleId, access.schoolId))!, created: false }
    await recordAudit(tx, access.actor, 'badge.ordered', { schoolId: access.schoolId, subject: id, details: { method: input.paymentMethod, feeCents: eligibility.feeCents } }, { ip: ctx.ip })
    if (eligibility.feeCents === 0) {
      await markOrderWaived(tx, id, { reason: 'No fee: this round’s badge is free.', at: now, by: null })
      await requestBadgeIssue({ db: tx, jobs: ctx.jobs }, id)
    }
    return { order: (await findOrder(tx, id))!, created: true }
  })
}

/** The order behind a school's badge page, for its invoice or card payment: the leader's own school only. */
export async function schoolOrder(db: Db, actor: Actor, responseId: string): Promise<{ access: ResponseAccess; order: BadgeOrder }> {
  const access = await loadResponseAccess(db, actor, responseId)
  assertMayOrder(access)
  const order = (await findOrderOf(db, access.cycleId, access.schoolId)) ?? (() => { throw new AppError('not_found', 'Your school has not ordered this badge yet.', 404) })()
  return { access, order }
}

export type BadgeCard = { eligible: true; orderStatus: BadgeOrder['status'] | null } | { eligible: false; reason: string }

/**
 * The badge line of a cycle on the leader's My school: shown only when the cycle offers a badge for the school's
 * discipline and the response is submitted. Null otherwise (nothing to say yet).
 */
export async function badgeCardOf(db: Db, actor: Actor, responseId: string): Promise<BadgeCard | null> {
  const access = await loadResponseAccess(db, actor, responseId)
  if (access.status !== 'submitted' || access.role !== 'leader') return null
  const { eligibility, offer } = await eligibilityOf(db, access)
  if (!offer?.fees.some((f) => f.discipline === access.discipline)) return null
  if (!eligibility.eligible) return { eligible: false, reason: INELIGIBLE_MESSAGES[eligibility.reason] }
  return { eligible: true, orderStatus: (await findOrderOf(db, access.cycleId, access.schoolId))?.status ?? null }
}
