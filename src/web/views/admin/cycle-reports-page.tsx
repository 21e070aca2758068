import type { CycleReportsOverview } from '../../../services/reports/cycle-reports-admin'
import type { FormState } from '../../form'
import { ErrorSummary, SelectField, TextField } from '../form-fields'
import { PageSummary, Pagination, pageHref } from '../pagination'
import { When } from '../format'
import { JobProgressPanel } from './job-progress-panel'

const SCORING_TEXT = { runningHeading: 'Scoring responses', doneHeading: 'Responses scored', failedHeading: 'Scoring stopped', noun: 'responses scored' }

export type CycleReportQuery = { released: string; q: string }

const count = (n: number) => n.toLocaleString('en-US')

/** Find reports by whether they are released (with how many are) or by school name; the server filters. */
function ReportFilterForm({ view, query }: { view: CycleReportsOverview; query: CycleReportQuery }) {
  const { counts } = view
  const form = { values: query, errors: {} }
  return (
    <form method="get" action={`/admin/cycles/${view.cycle.id}/reports`} class="filter-form" role="search" aria-label="Find reports">
      <SelectField name="released" label="Release" form={form} options={[
        { value: '', label: `Any (${count(counts.scored)})` },
        { value: 'yes', label: `Released (${count(counts.released)})` },
        { value: 'no', label: `Not released yet (${count(counts.scored - counts.released)})` },
      ]} />
      <TextField name="q" label="School name" form={form} />
      <button type="submit" class="button button-secondary">Show reports</button>
    </form>
  )
}

export function CycleReportsPage({ view, query, form }: { view: CycleReportsOverview; query: CycleReportQuery; form?: FormState | undefined }) {
  const { cycle, slice } = view
  const href = (page: number) => `${pageHref(`/admin/cycles/${cycle.id}/reports`, query, page)}#reports-title`
  // A past round imported from its records has no reports of its own to release (decision 095).
  const canRelease = (cycle.status === 'scored' || cycle.status === 'released') && cycle.kind !== 'historical'
  const reasonError = form?.errors['reason']?.[0]
  return (
    <>
      <p><a href={`/admin/cycles/${cycle.id}`}>← {cycle.title}</a></p>
      <h1>Reports: {cycle.title}</h1>
      <p>Instrument {cycle.instrumentVersion} · {view.submitted} submitted responses · status {cycle.status}</p>
      {cycle.status === 'closed' && (
        <form method="post" action={`/admin/cycles/${cycle.id}/advance`} class="inline">
          <input type="hidden" name="to" value="scored" />
          <button type="submit" class="button" data-job-button disabled={view.progress?.status === 'running'}>Score and freeze norms</button>
        </form>
      )}
      {view.progress ? (
        <JobProgressPanel id="building" url={`/admin/cycles/${cycle.id}/progress/scoring`} pageHref={`/admin/cycles/${cycle.id}/reports`} progress={view.progress} text={SCORING_TEXT} />
      ) : (
        <p class="muted">Reports have not been built yet. Close the cycle, then score it.</p>
      )}
      <section aria-labelledby="snapshots-title">
        <h2 id="snapshots-title">Norms snapshots</h2>
        {view.snapshots.length === 0 ? <p class="muted">None yet.</p> : (
          <table>
            <caption>Newest first; the newest is used for late submissions and all reports.</caption>
            <thead><tr><th scope="col">Taken</th><th scope="col" class="num">Schools</th><th scope="col">Reason</th></tr></thead>
            <tbody>
              {view.snapshots.map((s) => (
                <tr><td><When at={s.createdAt} /></td><td class="num">{s.schools}</td><td>{s.reason ?? 'Frozen when the cycle was scored'}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        {canRelease && (
          <form method="post" action={`/admin/cycles/${cycle.id}/reports/recompute`}>
            {form && <ErrorSummary form={form} />}
            <div class={reasonError ? 'field field-error' : 'field'}>
              <label for="reason">Reason for re-scoring the cycle</label>
              <p class="hint" id="reason-hint">
                Re-scoring scores every submitted response again with the current scoring rules and freezes new norms for every
                report of this cycle, late submissions included. Each report whose scores change says so, with this reason. The
                reason is kept in the audit log.
              </p>
              {reasonError && <p class="error-message" id="reason-error">{reasonError}</p>}
              <textarea id="reason" name="reason" rows={2} aria-invalid={reasonError ? 'true' : undefined}
                aria-describedby={reasonError ? 'reason-hint reason-error' : 'reason-hint'}>{form?.values['reason'] ?? ''}</textarea>
            </div>
            <button type="submit" class="button button-secondary">Re-score and recompute norms</button>
          </form>
        )}
      </section>
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">School reports</h2>
        {canRelease && cycle.status === 'scored' && (
          <p>
            <a class="button" href={`/admin/cycles/${cycle.id}/confirm/release`}>Release all reports and e-mail the leaders</a>
          </p>
        )}
        {view.counts.scored > 0 && (
          <p>
            <a href={`/admin/cycles/${cycle.id}/reports/scores.csv`}>Download every school’s scores (CSV)</a>
            <span class="hint"> One row per school with every area, domain and overall score, percentile rank and stars, as the reports
              show them. Identified: for the program team only. The download is recorded in the audit log.</span>
          </p>
        )}
        {view.counts.scored > 0 && (
          <p>
            <a href={`/admin/cycles/${cycle.id}/reports/pdfs`}>Prepare every report as PDF</a>
            <span class="hint"> One zip with each school’s report as a PDF named by the school, prepared in the background.</span>
          </p>
        )}
        {view.counts.scored > 0 && <ReportFilterForm view={view} query={query} />}
        <PageSummary slice={slice} noun={['scored response', 'scored responses']} />
        {view.reports.length > 0 && (
        <table>
          <caption>Scored responses</caption>
          <thead><tr><th scope="col">School</th><th scope="col">Report</th><th scope="col">Released</th></tr></thead>
          <tbody>
            {view.reports.map((r) => (
              <tr>
                <th scope="row">{r.schoolName}</th>
                <td><a href={`/school/reports/${r.responseId}`}>Open the report<span class="visually-hidden"> of {r.schoolName}</span></a></td>
                <td>
                  {r.released ? 'Released' : canRelease ? (
                    <a href={`/admin/cycles/${cycle.id}/confirm/release?schoolId=${r.schoolId}`}>Release<span class="visually-hidden"> the report of {r.schoolName}</span></a>
                  ) : 'Not yet'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
        <Pagination slice={slice} href={href} label="Pages of reports" />
      </section>
    </>
  )
}
