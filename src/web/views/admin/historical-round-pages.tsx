import type { HistoricalPreview } from '../../../services/history/historical-import'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { FormState } from '../../form'
import { ErrorSummary, HintAndError, SelectField, TextField, describedBy } from '../form-fields'
import { RowProblemsTable } from './row-problems-table'

const BASE = '/admin/historical-rounds'
const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
const FILE_HINT = 'One row per school, matched by school_id or ipeds_unit_id.'

/** The round's name, year, version and file; errors beside each field and in the summary above. */
export function HistoricalRoundUploadPage({ form, versions }: { form: FormState; versions: readonly string[] }) {
  const fileError = form.errors.file?.[0]
  return (
    <>
      <p>
        <a href="/admin/cycles">← Assessment cycles</a>
      </p>
      <h1>Import a past round</h1>
      <p>
        Bring in the results of a round that ran before this platform, so that the schools who took part see their trend and can carry
        their answers forward. Each school is one row of a CSV file: either its answers to the items, or only its area scores (0–100)
        where only those survive. Nothing is imported until every row is right.
      </p>
      <h2>Templates and codebooks</h2>
      <ul>
        {versions.map((v) => (
          <li>
            {v}: <a href={`${BASE}/${v}/answers-template.csv`}>answers template</a> · <a href={`${BASE}/${v}/area-scores-template.csv`}>area scores template</a> ·{' '}
            <a href={`${BASE}/${v}/codebook`}>codebook</a>
          </li>
        ))}
      </ul>
      <h2>The round and its file</h2>
      <form method="post" action={BASE} enctype="multipart/form-data" class="narrow" novalidate>
        <ErrorSummary form={form} />
        <TextField name="title" label="Name of the round" form={form} hint="As schools will see it in their trend, e.g. “2019 national round”." required />
        <TextField name="year" label="Year it ran" form={form} type="number" required />
        <SelectField name="instrumentVersion" label="Instrument version" form={form} options={versions.map((v) => ({ value: v, label: v }))} blank="Choose a version" required />
        <div class={fileError ? 'field field-error' : 'field'}>
          <label for="file">CSV file (UTF-8)</label>
          <HintAndError name="file" hint={FILE_HINT} error={fileError} />
          <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-invalid={fileError ? 'true' : undefined} aria-describedby={describedBy({ name: 'file', hint: FILE_HINT, error: fileError })} />
        </div>
        <button type="submit" class="button">Check the file</button>
      </form>
    </>
  )
}

type Checked = Extract<HistoricalPreview, { ok: true }>

/** The dry run, row by row: problems first (summary and table), the import button only when there are none. */
export function HistoricalRoundPreviewPage({ preview, content }: { preview: Checked; content: string }) {
  const { settings, rows, problems } = preview
  const clean = problems.length === 0
  const answers = rows.filter((r) => r.kind === 'answers').length
  return (
    <>
      <p>
        <a href={BASE}>← Choose another file</a>
      </p>
      <h1>Check the import of {settings.title}</h1>
      {!clean && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">There is a problem</h2>
          <p>
            {problems.length} {problems.length === 1 ? 'problem' : 'problems'} in the file. Nothing has been imported: correct the file and upload it again.
          </p>
          <ul>
            {problems.slice(0, 20).map((p, i) => (
              <li>
                <a href={`#problem-${i}`}>
                  Row {p.row}
                  {p.field ? `, ${p.field}` : ''}: {p.message}
                </a>
              </li>
            ))}
          </ul>
          {problems.length > 20 && <p>…and {problems.length - 20} more in the table below.</p>}
        </div>
      )}
      <dl class="pairs">
        <dt>Year and version</dt>
        <dd>
          {settings.year}, {settings.instrumentVersion}
        </dd>
        <dt>Rows read</dt>
        <dd>{preview.rowCount}</dd>
        <dt>Rows without problems</dt>
        <dd>
          {answers} with item answers, {rows.length - answers} with area scores only
        </dd>
      </dl>
      {!clean && (
        <RowProblemsTable problems={problems} columnLabel="Column" />
      )}
      {clean && (
        <form method="post" action={`${BASE}/confirm`}>
          <input type="hidden" name="title" value={settings.title} />
          <input type="hidden" name="year" value={String(settings.year)} />
          <input type="hidden" name="instrumentVersion" value={settings.instrumentVersion} />
          <input type="hidden" name="content" value={content} />
          <p>
            Importing creates the round as a scored cycle, marked as imported, and freezes its norms. It cannot be undone from this page.
          </p>
          <button type="submit" class="button">
            Import {rows.length} {rows.length === 1 ? 'school' : 'schools'}
          </button>
        </form>
      )}
      {rows.length > 0 && (
        <div class="table-scroll" role="region" aria-label="Rows ready to import" tabindex={0}>
          <table>
            <caption>Rows ready to import</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">School</th>
                <th scope="col">Discipline</th>
                <th scope="col">Holds</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 200).map((r) => (
                <tr>
                  <td class="num">{r.row}</td>
                  <td>{r.school.name}</td>
                  <td>{DISCIPLINE_LABELS[r.school.discipline]}</td>
                  <td>{r.kind === 'answers' ? counted(r.answers.length, 'answer') : counted(Object.keys(r.areas).length, 'area score')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > 200 && <p class="muted">…and {rows.length - 200} more.</p>}
    </>
  )
}
