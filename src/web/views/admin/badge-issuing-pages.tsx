import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { BadgeRow } from '../../../services/badges/badge-revoke'
import type { BadgeStatus } from '../../../domain/badges/badge-status'
import { badgeVerifyPath } from '../../../services/badges/badge-links'
import type { FormState } from '../../form'
import { When } from '../format'
import { ErrorSummary, HintAndError, describedBy } from '../form-fields'
import { StatusTag } from '../public/badge-verify-page'
import { TableScroll } from '../table-scroll'
import { JobProgressPanel, type JobProgressRow } from './job-progress-panel'
import { PageSummary, Pagination, pageHref } from '../pagination'
import type { PageSlice } from '../../../domain/paging/page-slice'

// The program team's side of issued badges: the list, issue all for a cycle, revoke, reissue the image.

type Listed = BadgeRow & { status: BadgeStatus }

export const ISSUED_PATH = '/admin/badges/issued'
export const issueAllPath = (cycleId: string) => `/admin/badges/cycles/${cycleId}/issue-all`
export const revokePath = (badgeId: string) => `${ISSUED_PATH}/${badgeId}/revoke`
export const reissuePath = (badgeId: string) => `${ISSUED_PATH}/${badgeId}/reissue`

export function IssuedBadgesPage({ badges, slice, waiting }: { badges: Listed[]; slice: PageSlice; waiting: { cycleId: string; cycleTitle: string; waiting: number }[] }) {
  return (
    <>
      <p>
        <a href="/admin/badges">← Badges</a>
      </p>
      <h1>Issued badges</h1>
      <p>
        <a href="/admin/badges/supporters">Inaugural Supporters</a> · <a href="/badges">The public directory</a>
      </p>
      {waiting.length > 0 && (
        <>
          <h2>Orders waiting for their badge</h2>
          <ul>
            {waiting.map((w) => (
              <li>
                {w.cycleTitle}: {w.waiting} paid or waived {w.waiting === 1 ? 'order' : 'orders'} — <a href={issueAllPath(w.cycleId)}>Issue all</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {slice.total === 0 ? (
        <p>No badge has been issued yet.</p>
      ) : (
        <>
        <PageSummary slice={slice} noun={['badge', 'badges']} />
        <TableScroll label="Issued badges">
          <table>
            <caption class="visually-hidden">Issued badges, newest first</caption>
            <thead>
              <tr>
                <th scope="col">School</th>
                <th scope="col">Cycle</th>
                <th scope="col">Issued</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {badges.map((b) => (
                <tr>
                  <td>
                    <a href={badgeVerifyPath(b.publicId)}>{b.schoolName}</a>
                    {b.currentSchoolName !== b.schoolName && <div class="muted small">Now named {b.currentSchoolName}</div>}
                    <div class="muted small">{DISCIPLINE_LABELS[b.discipline]}{b.imageVersion > 1 ? `, image version ${b.imageVersion}` : ''}</div>
                  </td>
                  <td>{b.cycleTitle}</td>
                  <td><When at={b.issuedAt} dateOnly /></td>
                  <td><StatusTag status={b.status} /></td>
                  <td>
                    {b.revokedAt ? (
                      <span class="muted small">Revoked <When at={b.revokedAt} dateOnly /></span>
                    ) : (
                      <>
                        <a href={reissuePath(b.id)}>Reissue image<span class="visually-hidden"> of {b.schoolName}</span></a>
                        {' · '}
                        <a href={revokePath(b.id)}>Revoke<span class="visually-hidden"> the badge of {b.schoolName}</span></a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <Pagination slice={slice} href={(page) => pageHref(ISSUED_PATH, {}, page)} label="Pages of badges" />
        </>
      )}
    </>
  )
}

export function RevokeBadgePage({ badge, form }: { badge: BadgeRow; form: FormState }) {
  const error = form.errors.reason?.[0]
  const hint = 'At least 10 characters. Only the program team sees it, in the audit log; the public page only says “revoked”.'
  return (
    <>
      <p>
        <a href={ISSUED_PATH}>← Issued badges</a>
      </p>
      <h1>Revoke the badge of {badge.schoolName}</h1>
      <ErrorSummary form={form} />
      <dl class="pairs">
        <dt>Cycle</dt>
        <dd>{badge.cycleTitle}</dd>
        <dt>Issued</dt>
        <dd><When at={badge.issuedAt} dateOnly /></dd>
      </dl>
      <p>Its verification page will say “revoked”, the public directory will drop it and the signed status list will mark it revoked for every verifier. Nobody is e-mailed.</p>
      <form method="post" action={revokePath(badge.id)} novalidate>
        <div class={error ? 'field field-error' : 'field'}>
          <label for="reason">Why is the badge revoked?</label>
          <HintAndError name="reason" hint={hint} error={error} />
          <textarea id="reason" name="reason" rows={4} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy({ name: 'reason', hint, error })}>
            {form.values.reason ?? ''}
          </textarea>
        </div>
        <p class="notice notice-warning">
          <strong>A revoked badge cannot be restored.</strong>
        </p>
        <div class="button-group">
          <button type="submit" class="button button-warning">Revoke the badge</button>
          <a href={ISSUED_PATH}>Cancel</a>
        </div>
      </form>
    </>
  )
}

export function ReissueBadgePage({ badge }: { badge: BadgeRow }) {
  const renamed = badge.currentSchoolName !== badge.schoolName
  return (
    <>
      <p>
        <a href={ISSUED_PATH}>← Issued badges</a>
      </p>
      <h1>Reissue the image of {badge.schoolName}’s badge</h1>
      <dl class="pairs">
        <dt>Name on the badge</dt>
        <dd>{badge.schoolName}</dd>
        <dt>Name in the directory of schools</dt>
        <dd>{badge.currentSchoolName}</dd>
      </dl>
      <p>
        {renamed
          ? `A new image and credential will carry the name “${badge.currentSchoolName}”.`
          : 'The school’s name has not changed; a new image and credential will carry the same name.'}{' '}
        The verification address, period and status stay the same. The school’s leaders are e-mailed the new files.
      </p>
      <form method="post" action={reissuePath(badge.id)}>
        <div class="button-group">
          <button type="submit" class="button">Reissue the image</button>
          <a href={ISSUED_PATH}>Cancel</a>
        </div>
      </form>
    </>
  )
}

export function IssueAllPage({ cycleId, cycleTitle, count, progress }: { cycleId: string; cycleTitle: string; count: number; progress: JobProgressRow | null }) {
  return (
    <>
      <p>
        <a href={ISSUED_PATH}>← Issued badges</a>
      </p>
      <h1>Issue the badges of {cycleTitle}</h1>
      <JobProgressPanel
        id="issue-progress"
        url={`/admin/cycles/${cycleId}/progress/badges`}
        pageHref={issueAllPath(cycleId)}
        progress={progress}
        text={{ runningHeading: 'Issuing badges', doneHeading: 'Badges issued', failedHeading: 'Issuing badges stopped', noun: 'badges issued' }}
      />
      {count === 0 ? (
        <p>No paid or waived order of this cycle is waiting for its badge.</p>
      ) : (
        <form method="post" action={issueAllPath(cycleId)}>
          <p>
            {count} paid or waived {count === 1 ? 'order is' : 'orders are'} waiting. Each school’s leaders are e-mailed their badge as it is
            issued. This runs in the background.
          </p>
          <div class="button-group">
            <button type="submit" class="button" data-job-button>
              Issue {count} {count === 1 ? 'badge' : 'badges'}
            </button>
            <a href={ISSUED_PATH}>Cancel</a>
          </div>
        </form>
      )}
    </>
  )
}
