import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { jobProgress } from '../schema/job-progress'

export async function startProgress(db: Db, kind: string, subject: string, total: number) {
  const [row] = await db.insert(jobProgress).values({ kind, subject, total }).returning({ id: jobProgress.id })
  return row!.id
}

export async function advanceProgress(db: Db, id: string, by: number) {
  await db.update(jobProgress).set({ done: sql`${jobProgress.done} + ${by}` }).where(eq(jobProgress.id, id))
}

export async function finishProgress(db: Db, id: string, at: Date, error: string | null = null) {
  await db.update(jobProgress).set({ status: error ? 'failed' : 'done', error, finishedAt: at }).where(eq(jobProgress.id, id))
}

/** A retried job runs again: its row shows it running, not the failure of the try before. */
export async function resumeProgress(db: Db, id: string) {
  await db.update(jobProgress).set({ status: 'running', error: null, finishedAt: null }).where(eq(jobProgress.id, id))
}

export async function latestProgress(db: Db, kind: string, subject: string) {
  const [row] = await db.select().from(jobProgress)
    .where(and(eq(jobProgress.kind, kind), eq(jobProgress.subject, subject)))
    .orderBy(desc(jobProgress.createdAt)).limit(1)
  return row
}
