import { and, asc, desc, eq, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { badgeOffers, badgeOrders, badges, type BadgeOrderStatus } from '../schema/badges'
import { cycles } from '../schema/cycles'
import { schools } from '../schema/schools'

// Issued badges: what the issue job writes, what the public pages and the console read.

/** Orders the issue job may act on: paid or waived, not yet issued. */
export const ISSUABLE_ORDER_STATUSES = ['paid', 'waived'] as const satisfies readonly BadgeOrderStatus[]

/**
 * The order with everything its badge states, locked until the transaction ends, so two runs of the issue job
 * for one order take turns and the second finds it issued.
 */
export async function lockOrderForIssue(db: Db, orderId: string) {
  const [row] = await db.select({
    orderId: badgeOrders.id,
    status: badgeOrders.status,
    cycleId: badgeOrders.cycleId,
    schoolId: badgeOrders.schoolId,
    cycleTitle: cycles.title,
    cycleOpensAt: cycles.opensAt,
    schoolName: schools.name,
    discipline: schools.discipline,
    validFrom: badgeOffers.validFrom,
    validUntil: badgeOffers.validUntil,
  }).from(badgeOrders)
    .innerJoin(cycles, eq(cycles.id, badgeOrders.cycleId))
    .innerJoin(schools, eq(schools.id, badgeOrders.schoolId))
    .leftJoin(badgeOffers, eq(badgeOffers.cycleId, badgeOrders.cycleId))
    .where(eq(badgeOrders.id, orderId))
    .for('update', { of: badgeOrders })
  return row
}

/**
 * The next free bit in the status list. A transaction-scoped advisory lock makes concurrent issuers wait their
 * turn, so `max + 1` is never handed out twice (the unique index would refuse it anyway).
 */
export async function allocateStatusIndex(db: Db): Promise<number> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('badges.status_index'))`)
  const [row] = await db.select({ top: max(badges.statusIndex) }).from(badges)
  return row?.top === null || row?.top === undefined ? 0 : row.top + 1
}

export type NewBadge = typeof badges.$inferInsert

/** Inserts the order's badge unless it has one (unique order index): returns the new row's id, or null. */
export async function insertBadgeOnce(db: Db, values: NewBadge): Promise<string | null> {
  const [row] = await db.insert(badges).values(values).onConflictDoNothing({ target: badges.orderId }).returning({ id: badges.id })
  return row?.id ?? null
}

export async function setOrderStatus(db: Db, orderId: string, from: readonly BadgeOrderStatus[], to: BadgeOrderStatus) {
  const rows = await db.update(badgeOrders).set({ status: to })
    .where(and(eq(badgeOrders.id, orderId), inArray(badgeOrders.status, [...from]))).returning({ id: badgeOrders.id })
  return rows.length > 0
}

/** Paid or waived orders of a cycle still without a badge, oldest first: what "issue all" works through. */
export async function issuableOrderIds(db: Db, cycleId: string, limit?: number) {
  const query = db.select({ id: badgeOrders.id }).from(badgeOrders)
    .leftJoin(badges, eq(badges.orderId, badgeOrders.id))
    .where(and(eq(badgeOrders.cycleId, cycleId), inArray(badgeOrders.status, [...ISSUABLE_ORDER_STATUSES]), isNull(badges.id)))
    .orderBy(asc(badgeOrders.invoiceNumber))
  return (limit ? await query.limit(limit) : await query).map((r) => r.id)
}

const badgeColumns = {
  id: badges.id,
  publicId: badges.publicId,
  orderId: badges.orderId,
  cycleId: badges.cycleId,
  schoolId: badges.schoolId,
  schoolName: badges.schoolName,
  discipline: badges.discipline,
  validFrom: badges.validFrom,
  validUntil: badges.validUntil,
  statusIndex: badges.statusIndex,
  imageVersion: badges.imageVersion,
  issuedAt: badges.issuedAt,
  revokedAt: badges.revokedAt,
  revokeReason: badges.revokeReason,
  cycleTitle: cycles.title,
  cycleOpensAt: cycles.opensAt,
  currentSchoolName: schools.name,
}

/** A badge with its cycle and school, without the stored artefacts. */
export async function findBadgeByPublicId(db: Db, publicId: string) {
  const [row] = await db.select(badgeColumns).from(badges)
    .innerJoin(cycles, eq(cycles.id, badges.cycleId)).innerJoin(schools, eq(schools.id, badges.schoolId))
    .where(eq(badges.publicId, publicId))
  return row
}

export async function findBadge(db: Db, id: string) {
  const [row] = await db.select(badgeColumns).from(badges)
    .innerJoin(cycles, eq(cycles.id, badges.cycleId)).innerJoin(schools, eq(schools.id, badges.schoolId))
    .where(eq(badges.id, id))
  return row
}

export type BadgeRow = NonNullable<Awaited<ReturnType<typeof findBadge>>>

/** One stored artefact of a badge, by public id. */
export async function badgeArtefact(db: Db, publicId: string, which: 'svg' | 'png' | 'credential') {
  const column = which === 'svg' ? badges.svg : which === 'png' ? badges.png : badges.credential
  const [row] = await db.select({ value: column, imageVersion: badges.imageVersion, revokedAt: badges.revokedAt }).from(badges).where(eq(badges.publicId, publicId))
  return row
}

/** One page of the issued badges for the console, newest first. */
export function issuedBadgeList(db: Db, page: { limit: number; offset: number }) {
  return db.select(badgeColumns).from(badges)
    .innerJoin(cycles, eq(cycles.id, badges.cycleId)).innerJoin(schools, eq(schools.id, badges.schoolId))
    .orderBy(desc(badges.issuedAt), asc(schools.name), asc(badges.id)).limit(page.limit).offset(page.offset)
}

export async function countIssuedBadges(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(badges)
  return row!.n
}

export async function revokedStatusIndices(db: Db) {
  const rows = await db.select({ index: badges.statusIndex }).from(badges).where(isNotNull(badges.revokedAt)).orderBy(asc(badges.statusIndex))
  return rows.map((r) => r.index)
}

/** Changes whenever a badge is revoked: the status list cache's key, shared by every web instance through the database. */
export async function revocationStamp(db: Db): Promise<string> {
  const [row] = await db.select({ n: sql<number>`count(*)::int`, last: max(badges.revokedAt) }).from(badges).where(isNotNull(badges.revokedAt))
  return `${row?.n ?? 0}:${row?.last?.toISOString() ?? '-'}`
}

/** Revokes a badge once: null when it was already revoked (or does not exist). */
export async function markBadgeRevoked(db: Db, id: string, by: string | null, reason: string, at: Date) {
  const [row] = await db.update(badges).set({ revokedAt: at, revokedBy: by, revokeReason: reason })
    .where(and(eq(badges.id, id), isNull(badges.revokedAt))).returning({ id: badges.id })
  return row ?? null
}

/** A new image and credential for a badge, same public id and status bit; the version counts reissues. */
export async function replaceBadgeArtefacts(db: Db, id: string, values: { schoolName: string; credential: Record<string, unknown>; svg: string; png: Buffer }) {
  const [row] = await db.update(badges).set({ ...values, imageVersion: sql`${badges.imageVersion} + 1` })
    .where(and(eq(badges.id, id), isNull(badges.revokedAt))).returning({ imageVersion: badges.imageVersion })
  return row ?? null
}

/** Per cycle, how many paid or waived orders still wait for their badge: the console's "issue all" list. */
export function issuableCountsByCycle(db: Db) {
  return db.select({ cycleId: cycles.id, cycleTitle: cycles.title, waiting: sql<number>`count(*)::int` }).from(badgeOrders)
    .innerJoin(cycles, eq(cycles.id, badgeOrders.cycleId))
    .leftJoin(badges, eq(badges.orderId, badgeOrders.id))
    .where(and(inArray(badgeOrders.status, [...ISSUABLE_ORDER_STATUSES]), isNull(badges.id)))
    .groupBy(cycles.id, cycles.title).orderBy(asc(cycles.title))
}
