// The program's inbox: what the public may send, what happens to it, and the limits that keep it usable.

export const INBOX_KINDS = ['champion-nomination', 'badge-inquiry', 'general-contact'] as const
export type InboxKind = (typeof INBOX_KINDS)[number]

export const NOMINATION_STATUSES = ['new', 'reviewing', 'featured', 'declined'] as const
export const MESSAGE_STATUSES = ['new', 'reviewing', 'answered', 'closed'] as const
export type InboxStatus = (typeof NOMINATION_STATUSES)[number] | (typeof MESSAGE_STATUSES)[number]

/** The statuses an item of this kind may take; 'featured' belongs to nominations only. */
export function statusesFor(kind: InboxKind): readonly InboxStatus[] {
  return kind === 'champion-nomination' ? NOMINATION_STATUSES : MESSAGE_STATUSES
}

/**
 * A status an admin may set directly from the inbox. Featuring needs the published text too, so it goes through
 * its own form; everything else (including taking a featured Champion down) is a plain status change.
 */
export function isDirectStatusChange(kind: InboxKind, status: string): status is InboxStatus {
  return status !== 'featured' && (statusesFor(kind) as readonly string[]).includes(status)
}

/** A nominee is featured only when the nominator said the nominee agreed to be shown publicly. */
export const mayFeature = (nomination: { consentToFeature: boolean }) => nomination.consentToFeature

/** How many public submissions one address may make in a window, across all public forms. */
export const PUBLIC_SUBMISSION_RATE_LIMIT = { max: 5, windowMs: 60 * 60_000 } as const

/** Field length limits, shared by the forms' validation and the admin's feature form. */
export const INBOX_LIMITS = {
  name: 120,
  email: 254,
  role: 160,
  institution: 200,
  subject: 160,
  message: 5_000,
  blurb: 600,
} as const

export const INBOX_KIND_LABELS: Record<InboxKind, string> = {
  'champion-nomination': 'Champion nomination',
  'badge-inquiry': 'Badge Recognition',
  'general-contact': 'General question',
}

export const INBOX_STATUS_LABELS: Record<InboxStatus, string> = {
  new: 'New',
  reviewing: 'Reviewing',
  featured: 'Featured',
  declined: 'Declined',
  answered: 'Answered',
  closed: 'Closed',
}
