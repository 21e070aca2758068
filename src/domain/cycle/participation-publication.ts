import type { CycleStatus } from './cycle-states'

// Participation figures become public by an admin's deliberate step (decision 092), never by closing a cycle.

/** Only a round that has ended has figures worth publishing: while open they change by the hour. */
export const PUBLISHABLE_STATUSES: readonly CycleStatus[] = ['closed', 'scored', 'released']

/** Why a cycle's participation cannot be published now, in words for the admin; null when it can. */
export function publicationRefusal(cycle: { status: CycleStatus; pilot: boolean }): string | null {
  if (cycle.pilot) return 'A pilot or test round is never published.'
  if (!PUBLISHABLE_STATUSES.includes(cycle.status)) return 'Participation can be published once the cycle is closed.'
  return null
}

/** What the public page may show: published, ended and not a pilot. The query and this rule must agree. */
export const isPublic = (cycle: { status: CycleStatus; pilot: boolean; participationPublishedAt: Date | null }) =>
  cycle.participationPublishedAt !== null && publicationRefusal(cycle) === null
