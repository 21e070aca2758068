import type { Db } from '../../db/client'
import { findParticipation, revokeInvitations, setParticipationStatus } from '../../db/queries/participations'
import { cycleAcceptsSchools } from '../../domain/cycle/cycle-states'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'

/** Only a school that has not submitted can still say no; a submitted response is reopened instead. */
const DECLINABLE = ['invited', 'accepted', 'in_progress'] as const
const declinable = (status: string) => (DECLINABLE as readonly string[]).includes(status)

/** What the confirmation page shows before a school is declined on its behalf. */
export async function declineForSchoolFacts(db: Db, actor: Actor, participationId: string) {
  assertCan(actor, 'cycles.manage')
  const p = (await findParticipation(db, participationId)) ?? notFound('school in this cycle')
  if (!cycleAcceptsSchools(p.cycleStatus)) throw new AppError('cycle.not_open', 'This cycle is not open.', 409)
  if (!declinable(p.status)) throw new AppError('participation.bad_status', `${p.schoolName} has ${p.status === 'submitted' ? 'already submitted' : 'already declined'}.`, 409)
  return p
}

export type DeclineOutcome = { ok: true; schoolName: string } | { ok: false; errors: { reason: string[] } }

/**
 * Records that a school declined by other means (a reply, a call): its invitation links stop working and it gets
 * no more reminders. It cannot be undone from the app, so the reason is required and kept in the audit log.
 */
export async function declineForSchool(db: Db, actor: Actor, participationId: string, reason: string, ip: string | null, now = new Date()): Promise<DeclineOutcome> {
  const trimmed = reason.trim()
  if (!trimmed) return { ok: false, errors: { reason: ['Say how the school declined, for example “The dean replied by e-mail on 3 March”.'] } }
  return db.transaction(async (tx) => {
    const p = await declineForSchoolFacts(tx, actor, participationId)
    await setParticipationStatus(tx, p.id, 'declined', { respondedAt: now, lastActivityAt: now })
    await revokeInvitations(tx, p.id, now)
    await recordAudit(tx, actor, 'cycle.declined-for-school', { schoolId: p.schoolId, subject: p.id, details: { reason: trimmed, from: p.status } }, { ip })
    return { ok: true, schoolName: p.schoolName }
  })
}
