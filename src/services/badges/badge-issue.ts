import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/client'
import { advanceProgress, finishProgress, latestProgress, startProgress } from '../../db/queries/job-progress'
import { ISSUABLE_ORDER_STATUSES, allocateStatusIndex, insertBadgeOnce, issuableOrderIds, lockOrderForIssue, setOrderStatus } from '../../db/queries/issued-badges'
import { findCycle } from '../../db/queries/cycles'
import { BADGE_ISSUER_JOB, type Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import { JOB_NAMES, type JobQueue } from '../jobs'
import type { BadgeFacts, BadgeIssuer } from './credentials/contract'
import { badgeToolkit } from './badge-toolkit'
import { mailBadgeToLeaders } from './badge-mail'

export const ISSUE_ALL_KIND = 'badge.issue-all'

/** 16 random bytes as base64url: 22 characters, 128 bits, safe in a URL path (decision 127). */
export const newPublicId = () => randomBytes(16).toString('base64url')

export const cycleYearOf = (opensAt: Date) => opensAt.getUTCFullYear()

export type IssueOutcome = { issued: true; badgeId: string; publicId: string } | { issued: false; why: 'no-order' | 'not-payable' | 'already-issued' | 'no-offer' }

/**
 * Issues the badge of one paid or waived order: image, signed credential, stored with its status bit, the order
 * marked issued, an audit row and a message to each leader, all in one transaction. Safe to run twice or at the
 * same time: the order row is locked first, so the second run finds it issued; the unique order index backs it up.
 */
export async function issueBadgeForOrder(db: Db, jobs: JobQueue, issuer: BadgeIssuer, orderId: string, actor: Actor = BADGE_ISSUER_JOB, now = new Date()): Promise<IssueOutcome> {
  return db.transaction(async (tx) => {
    assertCan(actor, 'badge.issue')
    const order = await lockOrderForIssue(tx, orderId)
    if (!order) return { issued: false, why: 'no-order' }
    if (order.status === 'issued' || order.status === 'revoked') return { issued: false, why: 'already-issued' }
    if (!(ISSUABLE_ORDER_STATUSES as readonly string[]).includes(order.status)) return { issued: false, why: 'not-payable' }
    if (!order.validFrom || !order.validUntil) return { issued: false, why: 'no-offer' }
    const facts: BadgeFacts = {
      publicId: newPublicId(),
      schoolName: order.schoolName,
      discipline: order.discipline,
      cycleTitle: order.cycleTitle,
      cycleYear: cycleYearOf(order.cycleOpensAt),
      validFrom: order.validFrom,
      validUntil: order.validUntil,
      statusIndex: await allocateStatusIndex(tx),
      issuedAt: now,
    }
    const artefacts = await (await badgeToolkit()).issueBadge(facts, issuer)
    const badgeId = await insertBadgeOnce(tx, {
      publicId: facts.publicId, orderId, cycleId: order.cycleId, schoolId: order.schoolId, schoolName: facts.schoolName,
      discipline: facts.discipline, validFrom: facts.validFrom, validUntil: facts.validUntil, statusIndex: facts.statusIndex,
      credential: artefacts.credential, svg: artefacts.svg, png: artefacts.png, issuedAt: now,
    })
    if (!badgeId) return { issued: false, why: 'already-issued' }
    await setOrderStatus(tx, orderId, ISSUABLE_ORDER_STATUSES, 'issued')
    await recordAudit(tx, actor, 'badge.issued', { schoolId: order.schoolId, subject: badgeId, details: { publicId: facts.publicId, orderId, cycleId: order.cycleId } })
    await mailBadgeToLeaders(tx, jobs, issuer.baseUrl, { ...facts, schoolId: order.schoolId }, 'issued')
    return { issued: true, badgeId, publicId: facts.publicId }
  })
}

/** How many orders of the cycle "issue all" would issue now, for the console's confirmation. */
export async function issuableCount(db: Db, actor: Actor, cycleId: string) {
  assertCan(actor, 'badge.issue')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  return { cycleId, cycleTitle: cycle.title, count: (await issuableOrderIds(db, cycleId)).length, progress: (await latestProgress(db, ISSUE_ALL_KIND, cycleId)) ?? null }
}

/** The console's "issue all": one background job for every paid or waived order of the cycle, with a progress row. */
export async function startIssueAll(db: Db, jobs: JobQueue, actor: Actor, cycleId: string, ip: string | null) {
  return db.transaction(async (tx) => {
    const { count, cycleTitle } = await issuableCount(tx, actor, cycleId)
    if (count === 0) throw new AppError('badge.nothing_to_issue', 'No paid or waived order of this cycle is waiting for its badge.', 409)
    const progressId = await startProgress(tx, ISSUE_ALL_KIND, cycleId, count)
    await jobs.send(tx, JOB_NAMES.badgeIssueAll, { cycleId, progressId })
    await recordAudit(tx, actor, 'badge.issue-all-started', { subject: cycleId, details: { orders: count } }, { ip })
    return { count, cycleTitle }
  })
}

/**
 * The background half of "issue all": each order in its own short transaction (PGlite has one connection and the
 * web must keep answering), advancing the progress row. Safe to run twice: issued orders are skipped.
 */
export async function issueAllBadges(db: Db, jobs: JobQueue, issuer: BadgeIssuer, job: { cycleId: string; progressId: string }, now = () => new Date()) {
  try {
    for (const orderId of await issuableOrderIds(db, job.cycleId)) {
      await issueBadgeForOrder(db, jobs, issuer, orderId, BADGE_ISSUER_JOB, now())
      await advanceProgress(db, job.progressId, 1)
    }
    await finishProgress(db, job.progressId, now())
  } catch (err) {
    await finishProgress(db, job.progressId, now(), err instanceof Error ? err.message : String(err))
    throw err
  }
}
