import type { AuditLogPage, NamedAuditEvent } from '../../../services/admin/audit-log'
import type { FormState } from '../../form'
import { ErrorSummary, SelectField, TextField } from '../form-fields'
import { When } from '../format'
import { TableScroll } from '../table-scroll'
import { AUDIT_ACTION_GROUPS, auditSentence } from './audit-words'

/** Recorded actions as sentences, newest first; a narrow screen scrolls the table in its own box. */
export function AuditTable({ events, caption, empty = 'Nothing recorded yet.' }: { events: NamedAuditEvent[]; caption?: string | undefined; empty?: string }) {
  if (events.length === 0) return <p>{empty}</p>
  return (
    <TableScroll label="Audit entries">
      <table class="audit-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What happened</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr>
              <td>
                <When at={event.at} />
              </td>
              <td>
                {auditSentence(event)}
                {event.actorName && event.actorEmail && <span class="muted small"> ({event.actorEmail})</span>}
              </td>
              <td>{event.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

/** The query string of the current filter, so paging keeps it. */
const filterQuery = (values: Record<string, string>, extra: Record<string, string>) => {
  const params = new URLSearchParams()
  for (const key of ['who', 'what', 'school', 'from', 'until']) if (values[key]) params.set(key, values[key]!)
  for (const [k, v] of Object.entries(extra)) params.set(k, v)
  return `/admin/audit?${params.toString()}`
}

export function AuditPage({ page, form }: { page: AuditLogPage | null; form: FormState }) {
  const { values } = form
  const first = page?.rows[0]
  const last = page?.rows.at(-1)
  return (
    <>
      <h1>Audit log</h1>
      <p>Every action that matters, newest first, 50 to a page. The log is append-only: nobody can change or remove an entry.</p>
      <ErrorSummary form={form} />
      <form method="get" action="/admin/audit" class="filter-form" novalidate>
        <TextField name="who" label="Who (name or e-mail)" form={form} />
        <SelectField name="what" label="What" form={form} options={AUDIT_ACTION_GROUPS} blank="Every kind of action" />
        <TextField name="school" label="School (name)" form={form} />
        <TextField name="from" label="From (date)" type="date" form={form} />
        <TextField name="until" label="Until (date)" type="date" form={form} />
        <button type="submit" class="button">Show</button>
        <a href="/admin/audit">Clear the filters</a>
      </form>
      {page && (
        <>
          <AuditTable events={page.rows} empty="No entries match these filters." />
          <nav class="pager" aria-label="Pages of the audit log">
            {page.newer && first ? <a href={filterQuery(values, { after: String(first.id) })}>← Newer entries</a> : <span />}
            {page.older && last ? <a href={filterQuery(values, { before: String(last.id) })}>Older entries →</a> : <span />}
          </nav>
        </>
      )}
    </>
  )
}
