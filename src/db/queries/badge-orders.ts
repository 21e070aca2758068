import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { users } from '../schema/accounts'
import { badgeOrders as o, stripeEvents, type BadgeOrderStatus, type BadgePaymentMethod } from '../schema/badges'
import { cycles } from '../schema/cycles'
import { schools } from '../schema/schools'

export type OrderInsert = {
  cycleId: string; schoolId: string; paymentMethod: BadgePaymentMethod; feeCents: number
  billingName: string; billingEmail: string; billingAddress: string; poNumber: string | null
  /** Null for an order the program team took on the school's behalf (a paper order, the demo's). */
  orderedBy: string | null
}

/**
 * Inserts the school's one order for the cycle, or nothing when it already has one (a double click, two tabs,
 * two leaders at once): the unique index decides, and the caller reads whichever row won.
 */
export async function insertOrderOnce(db: Db, values: OrderInsert): Promise<string | null> {
  const rows = await db.insert(o).values(values).onConflictDoNothing({ target: [o.cycleId, o.schoolId] }).returning({ id: o.id })
  return rows[0]?.id ?? null
}

const orderFacts = {
  id: o.id, cycleId: o.cycleId, schoolId: o.schoolId, status: o.status, paymentMethod: o.paymentMethod, feeCents: o.feeCents,
  invoiceNumber: o.invoiceNumber, billingName: o.billingName, billingEmail: o.billingEmail, billingAddress: o.billingAddress,
  poNumber: o.poNumber, orderedAt: o.orderedAt, paidAt: o.paidAt, paymentReference: o.paymentReference, waivedAt: o.waivedAt,
  waiveReason: o.waiveReason, stripeSessionId: o.stripeSessionId,
  schoolName: schools.name, discipline: schools.discipline, cycleTitle: cycles.title, cycleDeadlineAt: cycles.deadlineAt,
  orderedByEmail: users.email,
}

const ordersQuery = (db: Db) =>
  db.select(orderFacts).from(o).innerJoin(schools, eq(schools.id, o.schoolId)).innerJoin(cycles, eq(cycles.id, o.cycleId)).leftJoin(users, eq(users.id, o.orderedBy))

export async function findOrder(db: Db, id: string) {
  const [row] = await ordersQuery(db).where(eq(o.id, id))
  return row
}

export async function findOrderOf(db: Db, cycleId: string, schoolId: string) {
  const [row] = await ordersQuery(db).where(and(eq(o.cycleId, cycleId), eq(o.schoolId, schoolId)))
  return row
}

export type BadgeOrder = NonNullable<Awaited<ReturnType<typeof findOrder>>>

/** Every order, newest first, optionally of one status and one cycle: the console's list and its CSV. */
/** The orders, newest first: every one (the CSV) or one page of them (the console). */
export function listOrders(db: Db, filter: { status?: BadgeOrderStatus; cycleId?: string } = {}, page?: { limit: number; offset: number }) {
  const query = ordersQuery(db)
    .where(and(filter.status ? eq(o.status, filter.status) : undefined, filter.cycleId ? eq(o.cycleId, filter.cycleId) : undefined))
    .orderBy(desc(o.orderedAt), asc(schools.name), asc(o.id))
  return page ? query.limit(page.limit).offset(page.offset) : query
}

/** Awaiting payment → paid. False when the order was no longer awaiting payment: nothing changed. */
export async function markOrderPaid(db: Db, id: string, paid: { reference: string; at: Date; by: string | null }) {
  const rows = await db.update(o).set({ status: 'paid', paidAt: paid.at, paymentReference: paid.reference, settledBy: paid.by })
    .where(and(eq(o.id, id), eq(o.status, 'awaiting_payment'))).returning({ id: o.id })
  return rows.length === 1
}

/** Awaiting payment → waived, with the reason. False when the order was no longer awaiting payment. */
export async function markOrderWaived(db: Db, id: string, waived: { reason: string; at: Date; by: string | null }) {
  const rows = await db.update(o).set({ status: 'waived', waivedAt: waived.at, waiveReason: waived.reason, settledBy: waived.by })
    .where(and(eq(o.id, id), eq(o.status, 'awaiting_payment'))).returning({ id: o.id })
  return rows.length === 1
}

export async function setStripeSession(db: Db, id: string, sessionId: string) {
  await db.update(o).set({ stripeSessionId: sessionId, paymentMethod: 'card' }).where(and(eq(o.id, id), eq(o.status, 'awaiting_payment')))
}

/** Records a Stripe event as handled; false when it was already (a replay). */
export async function claimStripeEvent(db: Db, eventId: string, type: string) {
  const rows = await db.insert(stripeEvents).values({ eventId, type }).onConflictDoNothing().returning({ eventId: stripeEvents.eventId })
  return rows.length === 1
}

/** Orders per status, for the console's filter. */
export function orderStatusCounts(db: Db) {
  return db.select({ status: o.status, n: sql<number>`count(*)::int` }).from(o).groupBy(o.status)
}
