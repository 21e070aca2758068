import type { Child } from 'hono/jsx'
import type { MailGroup } from '../../../services/admin/cycle-confirmations'
import type { FormState } from '../../form'
import { ErrorSummary } from '../form-fields'

/** One message as its first addressee will read it: the real template's subject and text. */
export function MailPreview({ group, index }: { group: MailGroup; index: number }) {
  if (!group.preview) return null
  const id = `preview-${index}`
  return (
    <section class="mail-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="visually-hidden">
        Preview: {group.label}
      </h3>
      <dl class="pairs">
        <dt>Subject</dt>
        <dd>{group.preview.subject}</dd>
        <dt>To</dt>
        <dd>
          {group.people} {group.people === 1 ? 'person' : 'people'}
        </dd>
      </dl>
      <div class="mail-body">{group.preview.text}</div>
    </section>
  )
}

export type ConfirmationProps = {
  back: { href: string; label: string }
  title: string
  /** What will happen, in a sentence or two. */
  summary: Child
  groups: readonly MailGroup[]
  /** Said plainly before the button: what cannot be undone. */
  warning?: string | undefined
  action: string
  hidden?: Record<string, string>
  submitLabel: string
  /** When there is nothing to do, the page says so and offers no button. */
  nothingToDo?: string | undefined
  form?: FormState | undefined
  children?: Child
}

/**
 * The step before an action that e-mails people or cannot be undone (GOV.UK's "check before you act"): how many
 * people get which message, a preview of each, then the button that posts to the unchanged action.
 */
export function ConfirmationPage(props: ConfirmationProps) {
  const mailed = props.groups.filter((g) => g.people > 0)
  return (
    <>
      <p>
        <a href={props.back.href}>← {props.back.label}</a>
      </p>
      <h1>{props.title}</h1>
      {props.form && <ErrorSummary form={props.form} />}
      <div class="panel-confirm">{props.summary}</div>
      {props.nothingToDo ? (
        <p>{props.nothingToDo}</p>
      ) : (
        <>
          <h2>Who is e-mailed</h2>
          {mailed.length === 0 ? (
            <p>Nobody is e-mailed.</p>
          ) : (
            <>
              <ul>
                {mailed.map((g) => (
                  <li>
                    <strong>{g.people}</strong> {g.label}
                  </li>
                ))}
              </ul>
              {mailed.map((g, i) => (
                <>
                  <h3>Preview: {g.label.replace(/^[a-z]/, (c) => c.toUpperCase())}</h3>
                  <p class="hint">As the first of them will read it; each person gets their own link.</p>
                  <MailPreview group={g} index={i} />
                </>
              ))}
            </>
          )}
          <form method="post" action={props.action} novalidate>
            {Object.entries(props.hidden ?? {}).map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            {props.children}
            {props.warning && (
              <p class="notice notice-warning">
                <strong>{props.warning}</strong>
              </p>
            )}
            <div class="button-group">
              <button type="submit" class="button">
                {props.submitLabel}
              </button>
              <a href={props.back.href}>Cancel</a>
            </div>
          </form>
        </>
      )}
    </>
  )
}
