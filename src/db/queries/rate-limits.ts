import { and, eq, gt, lt, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { rateLimitEvents } from '../schema/accounts'

export async function countRecentEvents(db: Db, bucket: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, bucket), gt(rateLimitEvents.at, since)))
  return row?.n ?? 0
}

export async function insertEvents(db: Db, buckets: string[], at: Date) {
  await db.insert(rateLimitEvents).values(buckets.map((bucket) => ({ bucket, at })))
}

export async function deleteEventsBefore(db: Db, before: Date) {
  await db.delete(rateLimitEvents).where(lt(rateLimitEvents.at, before))
}
