// When a personal invitation link may still be used, and until when a school may answer.

export type InvitationLinkState = 'valid' | 'unknown' | 'used' | 'revoked' | 'expired' | 'closed'

export type InvitationLink = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }

/** A school's own deadline: its extension if it has one, else the cycle's. */
export const participationDeadline = (cycleDeadline: Date, override: Date | null) =>
  override && override > cycleDeadline ? override : cycleDeadline

export function invitationLinkState(
  link: InvitationLink | undefined,
  cycleStatus: string,
  now: Date,
): InvitationLinkState {
  if (!link) return 'unknown'
  if (link.usedAt) return 'used'
  if (link.revokedAt) return 'revoked'
  if (cycleStatus !== 'open') return 'closed'
  if (now >= link.expiresAt) return 'expired'
  return 'valid'
}

/** Only a school that has not answered the invitation yet may accept or decline it. */
export const mayRespond = (status: string) => status === 'invited'
