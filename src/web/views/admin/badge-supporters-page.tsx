import type { supportersConsole } from '../../../services/badges/badge-settings'
import type { FormState } from '../../form'
import { ErrorSummary, SelectField, TextField } from '../form-fields'

type Console = Awaited<ReturnType<typeof supportersConsole>>

/** Inaugural Supporters: schools the program invited for their early engagement, flagged by hand, never from scores. */
export function SupportersPage({ data, form }: { data: Console; form: FormState }) {
  return (
    <>
      <p>
        <a href="/admin/badges/issued">← Issued badges</a>
      </p>
      <h1>Inaugural Supporters</h1>
      <p>The public directory lists these schools with the year and note below. They were invited for their prior engagement with the program; scores play no part.</p>
      {data.supporters.length === 0 ? (
        <p>No school is flagged yet.</p>
      ) : (
        <ul>
          {data.supporters.map((s) => (
            <li>
              <strong>{s.schoolName}</strong>, since {s.year}
              {s.note ? `: ${s.note}` : ''}
              <form method="post" action={`/admin/badges/supporters/${s.schoolId}/remove`} class="inline-form">
                <button type="submit" class="button-secondary">
                  Remove<span class="visually-hidden"> {s.schoolName}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>Flag a school</h2>
      <ErrorSummary form={form} />
      <form method="post" action="/admin/badges/supporters" novalidate>
        <SelectField name="schoolId" label="School" form={form} blank="Choose a school" options={data.schools.map((s) => ({ value: s.id, label: `${s.name} (${s.state})` }))} />
        <TextField name="year" label="Year" hint="The year the school became an Inaugural Supporter, for example 2024." form={form} />
        <TextField name="note" label="Note (optional)" hint="Shown in the public directory. At most 500 characters." form={form} />
        <button type="submit" class="button">Flag as an Inaugural Supporter</button>
      </form>
    </>
  )
}
