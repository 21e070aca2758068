import type { Db } from '../../db/client'
import { findUserByEmail, insertUser } from '../../db/queries/accounts'
import { insertTeamMember } from '../../db/queries/team'
import { normalizeEmail } from '../../domain/auth/sign-in-rules'
import type { Actor, SchoolRole } from '../../domain/policy/roles'
import { TEAM_INVITATION_TTL_MS, grantableRoles } from '../../domain/team/team-rules'
import { teamInvitationMail } from '../../mail/team-templates'
import { recordAudit } from '../audit'
import { createSignInLink } from '../auth/sign-in'
import type { JobQueue } from '../jobs'
import { queueMail } from '../mail/outbox'
import { managerAt, responseFor } from './team-response'

export type Invitee = { email: string; name?: string | undefined; role: SchoolRole }
export type InviteOutcome = { ok: true; email: string } | { ok: false; field: 'email' | 'role'; message: string }

/**
 * Adds a colleague to the school's team and e-mails them a personal link. The link is a sign-in link that lives
 * 14 days and opens the response: following it proves they read that mailbox, exactly as signing in does.
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
    const user = (await findUserByEmail(tx, email)) ?? (await insertUser(tx, { email, name: invitee.name?.trim() || null }))!
    if (user.disabledAt) return { ok: false, field: 'email', message: 'This account is disabled. Ask the program team to enable it.' }
    if (!(await insertTeamMember(tx, response.schoolId, user.id, invitee.role))) {
      return { ok: false, field: 'email', message: `${email} is already on the team. Change their role in the list of people instead.` }
    }
    const link = await createSignInLink(tx, deps.baseUrl, { userId: user.id, nextPath: `/school/responses/${responseId}`, ttlMs: TEAM_INVITATION_TTL_MS }, now)
    const inviterName = actor.kind === 'user' ? (actor.name ?? actor.email) : 'The program team'
    await queueMail(tx, deps.jobs, 'team-invitation', email, teamInvitationMail({
      schoolName: response.schoolName,
      cycleTitle: response.cycleTitle,
      inviterName,
      role: invitee.role,
      link,
      daysValid: TEAM_INVITATION_TTL_MS / 86_400_000,
    }))
    await recordAudit(tx, actor, 'team.member-invited', { schoolId: response.schoolId, subject: user.id, details: { email, role: invitee.role, responseId } }, { ip })
    return { ok: true, email }
  })
}
