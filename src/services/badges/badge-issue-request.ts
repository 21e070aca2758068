import type { Db } from '../../db/client'
import { JOB_NAMES, type JobQueue } from '../jobs'

/**
 * The one hand-off from payments to issuing: an order just became paid or waived, so its badge must be issued.
 * Call it inside the transaction that changed the order's status, so the job exists exactly when that change
 * committed. The queue keeps one waiting job per order (singletonKey), and the issuing job itself does nothing
 * for an order that already has its badge, so asking twice is harmless.
 */
export async function requestBadgeIssue(ctx: { db: Db; jobs: JobQueue }, orderId: string): Promise<void> {
  await ctx.jobs.send(ctx.db, JOB_NAMES.badgeIssue, { orderId }, { singletonKey: orderId })
}
