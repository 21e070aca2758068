import { itemsOf } from '../../../domain/instrument/instrument-model'
import { DISCIPLINES, DISCIPLINE_LABELS, type Discipline } from '../../../domain/school/school-facts'
import type { InstrumentVersionView } from '../../../services/instruments/instrument-catalog'
import { When } from '../format'

export function DisciplineSelect({ selected }: { selected: Discipline }) {
  return (
    <div class="field">
      <label for="discipline">Discipline</label>
      <select id="discipline" name="discipline">
        {DISCIPLINES.map((d) => (
          <option value={d} selected={d === selected}>
            {DISCIPLINE_LABELS[d]}
          </option>
        ))}
      </select>
    </div>
  )
}

/** One version: its shape, where it is used, preview and print for a discipline, and its crosswalk if it has one. */
export function InstrumentVersionPage({ version }: { version: InstrumentVersionView }) {
  const { instrument } = version
  const items = itemsOf(instrument)
  return (
    <>
      <p>
        <a href="/admin/instruments">All instrument versions</a>
      </p>
      <h1>{instrument.title}</h1>
      <dl class="pairs">
        <dt>Version id</dt>
        <dd>
          <code>{instrument.id}</code>
        </dd>
        <dt>Shape</dt>
        <dd>
          {instrument.domains.length} domains, {instrument.domains.flatMap((d) => d.areas).length} areas, {items.length} items (
          {items.filter((i) => i.item.scored).length} scored)
        </dd>
        <dt>Imported</dt>
        <dd>
          <When at={version.importedAt} /> from <code>{version.sourceFile}</code>
        </dd>
        <dt>Content hash</dt>
        <dd>
          <code>{version.contentHash}</code>
        </dd>
        <dt>Used by</dt>
        <dd>{version.cycles > 0 ? `${version.cycles} ${version.cycles === 1 ? 'cycle' : 'cycles'}: in use, can never change` : 'no cycle yet'}</dd>
      </dl>
      <section class="cards">
        <form method="get" action={`/admin/instruments/${instrument.id}/preview`} class="card">
          <h2>Preview as a respondent</h2>
          <DisciplineSelect selected="md" />
          <button type="submit" class="button">Preview</button>
        </form>
        <form method="get" action={`/admin/instruments/${instrument.id}/print`} class="card">
          <h2>Printable questionnaire (PDF)</h2>
          <DisciplineSelect selected="md" />
          <button type="submit" class="button">Download PDF</button>
        </form>
      </section>
      {instrument.crosswalk && (
        <section>
          <h2>Crosswalk to {instrument.crosswalk.to}</h2>
          {instrument.crosswalk.note && <p>{instrument.crosswalk.note}</p>}
          <table>
            <thead>
              <tr>
                <th scope="col">Area in {instrument.id}</th>
                <th scope="col">Area in {instrument.crosswalk.to}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(instrument.crosswalk.areas).map(([from, to]) => (
                <tr>
                  <td>
                    <code>{from}</code>
                  </td>
                  <td>{to.map((a) => <code class="tag">{a}</code>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section>
        <h2>Domains and areas</h2>
        {instrument.domains.map((domain) => (
          <>
            <h3>
              {domain.title} <span class="muted small">(weight {domain.weight})</span>
            </h3>
            <ul>
              {domain.areas.map((area) => (
                <li>
                  {area.title} <code class="small">{area.id}</code> · {area.items.length} items
                </li>
              ))}
            </ul>
          </>
        ))}
      </section>
    </>
  )
}
