import { sampleSizeField } from '../../../domain/cycle/cycle-settings'
import { DISCIPLINES, DISCIPLINE_LABELS, type Discipline } from '../../../domain/school/school-facts'
import type { FormState } from '../../form'
import { ChoiceGroup, ErrorSummary, SelectField, TextField } from '../form-fields'

/** New and draft cycles share this form; `disciplines` are the ticked boxes. */
export function CycleFormPage(props: {
  id: string | null
  form: FormState
  disciplines: readonly string[]
  versions: readonly string[]
  eligible: Record<Discipline, number>
}) {
  const { id, form, disciplines, versions, eligible } = props
  return (
    <>
      <p>
        <a href={id ? `/admin/cycles/${id}` : '/admin/cycles'}>← {id ? 'Back to the cycle' : 'Assessment cycles'}</a>
      </p>
      <h1>{id ? 'Edit the draft cycle' : 'New assessment cycle'}</h1>
      <form method="post" action={id ? `/admin/cycles/${id}/edit` : '/admin/cycles/new'} class="narrow" novalidate>
        <ErrorSummary form={form} />
        <TextField name="title" label="Title" hint="For example: 2026 national round." form={form} required />
        <SelectField
          name="instrumentVersion"
          label="Instrument version"
          form={form}
          options={versions.map((v) => ({ value: v, label: v }))}
        />
        <ChoiceGroup
          name="disciplines"
          legend="Eligible disciplines"
          type="checkbox"
          form={form}
          checked={disciplines}
          options={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))}
        />
        <fieldset class="field">
          <legend>How many schools to invite, per discipline</legend>
          <p class="hint">
            Leave a discipline empty to invite every eligible (active) school of it. Enter a number to invite a random sample of that
            many. Only the ticked disciplines count.
          </p>
          {DISCIPLINES.map((d) => (
            <TextField
              name={sampleSizeField(d)}
              label={`${DISCIPLINE_LABELS[d]}: schools to draw`}
              hint={`${eligible[d].toLocaleString('en-US')} eligible today.`}
              form={form}
              type="number"
            />
          ))}
        </fieldset>
        <TextField
          name="sampleSeed"
          label="Sample seed (optional)"
          hint="Used by every sampled discipline. The same seed and the same directory draw the same schools. Leave empty and one is chosen and recorded."
          form={form}
          type="number"
        />
        <ChoiceGroup
          name="pilot"
          legend="Pilot or test round"
          hint="A pilot round is never counted in public figures or in the norms of other cycles. Its schools still get their scores."
          type="checkbox"
          form={form}
          checked={form.values.pilot === 'yes' ? ['yes'] : []}
          options={[{ value: 'yes', label: 'This is a pilot or test round' }]}
        />
        <TextField name="opensOn" label="Opening date" form={form} type="date" required />
        <TextField name="deadlineOn" label="Deadline" hint="Answers are accepted until the end of this day (UTC)." form={form} type="date" required />
        <TextField
          name="reminderDays"
          label="Reminders, in days before the deadline"
          hint="Separated by commas, for example 30, 14, 7, 1. Schools that submitted get none."
          form={form}
        />
        <ChoiceGroup
          name="closeAtDeadline"
          legend="Closing"
          type="checkbox"
          form={form}
          checked={[form.values.closeAtDeadline ?? '']}
          hint="Schools with an extension keep answering until their own deadline."
          options={[{ value: 'yes', label: 'Close the cycle by itself at the deadline' }]}
        />
        <button type="submit" class="button">{id ? 'Save the draft' : 'Create the draft cycle'}</button>
      </form>
    </>
  )
}
