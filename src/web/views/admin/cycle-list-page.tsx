import { CYCLE_STATUS_LABELS } from '../../../domain/cycle/cycle-states'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { cycleList } from '../../../services/cycles/cycle-admin'
import { When } from '../format'

export function CycleListPage({ cycles }: { cycles: Awaited<ReturnType<typeof cycleList>> }) {
  return (
    <>
      <h1>Assessment cycles</h1>
      <p>
        <a class="button" href="/admin/cycles/new">New cycle</a> <a href="/admin/historical-rounds">Import a past round</a>
      </p>
      <CycleTable cycles={cycles} />
    </>
  )
}

/** Every cycle with its status and dates; the admin home and the cycle list show the same table. */
export function CycleTable({ cycles }: { cycles: Awaited<ReturnType<typeof cycleList>> }) {
  return cycles.length === 0 ? (
    <p>No cycle yet.</p>
  ) : (
    <table>
      <thead>
        <tr>
          <th scope="col">Cycle</th>
          <th scope="col">Status</th>
          <th scope="col">Disciplines</th>
          <th scope="col">Opens</th>
          <th scope="col">Deadline</th>
        </tr>
      </thead>
      <tbody>
        {cycles.map((c) => (
          <tr>
            <td>
              <a href={`/admin/cycles/${c.id}`}>{c.title}</a>
              {c.pilot && <span class="tag">pilot</span>}
            </td>
            <td>
              <span class={`status status-${c.status}`}>{CYCLE_STATUS_LABELS[c.status]}</span>
              {c.kind === 'historical' && ' (imported)'}
            </td>
            <td>{c.disciplines.map((d) => DISCIPLINE_LABELS[d]).join(', ')}</td>
            <td>
              <When at={c.opensAt} dateOnly />
            </td>
            <td>
              <When at={c.deadlineAt} dateOnly />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
