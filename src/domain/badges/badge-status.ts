// What a badge's public status is at a moment, and whether the public directory lists it (decision 128).
// Computed from the clock every time, never stored, so expiry needs no job and a test can move the clock.

export type BadgeStatus = 'valid' | 'revoked' | 'expired' | 'not-yet-valid'

export type BadgeDates = { validFrom: Date; validUntil: Date; revokedAt: Date | null }

/** Revocation wins over the dates: a revoked badge stays revoked after it would have expired. */
export function badgeStatus(badge: BadgeDates, now: Date): BadgeStatus {
  if (badge.revokedAt) return 'revoked'
  if (now.getTime() < badge.validFrom.getTime()) return 'not-yet-valid'
  if (now.getTime() >= badge.validUntil.getTime()) return 'expired'
  return 'valid'
}

/** The directory lists a badge only while it is current and its school has not opted out. */
export const listedInDirectory = (badge: BadgeDates & { schoolListed: boolean }, now: Date) =>
  badge.schoolListed && badgeStatus(badge, now) === 'valid'

export const BADGE_STATUS_WORDS: Record<BadgeStatus, string> = {
  valid: 'Valid',
  revoked: 'Revoked',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
}

/** A revoke reason is kept for the program team only; it must say enough to be understood later. */
export const REVOKE_REASON_MIN = 10
export const REVOKE_REASON_MAX = 2000

export function revokeReasonProblem(reason: string): string | null {
  const trimmed = reason.trim()
  if (trimmed.length < REVOKE_REASON_MIN) return `Say why the badge is revoked, in at least ${REVOKE_REASON_MIN} characters. Only the program team sees it.`
  if (trimmed.length > REVOKE_REASON_MAX) return `The reason must be at most ${REVOKE_REASON_MAX.toLocaleString('en-US')} characters.`
  return null
}

/** An Inaugural Supporter's year: a plausible year of the program, typed by the program team. */
export function supporterYearProblem(raw: string, now: Date): string | null {
  if (!/^\d{4}$/.test(raw.trim())) return 'Enter the year as four digits, for example 2024.'
  const year = Number(raw.trim())
  if (year < 2015 || year > now.getUTCFullYear() + 1) return `Enter a year from 2015 to ${now.getUTCFullYear() + 1}.`
  return null
}

export const SUPPORTER_NOTE_MAX = 500
