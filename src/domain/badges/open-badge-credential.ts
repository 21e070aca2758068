import type { Discipline } from '../school/school-facts'
import { DISCIPLINE_LABELS } from '../school/school-facts'
import { badgeUrls, OB_V3_CONTEXT, VC_V2_CONTEXT } from './credential-urls'
import { issuerSummary } from './issuer-documents'

/** The facts a credential states; the toolkit's contract calls them BadgeFacts. */
export type CredentialFacts = {
  publicId: string
  schoolName: string
  discipline: Discipline
  cycleTitle: string
  cycleYear: number
  validFrom: Date
  validUntil: Date
  statusIndex: number
  issuedAt: Date
}

export const achievementName = (cycleTitle: string) => `Social Mission Metrics Self-Assessment — participant, ${cycleTitle}`

export const ACHIEVEMENT_DESCRIPTION =
  'Awarded to a health professions school that completed the Social Mission Metrics Self-Assessment, which looks at ' +
  'how a school advances health equity through its mission, education, community engagement, governance, diversity ' +
  'and inclusion, culture and research. The badge shows commitment to social mission; it does not represent a score.'

export const criteriaNarrative = (cycleTitle: string) =>
  `The school completed the full Social Mission Metrics Self-Assessment in the ${cycleTitle}, answering every ` +
  "required item, and the school's leader certified and submitted it. Holding this badge does not represent a score, " +
  'a ranking or any result of the assessment.'

/**
 * The unsigned Open Badges 3.0 `OpenBadgeCredential` (a W3C VC 2.0). The school is named, never e-mailed or scored:
 * the facts have no field for a result, so none can leak into the credential.
 */
export function openBadgeCredential(facts: CredentialFacts, baseUrl: string): Record<string, unknown> {
  const urls = badgeUrls(baseUrl)
  const name = achievementName(facts.cycleTitle)
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: urls.verification(facts.publicId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer: issuerSummary(baseUrl),
    validFrom: isoSeconds(facts.validFrom),
    validUntil: isoSeconds(facts.validUntil),
    awardedDate: isoSeconds(facts.issuedAt),
    credentialSubject: {
      type: ['AchievementSubject'],
      // OB 3.0's way to name a subject that has no URL of its own: an IdentityObject of type "name", not hashed.
      identifier: [{ type: 'IdentityObject', identityHash: facts.schoolName, identityType: 'name', hashed: false }],
      achievement: {
        id: urls.achievement(facts.cycleTitle, facts.discipline),
        type: ['Achievement'],
        name,
        description: ACHIEVEMENT_DESCRIPTION,
        criteria: { narrative: criteriaNarrative(facts.cycleTitle) },
        fieldOfStudy: DISCIPLINE_LABELS[facts.discipline],
        image: { id: urls.svg(facts.publicId), type: 'Image', caption: `Social Mission Metrics badge, ${facts.cycleYear}` },
      },
    },
    credentialStatus: {
      id: `${urls.statusList}#${facts.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(facts.statusIndex),
      statusListCredential: urls.statusList,
    },
  }
}

/** VC 2.0 date-times as XML Schema dateTimeStamp, to the second (what verifiers compare). */
export const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`
