import { MAPPED_FIELD_LABELS, MAPPED_FIELDS, NURSING_BY_DEGREE, type ColumnMapping, type MappedField } from '../../../domain/school/directory-column-mapping'
import { DISCIPLINES, DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { MappingStep } from '../../../services/directory/directory-import'
import type { FormState, FormValues } from '../../form'
import { ErrorSummary, SelectField } from '../form-fields'

// The column-mapping step of the directory import, and the form fields that carry a mapping from page to page.

/** The form field that names the column for one field of the directory. */
export const mappingFieldName = (field: MappedField) => `map_${field}`
export const DISCIPLINE_FOR_ALL = 'discipline_all'

export function mappingAsFormValues(mapping: ColumnMapping): FormValues {
  const values: FormValues = {}
  for (const field of MAPPED_FIELDS) {
    const column = mapping.columns[field]
    if (column !== undefined) values[mappingFieldName(field)] = column
  }
  if (mapping.discipline !== null) values[DISCIPLINE_FOR_ALL] = mapping.discipline
  return values
}

/** The mapping travels with the file to the next step as hidden fields, and is checked again there. */
export function MappingHiddenFields({ mapping }: { mapping: ColumnMapping }) {
  return (
    <>
      {Object.entries(mappingAsFormValues(mapping)).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  )
}

const REQUIRED: readonly MappedField[] = ['name', 'city', 'state', 'control']
/** The order of the directory's own form, with our school id, which only an export carries, last. */
const BEFORE_DISCIPLINE: readonly MappedField[] = ['name', 'parent_institution', 'city', 'state']
const AFTER_DISCIPLINE: readonly MappedField[] = ['control', 'carnegie_group', 'ipeds_unit_id', 'website', 'dean_name', 'dean_email', 'status', 'school_id']
const HINTS: Partial<Record<MappedField, string>> = {
  control: 'IPEDS codes (1 public, 2 and 3 private) and labels such as “Private not-for-profit” are understood.',
  carnegie_group: 'Our groups, the Carnegie 2021 basic code (C21BASIC) or its roll-up (R1, R2, D/PU, Master’s…).',
  school_id: 'Only in a file exported from this directory: it matches each row to its school even after a rename.',
  status: 'active or inactive; IPEDS “yes” and “no” are understood.',
}

export function ImportMappingPage({ step, content }: { step: MappingStep; content: string }) {
  const columns = step.header.filter((h) => h !== '').map((h) => ({ value: h, label: h }))
  const errors = Object.fromEntries(step.problems.map((p) => [p.field === 'discipline' ? mappingFieldName('discipline') : mappingFieldName(p.field), [p.message]]))
  const form: FormState = { values: mappingAsFormValues(step.mapping), errors }
  return (
    <>
      <p>
        <a href="/admin/schools/import">← Choose another file</a>
      </p>
      <h1>Which column holds what?</h1>
      <p>
        This file has {step.rowCount} rows in columns that are not our template’s. Choose the column for each field; our guesses from the
        column names are filled in. Your answer is remembered for files with the same columns, so the next one skips this step.
      </p>
      <form method="post" action="/admin/schools/import" novalidate>
        <ErrorSummary form={form} />
        <input type="hidden" name="content" value={content} />
        <input type="hidden" name="step" value="map" />
        <div class="narrow">
          {BEFORE_DISCIPLINE.map((field) => (
            <MappingSelect field={field} form={form} columns={columns} />
          ))}
          <fieldset class="field">
            <legend>Discipline</legend>
            <p class="hint">IPEDS files have no discipline column: choose one discipline for every row, or nursing by the highest degree offered.</p>
            <SelectField name={mappingFieldName('discipline')} label="Column" form={form} options={columns} blank="Not in this file" />
            <SelectField
              name={DISCIPLINE_FOR_ALL}
              label="Or the same discipline for every row"
              form={form}
              options={[
                ...DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] })),
                { value: NURSING_BY_DEGREE, label: 'Nursing, by highest degree offered (associate: ADN; higher: BSN/MSN)' },
              ]}
              blank="No, take it from the column"
            />
            <MappingSelect field="highest_offering" form={form} columns={columns} />
          </fieldset>
          {AFTER_DISCIPLINE.map((field) => (
            <MappingSelect field={field} form={form} columns={columns} />
          ))}
          <button type="submit" class="button">Check the file with these columns</button>
        </div>
      </form>
      <h2>The file’s columns</h2>
      <div class="table-scroll">
        <table class="import-table">
          <caption>Each column with its values in the first rows</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">First values</th>
            </tr>
          </thead>
          <tbody>
            {step.header.map((h) => (
              <tr>
                <td>{h}</td>
                <td class="small">{step.sample.map((r) => r[h] ?? '').filter((v) => v !== '').join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

function MappingSelect({ field, form, columns }: { field: MappedField; form: FormState; columns: { value: string; label: string }[] }) {
  const label = REQUIRED.includes(field) ? MAPPED_FIELD_LABELS[field] : `${MAPPED_FIELD_LABELS[field]} (optional)`
  return <SelectField name={mappingFieldName(field)} label={label} hint={HINTS[field]} form={form} options={columns} blank="Not in this file" />
}
