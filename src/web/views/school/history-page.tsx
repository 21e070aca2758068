import { itemsOf } from '../../../domain/instrument/instrument-model'
import type { responseHistory } from '../../../services/responses/response-overview'
import { When } from '../format'
import { answerText } from './answer-text'

const SOURCES = { online: 'Online', paper: 'Paper copy', 'carry-forward': 'Carried forward', confirm: 'Confirmed', admin: 'Program team' } as Record<string, string>

export function HistoryPage({ view }: { view: Awaited<ReturnType<typeof responseHistory>> }) {
  const items = new Map(itemsOf(view.access.instrument).map((e) => [e.item.id, e.item]))
  return (
    <>
      <p>
        <a href={`/school/responses/${view.access.id}`}>Back to the response overview</a>
      </p>
      <h1>Answer history</h1>
      <p class="lead">Every change to {view.access.schoolName}’s answers, newest first.</p>
      {view.rows.length === 0 ? (
        <p>No answers yet.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Question</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">How</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr>
                  <td><When at={row.changedAt} /></td>
                  <td>{row.name ?? row.email ?? '—'}</td>
                  <td>{items.get(row.itemId)?.text ?? row.itemId}</td>
                  <td>{answerText(items.get(row.itemId), row.oldValue)}</td>
                  <td>{answerText(items.get(row.itemId), row.newValue)}</td>
                  <td>{SOURCES[row.source] ?? row.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
