import type { FieldReader } from '../../../domain/instrument/answer-form'
import { formItemOf } from '../../../domain/instrument/instrument-form'
import { OFFICE_LABELS, type Item } from '../../../domain/instrument/instrument-model'
import type { Condition } from '../../../domain/instrument/condition-language'

export type ItemViewProps = {
  item: Item
  field: FieldReader
  error?: string | undefined
  hidden: boolean
  showIf: Condition | undefined
  /** "4.2": shown before the question; respondents read numbers, not ids. */
  number?: string | undefined
  /** The item's id beside the office: for the program team's preview and paper entry, never the respondent. */
  showId?: boolean
}

const ESCAPE_LABELS = { 'dont-know': 'Don’t know', 'not-applicable': 'Not applicable' } as const

/**
 * One question as a respondent sees it, working without JavaScript. The wrapper carries what the skip-logic
 * script needs (item id, kind, table cells, the parsed condition) in data attributes.
 */
export function QuestionnaireItem({ item, field, error, hidden, showIf, number, showId = true }: ItemViewProps) {
  const formItem = formItemOf(item)
  const helpId = `${item.id}-help`
  const errorId = `${item.id}-error`
  const describedBy = [helpId, error ? errorId : null].filter(Boolean).join(' ')
  const escapes = (['dont-know', 'not-applicable'] as const).filter((e) => (e === 'dont-know' ? item.dontKnow : item.notApplicable))
  const radioKind = item.kind === 'yes-no' || item.kind === 'single-choice' || item.kind === 'likert'
  const checked = (name: string, value: string) => field(name).includes(value)
  const invalid = error ? 'true' : undefined
  const help = (
    <p class="hint" id={helpId}>
      {showId ? <span class="item-id">{item.id}</span> : 'Usually held by'} {showId ? '· ' : ''}{OFFICE_LABELS[item.office]}
      {item.help ? ` · ${item.help}` : ''}
    </p>
  )
  const text = number ? (
    <>
      <span class="question-number">{number}</span> {item.text}
    </>
  ) : (
    item.text
  )
  // The error summary and "Change" links point at #<item id>: the question's first input carries it.
  let anchored = false
  const anchor = () => (anchored ? undefined : ((anchored = true), item.id))
  const errorLine = error && (
    <p class="error-message" id={errorId}>
      {error}
    </p>
  )
  const choice = (type: 'radio' | 'checkbox', name: string, value: string, label: string, anchorable = true) => (
    <label class="choice">
      <input id={anchorable ? anchor() : undefined} type={type} name={name} value={value} checked={checked(name, value)} aria-describedby={describedBy} aria-invalid={invalid} /> {label}
    </label>
  )
  const escapeChoices = escapes.map((e) => choice(radioKind ? 'radio' : 'checkbox', radioKind ? item.id : `${item.id}.escape`, e, ESCAPE_LABELS[e], false))

  let body
  switch (item.kind) {
    case 'yes-no':
    case 'single-choice':
    case 'likert':
    case 'multiple-choice': {
      const options =
        item.kind === 'yes-no' ? [['yes', 'Yes'], ['no', 'No']] :
        item.kind === 'likert' ? item.anchors.map((a, i) => [String(i), `${i} · ${a}`]) :
        item.options.map((o) => [o.id, o.label])
      body = (
        <fieldset>
          <legend>{text}</legend>
          {help}
          {errorLine}
          {item.kind === 'multiple-choice' && <p class="hint">Tick all that apply.</p>}
          <div class={item.kind === 'yes-no' ? 'choices choices-inline' : 'choices'}>
            {options.map(([value, label]) => choice(item.kind === 'multiple-choice' ? 'checkbox' : 'radio', item.id, value!, label!))}
            {escapeChoices}
          </div>
        </fieldset>
      )
      break
    }
    case 'number':
    case 'free-text':
      body = (
        <>
          <label for={item.id} class="question">
            {text}
            {item.kind === 'number' && item.unit === 'percent' ? ' (%)' : ''}
          </label>
          {help}
          {errorLine}
          {item.kind === 'number' ? (
            <input id={item.id} name={item.id} type="text" inputmode="decimal" class="input-number" value={field(item.id)[0] ?? ''} aria-describedby={describedBy} aria-invalid={invalid} />
          ) : (
            <textarea id={item.id} name={item.id} rows={3} aria-describedby={describedBy} aria-invalid={invalid}>{field(item.id)[0] ?? ''}</textarea>
          )}
          {escapeChoices.length > 0 && <div class="choices choices-inline">{escapeChoices}</div>}
        </>
      )
      break
    case 'table':
      body = (
        <fieldset>
          <legend>{text}</legend>
          {help}
          {errorLine}
          <table class="answer-table">
            <thead>
              <tr>
                <td></td>
                {item.columns.map((c) => <th scope="col">{c.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {item.rows.map((r) => (
                <tr>
                  <th scope="row">{r.label}</th>
                  {item.columns.map((c) => {
                    const name = `${item.id}.${r.id}.${c.id}`
                    return (
                      <td>
                        <input id={anchor()} name={name} type="text" inputmode="numeric" class="input-number" aria-label={`${r.label}, ${c.label}`} value={field(name)[0] ?? ''} aria-describedby={describedBy} aria-invalid={invalid} />
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {escapeChoices.length > 0 && <div class="choices choices-inline">{escapeChoices}</div>}
        </fieldset>
      )
      break
  }
  return (
    <div
      class={error ? 'item field-error' : 'item'}
      data-item={item.id}
      data-kind={item.kind}
      data-cells={formItem.cells?.join(' ') || undefined}
      data-show-if={showIf ? JSON.stringify(showIf) : undefined}
      hidden={hidden}
    >
      {body}
    </div>
  )
}
