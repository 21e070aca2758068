import { CYCLE_ADVANCE_LABELS, type CycleStatus } from '../../../domain/cycle/cycle-states'

/**
 * Steps that e-mail people or cannot be undone go through a confirmation page first; scoring posts at once. Opening
 * is confirmed on its preview, which counts the schools per discipline and shows the invitation.
 */
const CONFIRM_PAGE: Partial<Record<CycleStatus, string>> = { open: 'open', closed: 'confirm/close', released: 'confirm/release' }

/** The button that moves a cycle on from its status, or the link to the page that confirms it. */
export function AdvanceCycleAction({ cycle, next, disabled }: { cycle: { id: string; status: CycleStatus }; next: CycleStatus; disabled?: boolean }) {
  const label = CYCLE_ADVANCE_LABELS[cycle.status]
  const confirm = CONFIRM_PAGE[next]
  if (confirm) {
    // While a job runs the step waits; the progress script turns this into the link when the job is done.
    if (disabled) return <span class="button" aria-disabled="true" data-job-link={`/admin/cycles/${cycle.id}/${confirm}`}>{label}</span>
    return (
      <a class="button" href={`/admin/cycles/${cycle.id}/${confirm}`}>
        {label}
      </a>
    )
  }
  return (
    <form method="post" action={`/admin/cycles/${cycle.id}/advance`} class="inline" data-job-form>
      <input type="hidden" name="to" value={next} />
      <button type="submit" class="button" disabled={disabled}>
        {label}
      </button>
    </form>
  )
}
