import type { Db } from '../../db/client'
import { upsertSchoolBadgeSettings } from '../../db/queries/badge-directory'
import { saveOffer } from '../../db/queries/badge-offers'
import { insertOrderOnce, markOrderPaid, markOrderWaived } from '../../db/queries/badge-orders'
import { startProgress } from '../../db/queries/job-progress'
import { scoredResponses } from '../../db/queries/scoring'
import { defaultValidity } from '../badges/badge-admin'
import { ISSUE_ALL_KIND } from '../badges/badge-issue'
import { JOB_NAMES, type JobQueue } from '../jobs'

/** How many of last year's certified schools bought (or were given) a badge: enough to fill a directory page. */
const DEMO_BADGES = 8

/**
 * Last year's round offered badges and several schools took one, so the public directory, the verification pages
 * and the admin console show real, signed badges on the first start. The orders are settled here; issuing is the
 * real `badge.issue-all` job, queued in the seed's transaction, because only the running app holds the signing key.
 */
export async function seedDemoBadges(db: Db, jobs: JobQueue, cycle: { id: string; deadlineAt: Date }, now: Date) {
  await saveOffer(db, cycle.id, { ...defaultValidity(cycle.deadlineAt), fees: [{ discipline: 'md', feeCents: 25_000 }, { discipline: 'do', feeCents: 25_000 }, { discipline: 'dental', feeCents: 15_000 }], by: null })
  const buyers = (await scoredResponses(db, cycle.id)).slice(0, DEMO_BADGES)
  for (const [i, school] of buyers.entries()) {
    const orderId = (await insertOrderOnce(db, {
      cycleId: cycle.id, schoolId: school.schoolId, paymentMethod: 'invoice', feeCents: 25_000, orderedBy: null,
      billingName: `${school.schoolName}, Office of the Dean`, billingEmail: 'accounts-payable@demo.socialmissionmetrics.test',
      billingAddress: '1 Demo Way\nAnytown', poNumber: null,
    }))!
    // The first two helped launch the badge: their fee was waived and they are thanked as Inaugural Supporters.
    if (i < 2) {
      await markOrderWaived(db, orderId, { reason: 'Inaugural supporter of the badge program', at: now, by: null })
      await upsertSchoolBadgeSettings(db, school.schoolId, { inauguralSupporterYear: now.getUTCFullYear(), inauguralSupporterNote: 'Piloted the badge' }, null, now)
    } else {
      await markOrderPaid(db, orderId, { reference: `DEMO-CHEQUE-${1001 + i}`, at: now, by: null })
    }
  }
  const progressId = await startProgress(db, ISSUE_ALL_KIND, cycle.id, buyers.length)
  await jobs.send(db, JOB_NAMES.badgeIssueAll, { cycleId: cycle.id, progressId })
}
