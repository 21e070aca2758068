import type { InstrumentVersionSummary } from '../../../services/instruments/instrument-catalog'
import { When } from '../format'

/** Every imported version, whether a cycle uses it, and a form to compare two. */
export function InstrumentListPage({ versions }: { versions: InstrumentVersionSummary[] }) {
  return (
    <>
      <h1>Instrument versions</h1>
      <p class="lead">
        Questionnaires are imported from <code>instruments/*.yaml</code> at every start (or with <code>smm instruments import</code>). A
        version never changes once imported; a changed file needs a new id.
      </p>
      {versions.length === 0 ? (
        <p>No instrument imported yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Title</th>
              <th scope="col">Imported</th>
              <th scope="col">Content hash</th>
              <th scope="col">Used by</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>
                  <a href={`/admin/instruments/${v.id}`}>{v.id}</a>
                </td>
                <td>{v.title}</td>
                <td>
                  <When at={v.importedAt} dateOnly />
                </td>
                <td>
                  <code>{v.contentHash.slice(0, 12)}</code>
                </td>
                <td>{v.inUse ? <span class="status status-open">in use · {v.cycles} {v.cycles === 1 ? 'cycle' : 'cycles'}</span> : 'no cycle yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {versions.length > 1 && (
        <section>
          <h2>Compare two versions</h2>
          <form method="get" action="/admin/instruments/diff" class="inline-form">
            <VersionSelect name="before" label="Older version" versions={versions} selected={versions[0]!.id} />
            <VersionSelect name="after" label="Newer version" versions={versions} selected={versions[versions.length - 1]!.id} />
            <button type="submit" class="button">Compare</button>
          </form>
        </section>
      )}
    </>
  )
}

function VersionSelect(props: { name: string; label: string; versions: InstrumentVersionSummary[]; selected: string }) {
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      <select id={props.name} name={props.name}>
        {props.versions.map((v) => (
          <option value={v.id} selected={v.id === props.selected}>
            {v.id}
          </option>
        ))}
      </select>
    </div>
  )
}
