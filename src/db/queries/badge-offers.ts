import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../client'
import { badgeOfferFees, badgeOffers } from '../schema/badges'
import { cycles } from '../schema/cycles'
import type { Discipline } from '../../domain/school/school-facts'

/** Live cycles with their badge offer, if any, newest first: the console's list. */
export async function cyclesWithOffers(db: Db) {
  const rows = await db
    .select({ id: cycles.id, title: cycles.title, status: cycles.status, disciplines: cycles.disciplines, deadlineAt: cycles.deadlineAt, validFrom: badgeOffers.validFrom, validUntil: badgeOffers.validUntil })
    .from(cycles)
    .leftJoin(badgeOffers, eq(badgeOffers.cycleId, cycles.id))
    .where(and(eq(cycles.kind, 'live'), eq(cycles.pilot, false)))
    .orderBy(desc(cycles.deadlineAt))
  const fees = await offerFees(db, rows.map((r) => r.id))
  return rows.map((r) => ({ ...r, fees: fees.filter((f) => f.cycleId === r.id) }))
}

export function offerFees(db: Db, cycleIds: string[]) {
  if (cycleIds.length === 0) return Promise.resolve([])
  return db.select().from(badgeOfferFees).where(inArray(badgeOfferFees.cycleId, cycleIds)).orderBy(asc(badgeOfferFees.discipline))
}

/** One cycle's offer: its validity and a fee per offered discipline; undefined when the cycle has no offer row. */
export async function findOffer(db: Db, cycleId: string) {
  const [offer] = await db.select().from(badgeOffers).where(eq(badgeOffers.cycleId, cycleId))
  if (!offer) return undefined
  return { ...offer, fees: await offerFees(db, [cycleId]) }
}

/** Replaces a cycle's offer: validity and the whole set of fees (a discipline left out is no longer offered). */
export async function saveOffer(db: Db, cycleId: string, offer: { validFrom: Date; validUntil: Date; fees: { discipline: Discipline; feeCents: number }[]; by: string | null }) {
  await db.insert(badgeOffers).values({ cycleId, validFrom: offer.validFrom, validUntil: offer.validUntil, updatedBy: offer.by })
    .onConflictDoUpdate({ target: badgeOffers.cycleId, set: { validFrom: offer.validFrom, validUntil: offer.validUntil, updatedBy: offer.by, updatedAt: new Date() } })
  await db.delete(badgeOfferFees).where(eq(badgeOfferFees.cycleId, cycleId))
  if (offer.fees.length > 0) await db.insert(badgeOfferFees).values(offer.fees.map((f) => ({ cycleId, ...f })))
}
