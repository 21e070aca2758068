import type { Instrument } from '../instrument/instrument-model'
import { submissionBlockers, type StoredAnswer } from '../response/response-progress'
import type { Discipline } from '../school/school-facts'

// Who may order a badge (decision 123). A badge says "this school completed the assessment": a response certified
// by the school's leader (online, or signed on paper and entered by the program team) with every required question
// answered, in a cycle that offers a badge for the school's discipline. Pure: the service loads the facts.

export type ResponseSourceFact = 'platform' | 'paper' | 'imported-answers' | 'imported-area-scores'

export type CertificationFacts = {
  status: 'in_progress' | 'submitted'
  source: ResponseSourceFact
  /** Who certified: the leader who submitted online, or the dean who signed the paper copy. */
  certifiedByName: string | null
  /** Paper entries: the day the dean signed the paper copy. */
  paperSignedOn: string | null
}

export type EligibilityFacts = {
  /** The fee for the school's discipline when the cycle offers its badge; null when it does not. */
  offer: { offered: true; feeCents: number } | { offered: false; cycleOffersAny: boolean }
  response: (CertificationFacts & { instrument: Instrument; answers: ReadonlyMap<string, StoredAnswer> }) | null
  discipline: Discipline
}

export type IneligibleReason = 'not-offered' | 'discipline-not-offered' | 'no-response' | 'not-submitted' | 'not-certified' | 'incomplete'
export type Eligibility = { eligible: true; feeCents: number } | { eligible: false; reason: IneligibleReason }

/** What the dean reads when the badge cannot be ordered, in plain words. */
export const INELIGIBLE_MESSAGES: Record<IneligibleReason, string> = {
  'not-offered': 'This round does not offer a badge.',
  'discipline-not-offered': 'This round does not offer a badge for your school’s discipline.',
  'no-response': 'Your school has no response in this round.',
  'not-submitted': 'Your school’s response has not been certified and submitted yet. The badge can be ordered once your leader has certified and submitted it.',
  'not-certified': 'Your school’s response was not certified by its leader, so it does not count as a completed assessment. Ask the program team if you believe this is wrong.',
  incomplete: 'Some required questions in your school’s response are unanswered, so it does not count as a completed assessment.',
}

/**
 * Certified means a person speaking for the school vouched for the answers: its leader certified and submitted them
 * here (only a leader submits a 'platform' response: the program team's submissions are paper entries), or the dean
 * signed a paper copy the program team entered, named and dated. Imported past rounds are not certified.
 * `db/queries/certified-responses.ts` says the same in SQL for counts.
 */
export function isCertified(r: CertificationFacts): boolean {
  if (r.status !== 'submitted' || !r.certifiedByName?.trim()) return false
  if (r.source === 'platform') return true
  if (r.source === 'paper') return r.paperSignedOn !== null
  return false
}

export function badgeEligibility(facts: EligibilityFacts): Eligibility {
  if (!facts.offer.offered) return { eligible: false, reason: facts.offer.cycleOffersAny ? 'discipline-not-offered' : 'not-offered' }
  const r = facts.response
  if (r === null) return { eligible: false, reason: 'no-response' }
  if (r.status !== 'submitted') return { eligible: false, reason: 'not-submitted' }
  if (!isCertified(r)) return { eligible: false, reason: 'not-certified' }
  if (submissionBlockers(r.instrument, r.answers).some((b) => b.unanswered.length > 0)) return { eligible: false, reason: 'incomplete' }
  return { eligible: true, feeCents: facts.offer.feeCents }
}
