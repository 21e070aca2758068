import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { InboxKind, InboxStatus } from '../../domain/inbox/inbox-rules'
import type { Db } from '../client'
import { users } from '../schema/accounts'
import { inboxItems } from '../schema/inbox'

export type InboxItemInsert = typeof inboxItems.$inferInsert

const itemColumns = {
  id: inboxItems.id,
  kind: inboxItems.kind,
  status: inboxItems.status,
  senderName: inboxItems.senderName,
  senderEmail: inboxItems.senderEmail,
  subject: inboxItems.subject,
  message: inboxItems.message,
  createdAt: inboxItems.createdAt,
  updatedAt: inboxItems.updatedAt,
}

export async function insertInboxItem(db: Db, values: InboxItemInsert) {
  const [row] = await db.insert(inboxItems).values(values).returning({ id: inboxItems.id })
  return row!
}

/** One page of the inbox, newest first. */
export function listInboxItems(db: Db, filter: { kind?: InboxKind | undefined; status?: InboxStatus | undefined }, page: { limit: number; offset: number }) {
  const where = and(
    filter.kind ? eq(inboxItems.kind, filter.kind) : undefined,
    filter.status ? eq(inboxItems.status, filter.status) : undefined,
  )
  return db.select(itemColumns).from(inboxItems).where(where).orderBy(desc(inboxItems.createdAt), desc(inboxItems.id)).limit(page.limit).offset(page.offset)
}

export async function countInboxByStatus(db: Db, kind: InboxKind | undefined) {
  const rows = await db
    .select({ status: inboxItems.status, n: sql<number>`count(*)::int` })
    .from(inboxItems)
    .where(kind ? eq(inboxItems.kind, kind) : undefined)
    .groupBy(inboxItems.status)
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<InboxStatus, number>>
}

export async function findInboxItem(db: Db, id: string) {
  const [row] = await db.select(itemColumns).from(inboxItems).where(eq(inboxItems.id, id))
  return row
}

export async function setInboxStatus(db: Db, id: string, status: InboxStatus, at: Date) {
  await db.update(inboxItems).set({ status, updatedAt: at }).where(eq(inboxItems.id, id))
}

/** Where news of a public submission goes: every active program admin. */
export async function programAdminEmails(db: Db): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.programRole, 'admin'), isNull(users.disabledAt)))
    .orderBy(users.email)
  return rows.map((r) => r.email)
}
