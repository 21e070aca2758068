import { PARTICIPATION_LABELS } from '../../../domain/cycle/cycle-summary'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { CycleDashboard } from '../../../services/cycles/cycle-monitoring'
import { When } from '../format'
import { TableScroll } from '../table-scroll'
import { BulkBar, BulkCheckbox } from './bulk-actions-form'

const MAIL_LABELS = { queued: 'waiting', sent: 'sent', failed: 'failed' } as const

/** The receiving server refused the address: the reason follows below; the school's page corrects it. */
function Undeliverable({ href, canFix }: { href: string; canFix: boolean }) {
  return (
    <>
      <span class="status status-failed">undeliverable</span>
      {canFix && (
        <div class="small">
          <a href={href}>Correct the address and resend</a>
        </div>
      )}
    </>
  )
}

/** The schools of a cycle with their status and last activity, and the admin's actions on the list. */
export function CycleSchoolsSection({ view }: { view: CycleDashboard }) {
  const { cycle, schools } = view
  const open = cycle.status === 'open'
  return (
    <section aria-labelledby="schools-title">
      <h2 id="schools-title">Schools</h2>
      <p class="actions">
        <a href={`/admin/cycles/${cycle.id}/status.csv`}>Download the status list (CSV)</a>
      </p>
      {open && (
        <a class="button" href={`/admin/cycles/${cycle.id}/confirm/reminders`}>Send due reminders now</a>
      )}
      {open && (
        <p>
          <a class="button button-secondary" href={`/admin/cycles/${cycle.id}/schools/add`}>Add schools to this cycle</a>
        </p>
      )}
      {open && <BulkBar cycleId={cycle.id} />}
      <TableScroll label="Schools in this cycle">
      <table>
        <thead>
          <tr>
            {open && <th scope="col"><span class="visually-hidden">Select</span></th>}
            <th scope="col">School</th>
            <th scope="col">State</th>
            <th scope="col">Discipline</th>
            <th scope="col">Status</th>
            <th scope="col">Invitation</th>
            <th scope="col">Deadline</th>
            <th scope="col">Last activity</th>
          </tr>
        </thead>
        <tbody>
          {schools.map((s) => (
            <tr>
              {open && <td><BulkCheckbox id={s.id} schoolName={s.schoolName} /></td>}
              <td>
                <a href={`/admin/cycles/${cycle.id}/schools/${s.id}`}>{s.schoolName}</a>
                {s.source !== 'sampled' && s.source !== 'all-eligible' && <span class="tag">{s.source}</span>}
                <div class="small">
                  <a href={`/admin/cycles/${cycle.id}/schools/${s.id}/timeline`}>Timeline<span class="visually-hidden"> of {s.schoolName}</span></a>
                </div>
              </td>
              <td>{s.state}</td>
              <td>{DISCIPLINE_LABELS[s.discipline]}</td>
              <td>
                <span class={`status status-${s.status}`}>{PARTICIPATION_LABELS[s.status]}</span>
              </td>
              <td>
                {!s.inviteeEmail ? (
                  <span class="status status-failed">no addressee</span>
                ) : s.mailRejectedAt ? (
                  <Undeliverable href={`/admin/cycles/${cycle.id}/schools/${s.id}#addressee`} canFix={open && s.status === 'invited'} />
                ) : s.mailStatus ? (
                  <span class={`status status-${s.mailStatus}`}>{MAIL_LABELS[s.mailStatus]}</span>
                ) : (
                  <span class="muted">not yet created</span>
                )}
                {s.mailError && <div class="muted small">{s.mailError}</div>}
              </td>
              <td>
                <When at={s.deadlineAt} dateOnly />
              </td>
              <td>
                <When at={s.lastActivityAt ?? s.invitedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </section>
  )
}
