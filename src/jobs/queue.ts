import { sql } from 'drizzle-orm'
import { PgBoss, fromDrizzle, fromPglite, type DrizzleTransactionLike } from 'pg-boss'
import type { Database, Db } from '../db/client'
import { JOB_NAMES, type JobOptions, type JobQueue } from '../services/jobs'

export type Queue = JobQueue & { boss: PgBoss; stop: () => Promise<void> }

/** Mail retries with exponential backoff: ~1, 2, 4, 8 and 16 minutes, then the message is marked failed. */
export const MAIL_RETRY = { retryLimit: 5, retryDelay: 60, retryBackoff: true } as const

/**
 * pg-boss on whichever engine the app runs: on PostgreSQL with its own small pool, on PGlite through its
 * adapter on the app's single connection. Jobs are sent inside the caller's transaction (`fromDrizzle`).
 */
/**
 * Installs pg-boss's own schema and nothing else (no queues, no maintenance): what a PGlite cluster image holds.
 * The queues are created by `startQueue` at every start, so their options always come from this file.
 */
export async function installQueueSchema(database: Database & { engine: 'pglite' }): Promise<void> {
  // Not registered as an instance either: the image must not carry a row naming the machine that built it.
  const boss = new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', supervise: false, schedule: false, registerInstance: false })
  boss.on('error', (err) => console.error('[queue]', err))
  await boss.start()
  await boss.stop({ graceful: false })
}

export async function startQueue(database: Database, databaseUrl: string | undefined, onError: (err: Error) => void = (err) => console.error('[queue]', err)): Promise<Queue> {
  const boss =
    database.engine === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', useListenNotify: true })
      : new PgBoss({ connectionString: databaseUrl!, max: 4, useListenNotify: true })
  // pg-boss reports here, among others, the database going away; it keeps polling and reconnects by itself.
  boss.on('error', onError)
  await boss.start()
  await boss.createQueue(JOB_NAMES.sendMail, { ...MAIL_RETRY, notify: true })
  await boss.createQueue(JOB_NAMES.pruneRateLimits)
  await boss.createQueue(JOB_NAMES.sendInvitations, { retryLimit: 3, retryDelay: 30, retryBackoff: true })
  await boss.createQueue(JOB_NAMES.cycleCalendar)
  await boss.createQueue(JOB_NAMES.buildReports, { retryLimit: 3, retryDelay: 30, retryBackoff: true })
  // 'exclusive': one waiting or running issue job per order (singletonKey = order id), however often it is asked for.
  await boss.createQueue(JOB_NAMES.badgeIssue, { policy: 'exclusive', retryLimit: 3, retryDelay: 30, retryBackoff: true })
  await boss.createQueue(JOB_NAMES.prepareReportPdfs, { retryLimit: 2, retryDelay: 30, retryBackoff: true })
  await boss.createQueue(JOB_NAMES.badgeIssueAll, { retryLimit: 3, retryDelay: 30, retryBackoff: true })
  return {
    boss,
    async send(db: Db, name: string, data: Record<string, unknown>, options: JobOptions = {}) {
      // Our Db type leaves execute()'s result untyped; on both engines it is the `{ rows }` the adapter reads.
      await boss.send(name, data, { ...options, db: fromDrizzle(db as unknown as DrizzleTransactionLike, sql) })
    },
    stop: () => boss.stop({ graceful: true, timeout: 5_000 }),
  }
}
