import type { ItemDiff } from '../../../domain/instrument/instrument-diff'
import type { Item } from '../../../domain/instrument/instrument-model'
import type { InstrumentVersionView } from '../../../services/instruments/instrument-catalog'

const CHANGE_LABELS = { added: 'Added', removed: 'Removed', changed: 'Changed', same: 'Same' } as const

/** Two versions side by side, item by item: what was added, removed or changed, and what changed. */
export function InstrumentDiffPage({ before, after, rows }: { before: InstrumentVersionView; after: InstrumentVersionView; rows: ItemDiff[] }) {
  const count = (change: ItemDiff['change']) => rows.filter((r) => r.change === change).length
  const shown = rows.filter((r) => r.change !== 'same')
  return (
    <>
      <p>
        <a href="/admin/instruments">All instrument versions</a>
      </p>
      <h1>
        {before.id} compared with {after.id}
      </h1>
      <p>
        {count('added')} added · {count('removed')} removed · {count('changed')} changed · {count('same')} unchanged (not listed)
      </p>
      {shown.length === 0 ? (
        <p>The two versions ask the same questions.</p>
      ) : (
        <table class="diff">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">{before.id}</th>
              <th scope="col">{after.id}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr class={`diff-${row.change}`}>
                <th scope="row">
                  <code>{row.id}</code>
                  <br />
                  <span class={`status diff-status-${row.change}`}>{CHANGE_LABELS[row.change]}</span>
                  {row.what.length > 0 && <span class="small muted"> {row.what.join(', ')}</span>}
                </th>
                <td>{row.before ? <ItemSummary item={row.before} /> : <span class="muted">not in this version</span>}</td>
                <td>{row.after ? <ItemSummary item={row.after} /> : <span class="muted">not in this version</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

function ItemSummary({ item }: { item: Item }) {
  return (
    <>
      <p class="diff-text">{item.text}</p>
      {'options' in item && (
        <ul class="small">
          {item.options.map((o) => (
            <li>
              {o.label} ({o.points} pt)
            </li>
          ))}
        </ul>
      )}
      {item.kind === 'number' && item.bands && <p class="small">Bands: {item.bands.map((b) => `≥ ${b.min}: ${b.points} pt`).join('; ')}</p>}
      {item.kind === 'yes-no' && <p class="small">Yes {item.points.yes} pt, no {item.points.no} pt</p>}
      {item.disciplines && <p class="small">Only for: {item.disciplines.join(', ')}</p>}
      {item.showIf && <p class="small">Shown if {item.showIf}</p>}
    </>
  )
}
