import { BADGE_STATUS_WORDS, type BadgeStatus } from '../../../domain/badges/badge-status'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { PublicBadge } from '../../../services/badges/badge-public'
import { badgeCredentialPath, badgeImagePath, DIRECTORY_PATH } from '../../../services/badges/badge-links'
import { When } from '../format'

/** What each status means to someone checking a school's claim, in a sentence. */
const STATUS_SENTENCES: Record<BadgeStatus, string> = {
  valid: 'This badge is valid: the school completed the Social Mission Metrics self-assessment for this cycle.',
  revoked: 'This badge has been revoked by the program team and is no longer valid.',
  expired: 'This badge has expired: its period of validity has ended.',
  'not-yet-valid': 'This badge is not valid yet: its period of validity has not started.',
}

export const StatusTag = ({ status }: { status: BadgeStatus }) => <span class={`status-tag status-badge-${status}`}>{BADGE_STATUS_WORDS[status]}</span>

/** The public page a badge links to: who holds it, for which cycle, its dates and its status. Never a result. */
export function BadgeVerifyPage({ badge }: { badge: PublicBadge }) {
  return (
    <article>
      <h1>Social Mission Metrics badge</h1>
      <p class={badge.status === 'valid' ? 'notice' : 'notice notice-warning'} role="status">
        <strong>{STATUS_SENTENCES[badge.status]}</strong>
      </p>
      <div class="badge-verify">
        <img src={badgeImagePath(badge.publicId, 'svg')} alt={`Social Mission Metrics badge of ${badge.schoolName}, ${badge.cycleYear}`} />
        <dl class="pairs">
          <dt>Held by</dt>
          <dd>{badge.schoolName}</dd>
          <dt>Discipline</dt>
          <dd>{DISCIPLINE_LABELS[badge.discipline]}</dd>
          <dt>Cycle</dt>
          <dd>{badge.cycleTitle}</dd>
          <dt>Valid from</dt>
          <dd><When at={badge.validFrom} dateOnly /></dd>
          <dt>Valid until</dt>
          <dd><When at={badge.validUntil} dateOnly /></dd>
          <dt>Status</dt>
          <dd><StatusTag status={badge.status} /></dd>
        </dl>
      </div>
      <h2>What this badge means</h2>
      <p>
        The school completed the full Social Mission Metrics self-assessment and its leadership certified the answers. The badge
        shows commitment to the school’s social mission. It says nothing about how the school’s answers compare with other schools’.
      </p>
      <h2>Downloads</h2>
      <ul>
        <li><a href={badgeImagePath(badge.publicId, 'svg')} download>Badge image (SVG)</a></li>
        <li><a href={badgeImagePath(badge.publicId, 'png')} download>Badge image (PNG)</a></li>
        <li><a href={badgeCredentialPath(badge.publicId)} download>Open Badges 3.0 credential (JSON)</a>, signed by the program, which any Open Badges verifier can check</li>
      </ul>
      <p>
        <a href={DIRECTORY_PATH}>All schools with a badge</a>
      </p>
    </article>
  )
}

export function NoSuchBadgePage() {
  return (
    <article>
      <h1>No such badge</h1>
      <p>There is no Social Mission Metrics badge at this address. Check that the address was copied in full.</p>
      <p>
        <a href={DIRECTORY_PATH}>See all schools with a badge</a>
      </p>
    </article>
  )
}
