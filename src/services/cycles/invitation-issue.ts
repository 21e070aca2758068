import type { Db } from '../../db/client'
import { insertInvitation, recordInvitationMail, revokeInvitations } from '../../db/queries/participations'
import { participationDeadline } from '../../domain/cycle/invitation-rules'
import { invitationMail } from '../../mail/cycle-templates'
import { newSecretToken } from '../auth/tokens'
import type { JobQueue } from '../jobs'
import { queueMail } from '../mail/outbox'

export type InvitationTarget = {
  id: string
  inviteeEmail: string | null
  inviteeName: string | null
  schoolName: string
  cycleTitle: string
  deadlineAt: Date
  deadlineOverrideAt: Date | null
}

export const invitationUrl = (baseUrl: string, token: string) => `${baseUrl}/invitation?token=${token}`

/**
 * Makes a fresh personal link, stores only its hash, and queues the e-mail: all in the caller's transaction. The
 * link expires at the school's deadline. Sending again revokes earlier links (the address may have been wrong);
 * a reminder does not, so the link in the original invitation keeps working (decision 082).
 */
export async function issueInvitation(db: Db, jobs: JobQueue, baseUrl: string, target: InvitationTarget, now: Date, reminder = false) {
  if (!target.inviteeEmail) return null
  const deadlineAt = participationDeadline(target.deadlineAt, target.deadlineOverrideAt)
  const { token, hash } = newSecretToken()
  if (!reminder) await revokeInvitations(db, target.id, now)
  const link = invitationUrl(baseUrl, token)
  const mailId = await queueMail(db, jobs, 'invitation', target.inviteeEmail, invitationMail({
    schoolName: target.schoolName,
    cycleTitle: target.cycleTitle,
    deanName: target.inviteeName,
    link,
    deadlineAt,
    reminder,
  }))
  await insertInvitation(db, { participationId: target.id, tokenHash: hash, email: target.inviteeEmail, mailId, expiresAt: deadlineAt })
  await recordInvitationMail(db, target.id, mailId, now)
  return { mailId, link }
}
