import type { ReportView } from '../../../services/reports/report-view'
import type { FormState } from '../../form'

function PlannedList({ planned }: { planned: ReportView['areas'] }) {
  if (planned.length === 0) return <p class="muted">No action plan yet.</p>
  return <ul>{planned.map((a) => <li>{a.title}: target {a.plan!.target ?? '—'}. {a.plan!.actions}</li>)}</ul>
}

/**
 * Per area a target for next cycle and the actions to get there; leaders edit, the program team reads. Errors are
 * summarised at the top of the report page (linked to the fields here) and shown beside each field.
 */
export function ActionPlanSection({ view, form }: { view: ReportView; form?: FormState | undefined }) {
  const value = (name: string, fallback: string) => form?.values[name] ?? fallback
  const planned = view.areas.filter((a) => a.plan)
  if (!view.canPlan) {
    return (
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">Action plan</h2>
        <PlannedList planned={planned} />
      </section>
    )
  }
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">Action plan</h2>
      <p class="hint">Set a target score for the areas you want to improve and note what you will do. Your next report shows each target beside the new result.</p>
      {/* On paper the plan as text, not an empty form. */}
      <div class="report-print-only"><PlannedList planned={planned} /></div>
      <details class="report-plan-form" open={form !== undefined || planned.length > 0}>
      <summary>Set targets and actions for next cycle{planned.length > 0 ? ` (${planned.length} areas planned)` : ''}</summary>
      <form method="post" action={`/school/reports/${view.responseId}/plan`}>
        {view.areas.map((a) => {
          const t = `target-${a.id}`
          const x = `actions-${a.id}`
          const tError = form?.errors[t]?.[0]
          const xError = form?.errors[x]?.[0]
          return (
            <fieldset class="field">
              <legend>{a.title} (now {a.score === null ? '—' : a.score.toFixed(1)})</legend>
              <div class={tError ? 'field field-error' : 'field'}>
                <label for={t}>Target score for next cycle</label>
                {tError && <p class="error-message" id={`${t}-error`}>{tError}</p>}
                <input id={t} name={t} type="text" inputmode="decimal" class="input-number" value={value(t, a.plan?.target?.toString() ?? '')}
                  aria-invalid={tError ? 'true' : undefined} aria-describedby={tError ? `${t}-error` : undefined} />
              </div>
              <div class={xError ? 'field field-error' : 'field'}>
                <label for={x}>Actions</label>
                {xError && <p class="error-message" id={`${x}-error`}>{xError}</p>}
                <textarea id={x} name={x} rows={2} aria-invalid={xError ? 'true' : undefined} aria-describedby={xError ? `${x}-error` : undefined}>
                  {value(x, a.plan?.actions ?? '')}
                </textarea>
              </div>
            </fieldset>
          )
        })}
        <button type="submit" class="button">Save the action plan</button>
      </form>
      </details>
    </section>
  )
}
