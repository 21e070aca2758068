import { sql } from 'drizzle-orm'
import { PgBoss, fromDrizzle, fromPglite, type DrizzleTransactionLike, type Queue as QueueSettings, type UpdateQueueOptions } from 'pg-boss'
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
 * The queues are created (or their options updated) by `startQueue` at every start, so their options always come
 * from this file.
 */
export async function installQueueSchema(database: Database & { engine: 'pglite' }): Promise<void> {
  // Not registered as an instance either: the image must not carry a row naming the machine that built it.
  const boss = new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', supervise: false, schedule: false, registerInstance: false })
  boss.on('error', (err) => console.error('[queue]', err))
  await boss.start()
  await boss.stop({ graceful: false })
}

/** Every queue the app sends to, with its options. */
const QUEUES: [string, Omit<QueueSettings, 'name'>][] = [
  [JOB_NAMES.sendMail, { ...MAIL_RETRY, notify: true }],
  [JOB_NAMES.pruneRateLimits, {}],
  [JOB_NAMES.sendInvitations, { retryLimit: 3, retryDelay: 30, retryBackoff: true }],
  [JOB_NAMES.cycleCalendar, {}],
  [JOB_NAMES.buildReports, { retryLimit: 3, retryDelay: 30, retryBackoff: true }],
  // 'exclusive': one waiting or running issue job per order (singletonKey = order id), however often it is asked for.
  [JOB_NAMES.badgeIssue, { policy: 'exclusive', retryLimit: 3, retryDelay: 30, retryBackoff: true }],
  [JOB_NAMES.prepareReportPdfs, { retryLimit: 2, retryDelay: 30, retryBackoff: true }],
  [JOB_NAMES.badgeIssueAll, { retryLimit: 3, retryDelay: 30, retryBackoff: true }],
]

/**
 * Creates the queues a database lacks and brings the retry options of the others to this file's. pg-boss's
 * `createQueue` leaves an existing queue as it is (its options too), and each call is a locked transaction: eight of
 * them were ~0.3 s of a PGlite start (decision 174). One read of the queues decides instead.
 */
async function ensureQueues(boss: PgBoss) {
  const existing = new Map((await boss.getQueues(QUEUES.map(([name]) => name))).map((queue) => [queue.name, queue]))
  for (const [name, options] of QUEUES) {
    const queue = existing.get(name)
    if (!queue) {
      await boss.createQueue(name, options)
      continue
    }
    const { policy: _policy, ...updatable } = options // a queue's policy is fixed once it exists
    const changed = Object.entries(updatable).filter(([key, value]) => queue[key as keyof typeof queue] !== value)
    if (changed.length > 0) await boss.updateQueue(name, Object.fromEntries(changed) as UpdateQueueOptions)
  }
}

export async function startQueue(database: Database, databaseUrl: string | undefined, onError: (err: Error) => void = (err) => console.error('[queue]', err)): Promise<Queue> {
  const boss =
    database.engine === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', useListenNotify: true })
      : new PgBoss({ connectionString: databaseUrl!, max: 4, useListenNotify: true })
  // pg-boss reports here, among others, the database going away; it keeps polling and reconnects by itself.
  boss.on('error', onError)
  await boss.start()
  await ensureQueues(boss)
  return {
    boss,
    async send(db: Db, name: string, data: Record<string, unknown>, options: JobOptions = {}) {
      // Our Db type leaves execute()'s result untyped; on both engines it is the `{ rows }` the adapter reads.
      await boss.send(name, data, { ...options, db: fromDrizzle(db as unknown as DrizzleTransactionLike, sql) })
    },
    stop: () => boss.stop({ graceful: true, timeout: 5_000 }),
  }
}
