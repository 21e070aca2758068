import type { schoolBadgePage } from '../../../services/badges/badge-settings'
import { badgeVerifyPath } from '../../../services/badges/badge-links'
import { When } from '../format'
import { StatusTag } from '../public/badge-verify-page'

type Page = Awaited<ReturnType<typeof schoolBadgePage>>

/** The school's badges and its choice to be listed in the public directory, changeable any time. */
export function BadgeListingPage({ page }: { page: Page }) {
  return (
    <>
      <p>
        <a href="/school">← My school</a>
      </p>
      <h1>Badges of {page.schoolName}</h1>
      {page.badges.length === 0 ? (
        <p>Your school has no badge yet. A leader can order one once the school has certified and submitted its self-assessment.</p>
      ) : (
        <ul>
          {page.badges.map((b) => (
            <li>
              <a href={badgeVerifyPath(b.publicId)}>{b.cycleTitle}</a> <StatusTag status={b.status} />{' '}
              <span class="muted small">valid until <When at={b.validUntil} dateOnly /></span>
            </li>
          ))}
        </ul>
      )}
      <h2>The public directory</h2>
      <p>
        {page.listed
          ? 'Your school’s current badges are listed in the public directory of badge holders.'
          : 'Your school is not listed in the public directory. Its badges and their verification pages still work.'}
      </p>
      <form method="post" action={`/school/badges/${page.schoolId}/listing`}>
        <input type="hidden" name="listed" value={page.listed ? 'no' : 'yes'} />
        <button type="submit" class={page.listed ? 'button button-secondary' : 'button'}>
          {page.listed ? 'Stop listing our school in the directory' : 'List our school in the directory'}
        </button>
      </form>
      <p>
        <a href="/badges">See the directory</a>
      </p>
    </>
  )
}
