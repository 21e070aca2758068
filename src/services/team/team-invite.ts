import type { Db } from '../../db/client'
import { findUserByEmail, insertUser } from '../../db/queries/accounts'
import { insertTeamMember, isTeamMemberByEmail } from '../../db/queries/team'
import { acceptOpenInvitation, cancelOpenInvitation, findTeamInvitation, replaceOpenInvitation } from '../../db/queries/team-invitations'
import { normalizeEmail } from '../../domain/auth/sign-in-rules'
import type { Actor, SchoolRole } from '../../domain/policy/roles'
import { TEAM_INVITATION_TTL_MS, grantableRoles, teamInvitationState, type TeamInvitationState } from '../../domain/team/team-rules'
import { teamInvitationMail } from '../../mail/team-templates'
import { recordAudit } from '../audit'
import { startSession, type Client } from '../auth/sessions'
import { hashToken, newSecretToken } from '../auth/tokens'
import { notFound } from '../errors'
import type { JobQueue } from '../jobs'
import { queueMail } from '../mail/outbox'
import { managerAt, responseFor } from './team-response'

export type Invitee = { email: string; name?: string | undefined; role: SchoolRole }
export type InviteOutcome = { ok: true; email: string } | { ok: false; field: 'email' | 'role'; message: string }

/**
 * E-mails a colleague a personal link to join the school's team. Nothing else happens until they accept: no
 * account is made, none is looked at (whether the address has one, and what its owner or another school recorded,
 * stays private), and nobody becomes a member. Inviting the same address again replaces the earlier link.
 */
export async function inviteColleague(
  db: Db,
  deps: { jobs: JobQueue; baseUrl: string },
  actor: Actor,
  responseId: string,
  invitee: Invitee,
  ip: string | null,
  now = new Date(),
): Promise<InviteOutcome> {
  return db.transaction(async (tx) => {
    const response = await responseFor(tx, actor, responseId, 'school.team.manage')
    if (!grantableRoles(managerAt(actor, response.schoolId)).includes(invitee.role)) {
      return { ok: false, field: 'role', message: `You cannot make anyone a ${invitee.role}.` }
    }
    const email = normalizeEmail(invitee.email)
    if (await isTeamMemberByEmail(tx, response.schoolId, email)) {
      return { ok: false, field: 'email', message: `${email} is already on the team. Change their role in the list of people instead.` }
    }
    const { token, hash } = newSecretToken()
    const invitationId = await replaceOpenInvitation(tx, {
      schoolId: response.schoolId, responseId, email, name: invitee.name?.trim() || null, role: invitee.role, tokenHash: hash,
      invitedBy: actor.kind === 'user' ? actor.userId : null, expiresAt: new Date(now.getTime() + TEAM_INVITATION_TTL_MS),
    }, now)
    const inviterName = actor.kind === 'user' ? (actor.name ?? actor.email) : 'The program team'
    await queueMail(tx, deps.jobs, 'team-invitation', email, teamInvitationMail({
      schoolName: response.schoolName,
      cycleTitle: response.cycleTitle,
      inviterName,
      role: invitee.role,
      link: `${deps.baseUrl}/team/join?token=${token}`,
      daysValid: TEAM_INVITATION_TTL_MS / 86_400_000,
    }))
    await recordAudit(tx, actor, 'team.member-invited', { schoolId: response.schoolId, subject: invitationId, details: { email, role: invitee.role, responseId } }, { ip })
    return { ok: true, email }
  })
}

/** Takes back an invitation not yet accepted; its link stops working. */
export async function cancelInvitation(db: Db, actor: Actor, responseId: string, invitationId: string, ip: string | null, now = new Date()) {
  return db.transaction(async (tx) => {
    const response = await responseFor(tx, actor, responseId, 'school.team.manage')
    const cancelled = (await cancelOpenInvitation(tx, response.schoolId, invitationId, now)) ?? notFound('invitation')
    await recordAudit(tx, actor, 'team.invitation-cancelled', { schoolId: response.schoolId, subject: invitationId, details: { email: cancelled.email } }, { ip })
    return cancelled.email
  })
}

export type TeamInvitationView = { state: TeamInvitationState | 'disabled'; schoolName?: string; cycleTitle?: string; email?: string; role?: SchoolRole }

/** Looks at an invitation link without acting on it: mail scanners that open links must not accept anything. */
export async function inspectTeamInvitation(db: Db, token: string, now = new Date()): Promise<TeamInvitationView> {
  const invitation = await findTeamInvitation(db, hashToken(token))
  const state = teamInvitationState(invitation, now)
  if (!invitation) return { state }
  return { state, schoolName: invitation.schoolName, cycleTitle: invitation.cycleTitle, email: invitation.email, role: invitation.role }
}

export type TeamJoinOutcome =
  | { ok: true; sessionToken: string; expiresAt: Date; responseId: string }
  | { ok: false; view: TeamInvitationView }

/**
 * The colleague accepts: only now is their account found or made and are they added to the team, with the role
 * they were invited to. The link proved they read that mailbox, so they are signed in, as a sign-in link would.
 */
export async function joinTeam(db: Db, token: string, client: Client, now = new Date()): Promise<TeamJoinOutcome> {
  return db.transaction(async (tx) => {
    const invitation = await findTeamInvitation(tx, hashToken(token))
    const state = teamInvitationState(invitation, now)
    if (!invitation || state !== 'valid') return { ok: false, view: { state } }
    const view = { schoolName: invitation.schoolName, email: invitation.email }
    const user = (await findUserByEmail(tx, invitation.email)) ?? (await insertUser(tx, { email: invitation.email, name: invitation.name }))
    if (!user) return { ok: false, view: { state: 'used', ...view } }
    if (user.disabledAt) return { ok: false, view: { state: 'disabled', ...view } }
    if (!(await acceptOpenInvitation(tx, invitation.id, now))) return { ok: false, view: { state: 'used', ...view } }
    await insertTeamMember(tx, invitation.schoolId, user.id, invitation.role)
    const actor: Actor = { kind: 'user', userId: user.id, email: user.email, name: user.name, programRole: user.programRole, memberships: [] }
    await recordAudit(tx, actor, 'team.invitation-accepted', { schoolId: invitation.schoolId, subject: invitation.id, details: { role: invitation.role } }, { ip: client.ip })
    const session = await startSession(tx, { userId: user.id, email: user.email }, client, now)
    return { ok: true, ...session, responseId: invitation.responseId }
  })
}
