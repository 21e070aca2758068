import type { Db } from '../../src/db/client'
import { badgeOfferFees, badgeOffers, badgeOrders, type BadgeOrderStatus } from '../../src/db/schema/badges'
import type { Discipline } from '../../src/domain/school/school-facts'

// Badge offers and orders written straight to their tables, so issuing tests do not depend on the ordering pages.

export const DAY = 86_400_000

/** A cycle's badge offer: valid from `validFrom` for `days` (default: started yesterday, a year long). */
export async function seedBadgeOffer(db: Db, cycleId: string, options: { validFrom?: Date; validUntil?: Date; disciplines?: Discipline[]; feeCents?: number } = {}) {
  const validFrom = options.validFrom ?? new Date(Date.now() - DAY)
  const validUntil = options.validUntil ?? new Date(validFrom.getTime() + 365 * DAY)
  await db.insert(badgeOffers).values({ cycleId, validFrom, validUntil })
  await db.insert(badgeOfferFees).values((options.disciplines ?? ['md', 'dental']).map((discipline) => ({ cycleId, discipline, feeCents: options.feeCents ?? 25_000 })))
  return { validFrom, validUntil }
}

/** A school's order in a cycle, paid by invoice unless told otherwise. */
export async function seedBadgeOrder(db: Db, options: { cycleId: string; schoolId: string; status?: BadgeOrderStatus }) {
  const status = options.status ?? 'paid'
  const [order] = await db.insert(badgeOrders).values({
    cycleId: options.cycleId, schoolId: options.schoolId, status, paymentMethod: 'invoice', feeCents: 25_000,
    billingName: 'Office of the Dean', billingEmail: 'billing@example.test', billingAddress: '1 College Road\nSpringfield, IL',
    paidAt: status === 'paid' ? new Date() : null, paymentReference: status === 'paid' ? 'CHQ-1' : null,
    waivedAt: status === 'waived' ? new Date() : null,
  }).returning({ id: badgeOrders.id })
  return order!
}
