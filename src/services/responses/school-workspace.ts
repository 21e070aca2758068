import type { Db } from '../../db/client'
import { findParticipationForResponse, findResponseOfParticipation, insertResponse, workspaceParticipations } from '../../db/queries/responses'
import { can } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { answeringOpen } from '../../domain/cycle/cycle-calendar'
import { effectiveDeadline } from '../../domain/response/response-rules'
import { AppError, notFound, signInRequired } from '../errors'

/** The signed-in person's schools and their responses in open cycles. */
export async function myWorkspace(db: Db, actor: Actor, now = new Date()) {
  if (actor.kind !== 'user') return signInRequired()
  const rows = await workspaceParticipations(db, actor.userId, now)
  return rows.map((row) => ({ ...row, deadline: effectiveDeadline(row.deadlineAt, row.deadlineOverrideAt), answering: row.cycleStatus === 'open' || answeringOpen(row, now) }))
}

/**
 * The response of an accepted participation, created on first open with the cycle's instrument version. Creating
 * twice is harmless (one response per participation, by a unique key).
 */
export async function openResponseOf(db: Db, actor: Actor, participationId: string, now = new Date()): Promise<string> {
  return db.transaction(async (tx) => {
    const p = (await findParticipationForResponse(tx, participationId)) ?? notFound('response')
    if (!can(actor, 'response.view', { schoolId: p.schoolId })) return notFound('response')
    const existing = await findResponseOfParticipation(tx, p.id)
    if (existing) return existing.id
    if (p.status !== 'accepted' && p.status !== 'in_progress') throw new AppError('response.not_accepted', 'Your school has not accepted this cycle’s invitation yet.', 409)
    // Open cycles as before (the deadline locks answers, not the response); a closed one only inside an extension.
    if (p.cycleStatus !== 'open' && !answeringOpen(p, now)) throw new AppError('response.cycle_closed', 'This cycle is not open for answers.', 409)
    await insertResponse(tx, { participationId: p.id, cycleId: p.cycleId, schoolId: p.schoolId, instrumentVersion: p.instrumentVersion })
    return (await findResponseOfParticipation(tx, p.id))!.id
  })
}
