import type { Db } from '../../db/client'
import { cyclesWithOffers, findOffer, saveOffer } from '../../db/queries/badge-offers'
import { findOrder, listOrders, orderStatusCounts } from '../../db/queries/badge-orders'
import { findCycle } from '../../db/queries/cycles'
import type { BadgeOrderStatus } from '../../db/schema/badges'
import { formatDollars, invoiceNumberOf } from '../../domain/badges/badge-money'
import type { Actor } from '../../domain/policy/roles'
import type { Discipline } from '../../domain/school/school-facts'
import { recordAudit } from '../audit'
import { csvWithBom } from '../csv-files'
import { AppError, assertCan, notFound } from '../errors'
import { pageSlice } from '../../domain/paging/page-slice'

// The program team's badge console (/admin/badges): offers per cycle, orders, invoices and the orders CSV.

export const ORDER_STATUSES: readonly BadgeOrderStatus[] = ['awaiting_payment', 'paid', 'waived', 'issued', 'revoked']

/** Offers per cycle, the order counts per status (one aggregate) and one page of the orders (decision 163). */
export async function badgeConsole(db: Db, actor: Actor, filter: { status?: BadgeOrderStatus | undefined }, page: number) {
  assertCan(actor, 'badge.manage')
  const [cycles, counted] = await Promise.all([cyclesWithOffers(db), orderStatusCounts(db)])
  const counts = new Map(counted.map((c) => [c.status, c.n]))
  const slice = pageSlice(page, filter.status ? (counts.get(filter.status) ?? 0) : counted.reduce((n, c) => n + c.n, 0))
  const orders = await listOrders(db, filter.status ? { status: filter.status } : {}, slice)
  return { cycles, orders, counts, slice, status: filter.status ?? null }
}

export type BadgeConsole = Awaited<ReturnType<typeof badgeConsole>>

/** The offer form of one cycle: its disciplines, the offer if any, and the default validity (decision 123). */
export async function offerForm(db: Db, actor: Actor, cycleId: string) {
  assertCan(actor, 'badge.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  if (cycle.kind !== 'live') throw new AppError('badge.historical', 'A past round imported from its records offers no badge.', 409)
  return { cycle, offer: (await findOffer(db, cycleId)) ?? null, defaults: defaultValidity(cycle.deadlineAt) }
}

export type OfferForm = Awaited<ReturnType<typeof offerForm>>

/** A badge is valid from the day the round closes for two years, unless the program team says otherwise. */
export function defaultValidity(deadlineAt: Date) {
  const from = new Date(Date.UTC(deadlineAt.getUTCFullYear(), deadlineAt.getUTCMonth(), deadlineAt.getUTCDate()))
  const until = new Date(Date.UTC(from.getUTCFullYear() + 2, from.getUTCMonth(), from.getUTCDate()))
  return { validFrom: from, validUntil: until }
}

export type OfferInput = { validFrom: Date; validUntil: Date; fees: { discipline: Discipline; feeCents: number }[] }

/** Saves a cycle's offer (every discipline left out is not offered). Validated by the route; the cycle's disciplines here. */
export async function saveBadgeOffer(db: Db, actor: Actor, cycleId: string, input: OfferInput, ip: string | null) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'badge.manage')
    const cycle = (await findCycle(tx, cycleId)) ?? notFound('cycle')
    if (cycle.kind !== 'live') throw new AppError('badge.historical', 'A past round imported from its records offers no badge.', 409)
    const outside = input.fees.filter((f) => !cycle.disciplines.includes(f.discipline))
    if (outside.length > 0) throw new AppError('badge.discipline', 'A badge can be offered only for the disciplines this cycle covers.', 422)
    await saveOffer(tx, cycleId, { ...input, by: actor.kind === 'user' ? actor.userId : null })
    await recordAudit(tx, actor, 'badge.offer-saved', {
      subject: cycleId,
      details: { cycle: cycle.title, fees: Object.fromEntries(input.fees.map((f) => [f.discipline, f.feeCents])), validFrom: input.validFrom, validUntil: input.validUntil },
    }, { ip })
  })
}

export async function orderForAdmin(db: Db, actor: Actor, orderId: string) {
  assertCan(actor, 'badge.manage')
  return (await findOrder(db, orderId)) ?? notFound('order')
}

/** Every order as CSV for the finance team; cells a spreadsheet would run are neutralised. Audited. */
export async function ordersCsv(db: Db, actor: Actor, filter: { status?: BadgeOrderStatus | undefined }, ip: string | null) {
  assertCan(actor, 'badge.manage')
  const orders = await listOrders(db, { status: filter.status })
  await recordAudit(db, actor, 'badge.orders-exported', { details: { status: filter.status ?? 'all', rows: orders.length } }, { ip })
  return csvWithBom(
    ['invoice_number', 'ordered_at', 'cycle', 'school', 'discipline', 'fee_usd', 'method', 'status', 'billing_name', 'billing_email', 'billing_address', 'po_number', 'paid_at', 'payment_reference', 'waived_at', 'waive_reason'],
    orders.map((o) => [
      invoiceNumberOf(o.invoiceNumber, o.orderedAt), o.orderedAt, o.cycleTitle, o.schoolName, o.discipline, formatDollars(o.feeCents).slice(1).replace(/,/g, ''),
      o.paymentMethod, o.status, o.billingName, o.billingEmail, o.billingAddress, o.poNumber, o.paidAt, o.paymentReference, o.waivedAt, o.waiveReason,
    ]),
  )
}

/** An invoice download, by the program team or the school's leader; audited either way. */
export async function auditInvoiceDownload(db: Db, actor: Actor, order: { id: string; schoolId: string }, ip: string | null) {
  await recordAudit(db, actor, 'badge.invoice-downloaded', { schoolId: order.schoolId, subject: order.id }, { ip })
}
