import { PARTICIPATION_LABELS, PARTICIPATION_STATUSES } from '../../../domain/cycle/cycle-summary'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { CycleDashboard } from '../../../services/cycles/cycle-monitoring'
import { SelectField, TextField } from '../form-fields'
import { When } from '../format'
import { PageSummary, Pagination, pageHref } from '../pagination'
import { TableScroll } from '../table-scroll'
import { BulkBar, BulkCheckbox } from './bulk-actions-form'

/** The list's filter as typed, kept in the form and in every page link. */
export type CycleSchoolQuery = { status: string; discipline: string; state: string; q: string }

const count = (n: number) => n.toLocaleString('en-US')

/** Find schools by status (with how many are in each), discipline, state or name; the server filters. */
function CycleSchoolFilterForm({ view, query }: { view: CycleDashboard; query: CycleSchoolQuery }) {
  const form = { values: query, errors: {} }
  const any = (label: string) => ({ value: '', label })
  return (
    <form method="get" action={`/admin/cycles/${view.cycle.id}`} class="filter-form" role="search" aria-label="Find schools in this cycle">
      <SelectField name="status" label="Status" form={form}
        options={[any(`Any status (${count(view.total.invited)})`), ...PARTICIPATION_STATUSES.map((s) => ({ value: s, label: `${PARTICIPATION_LABELS[s]} (${count(view.byStatus.get(s) ?? 0)})` }))]} />
      {view.cycle.disciplines.length > 1 && (
        <SelectField name="discipline" label="Discipline" form={form} options={[any('Any discipline'), ...view.cycle.disciplines.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))]} />
      )}
      <SelectField name="state" label="State" form={form} options={[any('Any state'), ...view.byState.map((g) => ({ value: g.key, label: g.key }))]} />
      <TextField name="q" label="School name or city" form={form} />
      <button type="submit" class="button button-secondary">Show schools</button>
      {Object.values(query).some(Boolean) && <a href={`/admin/cycles/${view.cycle.id}#schools-title`}>Clear the filter</a>}
    </form>
  )
}

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
export function CycleSchoolsSection({ view, query }: { view: CycleDashboard; query: CycleSchoolQuery }) {
  const { cycle, schools, slice } = view
  const open = cycle.status === 'open'
  const href = (page: number) => `${pageHref(`/admin/cycles/${cycle.id}`, query, page)}#schools-title`
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
      <CycleSchoolFilterForm view={view} query={query} />
      <PageSummary slice={slice} noun={['school', 'schools']} />
      {open && slice.total > 0 && <BulkBar cycleId={cycle.id} query={query} matching={slice.total} />}
      {schools.length > 0 && (
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
      )}
      <Pagination slice={slice} href={href} label="Pages of schools" />
    </section>
  )
}
