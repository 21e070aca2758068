import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { mailMessages, type MailStatus } from '../schema/operations'

export async function insertMail(
  db: Db,
  values: { kind: string; toAddress: string; subject: string; textBody: string; htmlBody: string | null },
) {
  const [row] = await db.insert(mailMessages).values(values).returning({ id: mailMessages.id })
  return row!
}

export async function findMail(db: Db, id: string) {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id))
  return row
}

export async function markMailSent(db: Db, id: string, at: Date, providerMessageId: string | null) {
  await db
    .update(mailMessages)
    .set({ status: 'sent', sentAt: at, providerMessageId, attempts: sql`${mailMessages.attempts} + 1`, lastError: null })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'queued')))
}

export async function recordMailFailure(db: Db, id: string, error: string, final: boolean) {
  await db
    .update(mailMessages)
    .set({ attempts: sql`${mailMessages.attempts} + 1`, lastError: error, ...(final ? { status: 'failed' as const } : {}) })
    .where(eq(mailMessages.id, id))
}

/** The server refused the address for good: failed at once with its reason, not retried. */
export async function markMailRejected(db: Db, id: string, reason: string, at: Date) {
  await db
    .update(mailMessages)
    .set({ attempts: sql`${mailMessages.attempts} + 1`, lastError: reason, status: 'failed', rejectedAt: at })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'queued')))
}

export async function requeueMail(db: Db, id: string) {
  const rows = await db
    .update(mailMessages)
    .set({ status: 'queued', lastError: null, rejectedAt: null })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'failed')))
    .returning({ id: mailMessages.id })
  return rows.length === 1
}

/** One page of the outbox, newest first. */
export function listMail(db: Db, filter: { status?: MailStatus | undefined; to?: string }, page: { limit: number; offset: number }) {
  const conditions = [
    filter.status ? eq(mailMessages.status, filter.status) : undefined,
    filter.to ? eq(mailMessages.toAddress, filter.to) : undefined,
  ]
  return db
    .select({
      id: mailMessages.id,
      kind: mailMessages.kind,
      toAddress: mailMessages.toAddress,
      subject: mailMessages.subject,
      status: mailMessages.status,
      attempts: mailMessages.attempts,
      lastError: mailMessages.lastError,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
    })
    .from(mailMessages)
    .where(and(...conditions))
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(page.limit)
    .offset(page.offset)
}

/** Messages per status, and `retrying`: those still queued after a failed attempt (the server down or busy). */
export async function countMailByStatus(db: Db) {
  const rows = await db
    .select({ status: mailMessages.status, n: sql<number>`count(*)::int`, retrying: sql<number>`count(*) filter (where ${mailMessages.attempts} > 0)::int` })
    .from(mailMessages)
    .groupBy(mailMessages.status)
  const counts = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<MailStatus, number>>
  return { ...counts, retrying: rows.find((r) => r.status === 'queued')?.retrying ?? 0 }
}
