import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { SchoolsForCycle } from '../../../services/cycles/participation-admin'
import type { FormState } from '../../form'
import { ChoiceGroup, ErrorSummary, SelectField, TextField } from '../form-fields'

/**
 * Adding schools to an open cycle: search by name, state or IPEDS unit id, tick several, add and invite them.
 * Schools already in the cycle are listed as such, with no box to tick.
 */
export function CycleAddSchoolsPage({ found, form, ticked }: { found: SchoolsForCycle; form: FormState; ticked: readonly string[] }) {
  const { cycle, results, searched, more, states } = found
  const base = `/admin/cycles/${cycle.id}/schools/add`
  const any = (label: string) => [{ value: '', label }]
  return (
    <>
      <p>
        <a href={`/admin/cycles/${cycle.id}`}>← {cycle.title}</a>
      </p>
      <h1>Add schools to this cycle</h1>
      <ErrorSummary form={form} />
      <form method="get" action={base} class="filter-form" role="search" aria-label="Find schools to add">
        <TextField name="q" label="Name, city or IPEDS unit id" form={form} />
        <SelectField name="state" label="State" form={form} options={[...any('Any state'), ...states.map((s) => ({ value: s, label: s }))]} />
        {cycle.disciplines.length > 1 && (
          <SelectField
            name="discipline"
            label="Discipline"
            form={form}
            options={[...any('Any of this cycle’s'), ...cycle.disciplines.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))]}
          />
        )}
        <button type="submit" class="button">Search</button>
      </form>
      {!searched && <p>Search for the schools to add. Only active schools of this cycle’s disciplines are listed.</p>}
      {searched && (
        <p role="status">
          {results.length === 0 ? 'No school matches.' : `${results.length}${more ? '+' : ''} ${results.length === 1 ? 'school' : 'schools'} found.`}
          {more && ' Narrow the search to see the rest.'}
        </p>
      )}
      {results.length > 0 && (
        <form method="post" action={base} novalidate>
          {/* The search travels with the form, so a mistake brings back the same list. */}
          <input type="hidden" name="q" value={form.values.q ?? ''} />
          <input type="hidden" name="state" value={form.values.state ?? ''} />
          <input type="hidden" name="discipline" value={form.values.discipline ?? ''} />
          <fieldset id="schoolIds" class={form.errors.schoolIds ? 'field field-error' : 'field'} aria-describedby={form.errors.schoolIds ? 'schoolIds-error' : undefined}>
            <legend>Schools to add and invite</legend>
            {form.errors.schoolIds && (
              <p class="error-message" id="schoolIds-error">
                {form.errors.schoolIds[0]}
              </p>
            )}
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Add</th>
                    <th scope="col">School</th>
                    <th scope="col">State</th>
                    <th scope="col">Discipline</th>
                    <th scope="col">IPEDS unit id</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((s) => (
                    <tr>
                      <td>
                        {s.inCycle ? (
                          <span class="muted">In the cycle</span>
                        ) : (
                          <input type="checkbox" id={`school-${s.id}`} name="schoolIds" value={s.id} checked={ticked.includes(s.id)} />
                        )}
                      </td>
                      <td>
                        {s.inCycle ? s.name : <label for={`school-${s.id}`}>{s.name}</label>}
                        {s.city && <div class="muted small">{s.city}</div>}
                        {!s.deanEmail && !s.inCycle && <div class="muted small">No dean’s e-mail: give an addressee after adding.</div>}
                      </td>
                      <td>{s.state}</td>
                      <td>{DISCIPLINE_LABELS[s.discipline]}</td>
                      <td>{s.ipedsUnitId ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>
          <ChoiceGroup
            name="source"
            legend="Why are they joining?"
            type="radio"
            form={form}
            checked={[form.values.source ?? 'late-invite']}
            options={[
              { value: 'late-invite', label: 'Invited late by the program' },
              { value: 'on-request', label: 'The schools asked to join' },
            ]}
          />
          <button type="submit" class="button">Add the ticked schools and invite them</button>
        </form>
      )}
    </>
  )
}
