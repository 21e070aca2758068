import type { FormState } from '../form'

type Described = { name: string; hint?: string | undefined; error?: string | undefined }

/** The ids of a field's hint and error, for aria-describedby, so screen readers read them with the control. */
export const describedBy = ({ name, hint, error }: Described) =>
  [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined

/** A field's hint and error message, with the ids `describedBy` points at. */
export function HintAndError({ name, hint, error }: Described) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${name}-error`}>
          {error}
        </p>
      )}
    </>
  )
}

/** A labelled text input with its hint and error tied to it, so screen readers read all three together. */
export function TextField(props: {
  name: string
  label: string
  form: FormState
  type?: 'text' | 'email' | 'number' | 'url' | 'date'
  hint?: string
  autocomplete?: string
  required?: boolean
}) {
  const { name, label, form } = props
  const error = form.errors[name]?.[0]
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      <HintAndError name={name} hint={props.hint} error={error} />
      <input
        id={name}
        name={name}
        type={props.type ?? 'text'}
        value={form.values[name] ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy({ name, hint: props.hint, error })}
      />
    </div>
  )
}

/** Shown at the top of a form that came back with mistakes; focus-worthy and linked to each field. */
export function ErrorSummary({ form }: { form: FormState }) {
  const fields = Object.entries(form.errors).filter(([, messages]) => messages && messages.length > 0)
  if (fields.length === 0 && !form.message) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {form.message && <li>{form.message}</li>}
        {fields.map(([name, messages]) => (
          <li>
            <a href={`#${name}`}>{messages![0]}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A labelled select with its hint and error tied to it; `blank` adds a first, empty choice. */
export function SelectField(props: {
  name: string
  label: string
  form: FormState
  options: readonly { value: string; label: string }[]
  hint?: string
  blank?: string
  required?: boolean
}) {
  const { name, label, form } = props
  const error = form.errors[name]?.[0]
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      <HintAndError name={name} hint={props.hint} error={error} />
      <select id={name} name={name} required={props.required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy({ name, hint: props.hint, error })}>
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={form.values[name] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** A group of checkboxes or radios in a fieldset, its legend naming the question; `checked` lists the chosen values. */
export function ChoiceGroup(props: {
  name: string
  legend: string
  type: 'checkbox' | 'radio'
  form: FormState
  checked: readonly string[]
  options: readonly { value: string; label: string }[]
  hint?: string
}) {
  const { name, form } = props
  const error = form.errors[name]?.[0]
  return (
    <fieldset id={name} class={error ? 'field field-error' : 'field'} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {error && (
        <p class="error-message" id={`${name}-error`}>
          {error}
        </p>
      )}
      {props.options.map((o) => (
        <div class="choice">
          <input type={props.type} id={`${name}-${o.value}`} name={name} value={o.value} checked={props.checked.includes(o.value)} />
          <label for={`${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  )
}
