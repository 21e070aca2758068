import type { Db } from '../../db/client'
import { findUserByEmail, insertUser, upsertLeadership } from '../../db/queries/accounts'
import { consumeInvitation, findInvitation, findParticipation, setParticipationStatus } from '../../db/queries/participations'
import { invitationLinkState, mayRespond, type InvitationLinkState } from '../../domain/cycle/invitation-rules'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { startSession, type Client } from '../auth/sessions'
import { hashToken } from '../auth/tokens'

export type InvitationView = { state: InvitationLinkState; schoolName?: string; cycleTitle?: string; email?: string; deadlineAt?: Date }

async function load(db: Db, token: string, now: Date) {
  const link = await findInvitation(db, hashToken(token))
  const participation = link ? await findParticipation(db, link.participationId) : undefined
  let state = invitationLinkState(link, participation?.cycleStatus ?? 'closed', now)
  if (state === 'valid' && participation && !mayRespond(participation.status)) state = 'used'
  return { link, participation, state }
}

/** Looks at an invitation link without acting on it: mail scanners that open links must not accept anything. */
export async function inspectInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView> {
  const { link, participation, state } = await load(db, token, now)
  if (!link || !participation) return { state }
  return { state, schoolName: participation.schoolName, cycleTitle: participation.cycleTitle, email: link.email, deadlineAt: link.expiresAt }
}

export type InvitationAnswer =
  | { ok: true; choice: 'accept'; sessionToken: string; expiresAt: Date; schoolName: string }
  | { ok: true; choice: 'decline'; schoolName: string }
  | { ok: false; view: InvitationView }

/**
 * The dean answers. Accepting creates their account if needed, makes them the school's leader, marks the school
 * accepted and signs them in: the link proved they read the invitation's mailbox. Declining signs nobody in.
 */
export async function answerInvitation(db: Db, token: string, choice: 'accept' | 'decline', client: Client, now = new Date()): Promise<InvitationAnswer> {
  return db.transaction(async (tx) => {
    const { link, participation, state } = await load(tx, token, now)
    if (!link || !participation || state !== 'valid' || !(await consumeInvitation(tx, link.id, now))) {
      return { ok: false, view: { state: state === 'valid' ? 'used' : state } }
    }
    const about = { schoolId: participation.schoolId, subject: participation.id }
    if (choice === 'decline') {
      await setParticipationStatus(tx, participation.id, 'declined', { respondedAt: now, lastActivityAt: now })
      const invitee: Actor = { kind: 'system', label: `invitation:${link.email}` }
      await recordAudit(tx, invitee, 'cycle.invitation-declined', about, { ip: client.ip })
      return { ok: true, choice, schoolName: participation.schoolName }
    }
    const user = (await findUserByEmail(tx, link.email)) ?? (await insertUser(tx, { email: link.email, name: participation.inviteeName }))!
    await upsertLeadership(tx, participation.schoolId, user.id)
    await setParticipationStatus(tx, participation.id, 'accepted', { respondedAt: now, lastActivityAt: now })
    const actor: Actor = { kind: 'user', userId: user.id, email: user.email, name: user.name, programRole: user.programRole, memberships: [] }
    await recordAudit(tx, actor, 'cycle.invitation-accepted', about, { ip: client.ip })
    const session = await startSession(tx, { userId: user.id, email: user.email }, client, now)
    return { ok: true, choice, ...session, schoolName: participation.schoolName }
  })
}
