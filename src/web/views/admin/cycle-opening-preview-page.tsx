import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { OpeningPreview } from '../../../services/cycles/cycle-admin'
import { When } from '../format'
import { MailPreview } from './confirmation-page'
import { PilotNotice } from './cycle-sampling-summary'

/**
 * "Check before you send": what opening the draft will do, per discipline, before any invitation exists. Opening
 * is refused here (and again by the service) while a sample is larger than its pool.
 */
export function CycleOpeningPreviewPage({ preview }: { preview: OpeningPreview }) {
  const { cycle, plan, toInvite, withoutAddress, tooLarge, invitations } = preview
  const eligible = plan.reduce((sum, p) => sum + p.eligible, 0)
  return (
    <>
      <p>
        <a href={`/admin/cycles/${cycle.id}`}>← {cycle.title}</a>
      </p>
      <h1>Check the invitations before opening</h1>
      <PilotNotice pilot={cycle.pilot} />
      <p>Nothing has been sent yet. These counts come from the directory as it is now.</p>
      <div class="table-scroll">
        <table>
          <caption>Schools per discipline</caption>
          <thead>
            <tr>
              <th scope="col">Discipline</th>
              <th scope="col">Who is invited</th>
              <th scope="col" class="num">Eligible</th>
              <th scope="col" class="num">To be invited</th>
            </tr>
          </thead>
          <tbody>
            {plan.map((p) => (
              <tr>
                <th scope="row">{DISCIPLINE_LABELS[p.discipline]}</th>
                <td>{p.sampleSize === null ? 'Every eligible school' : `A random sample of ${p.sampleSize.toLocaleString('en-US')}`}</td>
                <td class="num">{p.eligible.toLocaleString('en-US')}</td>
                <td class="num">{p.toInvite.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>{cycle.sampleSeed !== null ? `Sample seed ${cycle.sampleSeed}` : ''}</td>
              <td class="num">{eligible.toLocaleString('en-US')}</td>
              <td class="num">{toInvite.toLocaleString('en-US')}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <dl class="pairs">
        <dt>Instrument</dt>
        <dd>{cycle.instrumentVersion}</dd>
        <dt>Deadline</dt>
        <dd>
          <When at={cycle.deadlineAt} />
        </dd>
      </dl>
      {withoutAddress > 0 && (
        <p class="notice notice-warning">
          {withoutAddress} of these schools have no dean’s e-mail address. They join the cycle without an invitation until you give
          each an addressee on the cycle page.
        </p>
      )}
      <h2>Who is e-mailed</h2>
      {invitations.people === 0 ? <p>Nobody is e-mailed.</p> : (
        <>
          <p>
            <strong>{invitations.people}</strong> {invitations.label}. This is the message as the first of them will read it; each dean gets
            their own link.
          </p>
          <MailPreview group={invitations} index={0} />
        </>
      )}
      <p class="notice notice-warning">The cycle’s settings cannot change once it is open, and the invitations cannot be called back.</p>
      {tooLarge.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="too-large-title">
          <h2 id="too-large-title">The cycle cannot open yet</h2>
          <ul>
            {tooLarge.map((t) => (
              <li>
                The sample of {t.asked} {DISCIPLINE_LABELS[t.discipline]} schools is larger than the {t.available} eligible.
              </li>
            ))}
          </ul>
          <p>
            <a href={`/admin/cycles/${cycle.id}/edit`}>Change the sample sizes</a>
          </p>
        </div>
      ) : (
        <form method="post" action={`/admin/cycles/${cycle.id}/advance`}>
          <input type="hidden" name="to" value="open" />
          <div class="button-group">
            <button type="submit" class="button">
              Open the cycle and send {toInvite - withoutAddress} {toInvite - withoutAddress === 1 ? 'invitation' : 'invitations'}
            </button>
            <a href={`/admin/cycles/${cycle.id}/edit`}>Change the settings</a>
          </div>
        </form>
      )}
    </>
  )
}
