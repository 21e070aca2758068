import type { Db } from '../../db/client'
import { findBadge, markBadgeRevoked, setOrderStatus, type BadgeRow } from '../../db/queries/issued-badges'
import { revokeReasonProblem } from '../../domain/badges/badge-status'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'

export type { BadgeRow }

/** The badge the console's revoke and reissue pages are about; a revoked badge can be neither revoked nor reissued. */
export async function manageableBadge(db: Db, actor: Actor, badgeId: string) {
  assertCan(actor, 'badge.manage')
  const badge = (await findBadge(db, badgeId)) ?? notFound('badge')
  if (badge.revokedAt) throw new AppError('badge.revoked', `The badge of ${badge.schoolName} is already revoked.`, 409)
  return badge
}

export type RevokeOutcome = { ok: true; schoolName: string } | { ok: false; errors: { reason: string[] } }

/**
 * Revokes a badge: its status bit is set (the status list is rebuilt on its next request), its order becomes
 * revoked and the reason goes to the audit log and the badge row, never to a public page.
 */
export async function revokeBadge(db: Db, actor: Actor, badgeId: string, reason: string, ip: string | null, now = new Date()): Promise<RevokeOutcome> {
  const problem = revokeReasonProblem(reason)
  if (problem) return { ok: false, errors: { reason: [problem] } }
  return db.transaction(async (tx) => {
    const badge = await manageableBadge(tx, actor, badgeId)
    const done = await markBadgeRevoked(tx, badge.id, actor.kind === 'user' ? actor.userId : null, reason.trim(), now)
    if (!done) throw new AppError('badge.revoked', `The badge of ${badge.schoolName} is already revoked.`, 409)
    await setOrderStatus(tx, badge.orderId, ['issued'], 'revoked')
    await recordAudit(tx, actor, 'badge.revoked', { schoolId: badge.schoolId, subject: badge.id, details: { publicId: badge.publicId, reason: reason.trim() } }, { ip })
    return { ok: true, schoolName: badge.schoolName }
  })
}
