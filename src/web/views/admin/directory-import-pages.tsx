import { MAPPED_FIELD_LABELS } from '../../../domain/school/directory-column-mapping'
import type { FieldChange, MatchedRow } from '../../../domain/school/directory-import-plan'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { PlanStep } from '../../../services/directory/directory-import'
import { MappingHiddenFields } from './directory-import-mapping'
import { RowProblemsTable } from './row-problems-table'

export function ImportUploadPage({ message }: { message?: string | undefined }) {
  return (
    <>
      <p>
        <a href="/admin/schools">← Directory of schools</a>
      </p>
      <h1>Import schools from CSV</h1>
      <p>
        Upload a CSV file in our template’s columns (<a href="/admin/schools/template.csv">download the template</a>), an export of this
        directory, the public roster of MD, DO and dental schools, the IPEDS directory (HD) file or a nursing association’s list. For a
        file in other columns you will say once which column holds what.
      </p>
      <p>
        Schools already in the directory are matched by our school id, or by IPEDS unit id, discipline and city, or by name and state. You
        will see every row checked, and what would change, before anything is saved.
      </p>
      <form method="post" action="/admin/schools/import" enctype="multipart/form-data" class="narrow">
        {message && (
          <div class="error-summary" role="alert" aria-labelledby="import-problem">
            <h2 id="import-problem">The file could not be read</h2>
            <p id="file-error">{message}</p>
          </div>
        )}
        <div class={message ? 'field field-error' : 'field'}>
          <label for="file">CSV file (UTF-8)</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby={message ? 'file-error' : undefined} />
        </div>
        <button type="submit" class="button">Check the file</button>
      </form>
    </>
  )
}

const SHAPE_NAMES: Record<PlanStep['shape'], string> = { template: 'our template', roster: 'the public roster', mapped: 'your column mapping' }
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const shown = (value: string) => (value === '' ? '(blank)' : value)

/** The dry run: problems first; otherwise new, changed (old → new, update or skip each) and unchanged rows. */
export function ImportPreviewPage({ preview, content }: { preview: PlanStep; content: string }) {
  const { plan } = preview
  const clean = plan.problems.length === 0
  const added = plan.rows.filter((r) => r.action === 'add')
  const changed = plan.rows.filter((r): r is MatchedRow => r.action === 'update')
  const unchanged = plan.rows.filter((r) => r.action === 'unchanged').length
  return (
    <>
      <p>
        <a href="/admin/schools/import">← Choose another file</a>
      </p>
      <h1>Check the import</h1>
      <p>
        {plural(preview.rowCount, 'row', 'rows')} read with {SHAPE_NAMES[preview.shape]}
        {preview.remembered ? ', saved from an earlier file with the same columns' : ''}:{' '}
        {plural(added.length, 'new school', 'new schools')}, {changed.length} changed, {unchanged} unchanged
        {clean ? '.' : `, and ${plural(plan.problems.length, 'problem', 'problems')} to fix; nothing has been saved.`}
      </p>
      {preview.shape === 'mapped' && (
        <form method="post" action="/admin/schools/import">
          <input type="hidden" name="content" value={content} />
          <input type="hidden" name="step" value="remap" />
          <MappingHiddenFields mapping={preview.mapping} />
          <button type="submit" class="link-button">Change which column holds what</button>
        </form>
      )}
      {!clean && <RowProblemsTable problems={plan.problems} columnLabel="Field" />}
      {clean && added.length === 0 && changed.length === 0 && <p>Every row is already in the directory as the file has it: there is nothing to import.</p>}
      {clean && (added.length > 0 || changed.length > 0) && (
        <form method="post" action="/admin/schools/import/confirm">
          <input type="hidden" name="content" value={content} />
          {preview.shape === 'mapped' && <MappingHiddenFields mapping={preview.mapping} />}
          {changed.length > 0 && <ChangedTable rows={changed} />}
          <div class="actions">
            <button type="submit" class="button" name="updates" value="chosen">
              {chosenLabel(added.length, changed.length)}
            </button>
            {changed.length > 0 && (
              <button type="submit" class="button" name="updates" value="all">
                {added.length === 0 ? `Update all ${changed.length} changed` : `Add ${added.length} and update all ${changed.length} changed`}
              </button>
            )}
          </div>
        </form>
      )}
      {added.length > 0 && <NewTable rows={added} />}
    </>
  )
}

function chosenLabel(added: number, changed: number) {
  if (changed === 0) return `Import ${plural(added, 'school', 'schools')}`
  if (added === 0) return 'Update the ticked schools'
  return `Add ${plural(added, 'new school', 'new schools')} and update the ticked ones`
}

function ChangeList({ changes }: { changes: FieldChange[] }) {
  return (
    <ul class="change-list">
      {changes.map((c) => (
        <li>
          {MAPPED_FIELD_LABELS[c.field]}: <del>{shown(c.from)}</del> → <ins>{shown(c.to)}</ins>
        </li>
      ))}
    </ul>
  )
}

function ChangedTable({ rows }: { rows: MatchedRow[] }) {
  return (
    <div class="table-scroll">
      <table class="import-table">
        <caption>Schools already in the directory that the file changes: tick those to update; the others are skipped</caption>
        <thead>
          <tr>
            <th scope="col">Update</th>
            <th scope="col">Row</th>
            <th scope="col">School</th>
            <th scope="col">What would change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <input type="checkbox" id={`update-${r.row}`} name="update" value={String(r.row)} />
              </td>
              <td class="num">{r.row}</td>
              <td>
                <label for={`update-${r.row}`}>{r.entry.name}</label>
              </td>
              <td>
                <ChangeList changes={r.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const NEW_ROWS_SHOWN = 200

function NewTable({ rows }: { rows: PlanStep['plan']['rows'] }) {
  return (
    <>
      <h2>New schools</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">School</th>
              <th scope="col">City, state</th>
              <th scope="col">Discipline</th>
              <th scope="col">IPEDS</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, NEW_ROWS_SHOWN).map(({ row, entry }) => (
              <tr>
                <td class="num">{row}</td>
                <td>{entry.name}</td>
                <td>
                  {entry.city}, {entry.state}
                </td>
                <td>{DISCIPLINE_LABELS[entry.discipline]}</td>
                <td>{entry.ipedsUnitId ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > NEW_ROWS_SHOWN && <p class="muted">…and {rows.length - NEW_ROWS_SHOWN} more.</p>}
    </>
  )
}
