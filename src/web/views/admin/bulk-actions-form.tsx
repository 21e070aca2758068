import type { BulkPreview } from '../../../services/admin/bulk-actions'
import type { FormState } from '../../form'
import { ConfirmationPage } from './confirmation-page'

export const BULK_FORM_ID = 'bulk-form'

/**
 * Above the school list: what to do with the ticked schools, or with every school the filter matches on all pages
 * (the filter travels with the form, decision 163). The checkboxes join this form by its id.
 */
export function BulkBar({ cycleId, query, matching }: { cycleId: string; query: Record<string, string>; matching: number }) {
  const filtered = Object.values(query).some(Boolean)
  return (
    <form method="post" action={`/admin/cycles/${cycleId}/bulk`} id={BULK_FORM_ID} class="bulk-bar" aria-label="Act on the ticked schools">
      {Object.entries(query).filter(([, v]) => v).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
      <fieldset class="field">
        <legend>Which schools</legend>
        <label><input type="radio" name="scope" value="ticked" checked /> The schools I tick below</label>{' '}
        <label><input type="radio" name="scope" value="matching" /> All {matching.toLocaleString('en-US')} {matching === 1 ? 'school' : 'schools'} {filtered ? 'that match the filter' : 'in the cycle'}, on every page</label>
      </fieldset>
      <div class="field">
        <label for="bulk-action">With the ticked schools</label>
        <select id="bulk-action" name="action">
          <option value="remind">Send a reminder now</option>
          <option value="extend">Extend the deadline</option>
          <option value="resend">Send the invitation again</option>
        </select>
      </div>
      <div class="field">
        <label for="bulk-until">New deadline (to extend)</label>
        <input id="bulk-until" name="until" type="date" />
      </div>
      <button type="submit" class="button button-secondary">Continue</button>
    </form>
  )
}

/** The tick box of one school in the list. */
export function BulkCheckbox({ id, schoolName }: { id: string; schoolName: string }) {
  return <input type="checkbox" name="pid" value={id} form={BULK_FORM_ID} aria-label={`Select ${schoolName}`} />
}

const TITLES = { remind: 'Send a reminder now', extend: 'Extend the deadline', resend: 'Send the invitation again' } as const

/** The check-before-you-act page of a bulk action: who is included, who is left out and why, the message. */
export function BulkConfirmPage({ preview, action, form, byFilter }: { preview: BulkPreview; action: keyof typeof TITLES; form: FormState; byFilter: boolean }) {
  const { cycle, targets } = preview
  const skipped = targets.filter((t) => t.skip)
  const untilError = form.errors['until']?.[0]
  const hidden: Record<string, string> = { action }
  return (
    <ConfirmationPage
      back={{ href: `/admin/cycles/${cycle.id}`, label: cycle.title }}
      title={`${TITLES[action]}: ${preview.included} ${preview.included === 1 ? 'school' : 'schools'}`}
      summary={
        <>
          <p>
            {byFilter ? `${targets.length} ${targets.length === 1 ? 'school matches' : 'schools match'} the filter` : `You ticked ${targets.length} ${targets.length === 1 ? 'school' : 'schools'}`}; this applies to {preview.included}.
          </p>
          {skipped.length > 0 && (
            <>
              <p>Left out:</p>
              <ul>
                {skipped.map((t) => (
                  <li>
                    {t.schoolName}: {t.skip}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      }
      groups={preview.groups}
      action={`/admin/cycles/${cycle.id}/bulk/apply`}
      hidden={hidden}
      submitLabel={TITLES[action]}
      nothingToDo={preview.included === 0 ? 'None of the ticked schools can take this action. Go back and tick others.' : undefined}
      form={form}
    >
      {targets.filter((t) => !t.skip).map((t) => (
        <input type="hidden" name="pid" value={t.id} />
      ))}
      {action === 'extend' && (
        <div class={untilError ? 'field field-error' : 'field'}>
          <label for="until">New deadline</label>
          <p class="hint" id="until-hint">The end of this day (UTC), for every school above.</p>
          {untilError && (
            <p class="error-message" id="until-error">
              {untilError}
            </p>
          )}
          <input id="until" name="until" type="date" value={form.values['until'] ?? ''} aria-invalid={untilError ? 'true' : undefined} aria-describedby={untilError ? 'until-hint until-error' : 'until-hint'} />
        </div>
      )}
    </ConfirmationPage>
  )
}
