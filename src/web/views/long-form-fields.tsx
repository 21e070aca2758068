import type { FormState } from '../form'
import { HintAndError, describedBy } from './form-fields'

// More field kinds in the style of form-fields.tsx: label, hint and error tied to the control for screen readers.

export function TextAreaField(props: { name: string; label: string; form: FormState; hint?: string; rows?: number; required?: boolean }) {
  const { name, form } = props
  const error = form.errors[name]?.[0]
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={name}>{props.label}</label>
      <HintAndError name={name} hint={props.hint} error={error} />
      <textarea
        id={name}
        name={name}
        rows={props.rows ?? 6}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy({ name, hint: props.hint, error })}
      >
        {form.values[name] ?? ''}
      </textarea>
    </div>
  )
}

export function CheckboxField(props: { name: string; label: string; form: FormState; hint?: string }) {
  const { name, form } = props
  const error = form.errors[name]?.[0]
  return (
    <div class={error ? 'field field-error checkbox-field' : 'field checkbox-field'}>
      <input
        id={name}
        name={name}
        type="checkbox"
        value="on"
        checked={form.values[name] === 'on'}
        aria-describedby={describedBy({ name, hint: props.hint, error })}
      />
      <label for={name}>{props.label}</label>
      <HintAndError name={name} hint={props.hint} error={error} />
    </div>
  )
}

/**
 * A field people never see (hidden by CSS and from screen readers) that bots fill in. Named like a real field so
 * form-filling bots take the bait; not focusable, so keyboard users never land in it.
 */
export function HoneypotField({ label }: { label: string }) {
  return (
    <div class="hp" aria-hidden="true">
      <label for="website">{label}</label>
      <input id="website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
    </div>
  )
}
