import type { ImportPreview } from '../../../services/directory/directory-import'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'

export function ImportUploadPage({ message }: { message?: string | undefined }) {
  return (
    <>
      <p>
        <a href="/admin/schools">← Directory of schools</a>
      </p>
      <h1>Import schools from CSV</h1>
      <p>
        Upload a CSV file in our template’s columns (<a href="/admin/schools/template.csv">download the template</a>) or in the
        shape of the public roster of MD, DO and dental schools. You will see every row checked, and any duplicates, before anything is
        saved.
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

/** The dry run: row by row, problems first; the confirm button appears only when nothing is wrong. */
export function ImportPreviewPage({ preview, content }: { preview: Extract<ImportPreview, { ok: true }>; content: string }) {
  const { plan } = preview
  const clean = plan.problems.length === 0
  return (
    <>
      <p>
        <a href="/admin/schools/import">← Choose another file</a>
      </p>
      <h1>Check the import</h1>
      <p>
        {preview.rowCount} rows read as {preview.shape === 'roster' ? 'the public roster' : 'our template'}.{' '}
        {clean ? 'Every row is ready to import.' : `${plan.problems.length} problems to fix; nothing has been saved.`}
      </p>
      {!clean && (
        <table>
          <caption>Problems, by row of the file (row 1 is the header)</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {plan.problems.map((p) => (
              <tr class={p.duplicate ? 'row-duplicate' : undefined}>
                <td class="num">{p.row}</td>
                <td>{p.field ?? (p.duplicate ? 'duplicate' : '')}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {clean && (
        <form method="post" action="/admin/schools/import/confirm">
          <input type="hidden" name="content" value={content} />
          <button type="submit" class="button">Import {plan.entries.length} schools</button>
        </form>
      )}
      <h2>Rows read</h2>
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
          {plan.entries.slice(0, 200).map(({ row, entry }) => (
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
      {plan.entries.length > 200 && <p class="muted">…and {plan.entries.length - 200} more.</p>}
    </>
  )
}
