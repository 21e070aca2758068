import type { responseOverview } from '../../../services/responses/response-overview'
import type { FormState } from '../../form'
import { When } from '../format'

/** The program team's page for one school's response: paper entry and reopening. */
export function ResponseAdminPage({ view, form }: { view: Awaited<ReturnType<typeof responseOverview>>; form: FormState }) {
  const { access } = view
  const error = form.errors.reason?.[0]
  return (
    <>
      <h1>Response: {access.schoolName}</h1>
      <p class="lead">
        {access.cycleTitle} · {access.status === 'submitted' ? 'Submitted' : 'In progress'} · {view.overall.answered} of {view.overall.total} answered ·
        {access.entryMode === 'paper' ? ' Entered from paper' : ' Answered online'}
      </p>
      {access.submittedAt && (
        <p>
          Submitted <When at={access.submittedAt} />, certified by {access.certifiedByName}.
        </p>
      )}
      <h2>Enter a paper return</h2>
      <p>Open an area to type in the school’s answers from its paper copy. Your changes are recorded as paper entries.</p>
      <ul class="area-list">
        {view.domains.flatMap((d) => d.areas).map((a) => (
          <li>
            <a href={`/school/responses/${access.id}/areas/${a.id}`}>{a.title}</a> <span class="muted">({a.progress.answered} of {a.progress.total})</span>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/school/responses/${access.id}/history`}>Answer history</a> · <a href={`/school/responses/${access.id}/review`}>Review</a>
      </p>
      {access.status === 'submitted' && (
        <form method="post" action={`/admin/responses/${access.id}/reopen`} class="narrow">
          <h2>Reopen the response</h2>
          <div class={error ? 'field field-error' : 'field'}>
            <label for="reason">Why is it reopened? The school sees this.</label>
            {error && <p class="error-message" id="reason-error">{error}</p>}
            <textarea id="reason" name="reason" rows={3} aria-describedby={error ? 'reason-error' : undefined}>{form.values.reason ?? ''}</textarea>
          </div>
          <button type="submit" class="button">Reopen</button>
        </form>
      )}
    </>
  )
}
