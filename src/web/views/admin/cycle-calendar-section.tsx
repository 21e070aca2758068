import type { CycleDashboard } from '../../../services/cycles/cycle-monitoring'
import { When } from '../format'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** How many schools keep answering after the close: shown beside the close button and on a closed cycle. */
export function ExtensionsNote({ view }: { view: CycleDashboard }) {
  const { cycle, insideExtension } = view
  if (cycle.status === 'draft' || insideExtension === 0) return null
  const who = plural(insideExtension, 'school is', 'schools are')
  return (
    <p class="notice" id="extensions-note">
      {who} still inside an extension.{' '}
      {cycle.status === 'open' ? 'Closing the cycle does not stop them: they' : 'They'} can keep answering until their own deadline,
      and their responses are placed against the frozen norms as late ones.
    </p>
  )
}

function Switch({ cycleId, field, on, label }: { cycleId: string; field: 'openOnOpensAt' | 'closeAtDeadline'; on: boolean; label: string }) {
  return (
    <form method="post" action={`/admin/cycles/${cycleId}/calendar`} class="inline">
      <input type="hidden" name={field} value={on ? 'yes' : 'no'} />
      <button type="submit" class="button button-secondary">{label}</button>
    </form>
  )
}

/** The dates that run the cycle by themselves: sending on the opening date and closing at the deadline. */
export function CycleCalendarSection({ view }: { view: CycleDashboard }) {
  const { cycle } = view
  if (cycle.status !== 'draft' && cycle.status !== 'open') return null
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">Dates that run by themselves</h2>
      {cycle.status === 'draft' && (
        <p>
          {cycle.openOnOpensAt ? (
            <>
              The invitations will be sent by themselves on <When at={cycle.opensAt} dateOnly /> (within the hour).{' '}
              <Switch cycleId={cycle.id} field="openOnOpensAt" on={false} label="Cancel the scheduled send" />
            </>
          ) : (
            <>
              Nothing is sent until you open the cycle.{' '}
              <Switch cycleId={cycle.id} field="openOnOpensAt" on label="Send the invitations on the opening date" />
            </>
          )}
        </p>
      )}
      <p>
        {cycle.closeAtDeadline ? (
          <>
            The cycle closes by itself at the deadline, <When at={cycle.deadlineAt} />.{' '}
            <Switch cycleId={cycle.id} field="closeAtDeadline" on={false} label="Do not close it by itself" />
          </>
        ) : (
          <>
            The cycle stays open until you close it.{' '}
            <Switch cycleId={cycle.id} field="closeAtDeadline" on label="Close it by itself at the deadline" />
          </>
        )}
      </p>
    </section>
  )
}
