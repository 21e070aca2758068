import { itemsOf } from '../../../domain/instrument/instrument-model'
import type { reviewResponse } from '../../../services/responses/response-submit'
import type { FormState } from '../../form'
import { When } from '../format'

export function ReviewPage({ view, form }: { view: Awaited<ReturnType<typeof reviewResponse>>; form: FormState }) {
  const { access } = view
  const base = `/school/responses/${access.id}`
  const text = new Map(itemsOf(access.instrument).map((e) => [e.item.id, e.item.text]))
  const error = (name: string) => form.errors[name]?.[0]
  return (
    <>
      <p>
        <a href={base}>Back to the response overview</a>
      </p>
      <h1>Review and submit</h1>
      {access.status === 'submitted' ? (
        <p class="notice">
          Submitted <When at={access.submittedAt} /> and certified by {access.certifiedByName}. The response is locked.
        </p>
      ) : view.blockers.length === 0 ? (
        <p class="lead">Every required question is answered and every carried-forward answer is confirmed.</p>
      ) : (
        <>
          <p class="lead">Before the response can be submitted, these need attention:</p>
          {view.blockers.map((b) => (
            <section class="card">
              <h2>
                <a href={`${base}/areas/${b.areaId}`}>{b.areaTitle}</a>
              </h2>
              {b.unanswered.length > 0 && (
                <>
                  <h3>Unanswered required questions</h3>
                  <ul>
                    {b.unanswered.map((id) => (
                      <li><a href={`${base}/areas/${b.areaId}#${id}`}>{text.get(id) ?? id}</a></li>
                    ))}
                  </ul>
                </>
              )}
              {b.unconfirmed.length > 0 && (
                <>
                  <h3>Carried-forward answers to confirm</h3>
                  <ul>
                    {b.unconfirmed.map((id) => (
                      <li><a href={`${base}/areas/${b.areaId}#${id}`}>{text.get(id) ?? id}</a></li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </>
      )}
      {view.lockMessage && access.status !== 'submitted' && <p class="notice notice-warning">{view.lockMessage}</p>}
      {view.canSubmit && (
        <form method="post" action={`${base}/submit`} class="narrow">
          <h2>Certify and submit</h2>
          {error('response') && <p class="error-message" role="alert">{error('response')}</p>}
          <div class={error('certifiedName') ? 'field field-error' : 'field'}>
            <label for="certifiedName">Your full name</label>
            {error('certifiedName') && <p class="error-message" id="certifiedName-error">{error('certifiedName')}</p>}
            <input id="certifiedName" name="certifiedName" type="text" autocomplete="name" value={form.values.certifiedName ?? ''} aria-describedby={error('certifiedName') ? 'certifiedName-error' : undefined} />
          </div>
          <div class={error('certify') ? 'field field-error' : 'field'}>
            {error('certify') && <p class="error-message" id="certify-error">{error('certify')}</p>}
            <label class="choice">
              <input type="checkbox" name="certify" value="yes" checked={form.values.certify === 'yes'} aria-describedby={error('certify') ? 'certify-error' : undefined} /> I certify that these answers are accurate to the best of my knowledge and that I may submit them for {access.schoolName}.
            </label>
          </div>
          <button type="submit" class="button">Submit the response</button>
          <p class="hint">Submitting locks the response and sends a receipt to everyone on your team.</p>
        </form>
      )}
      {!view.canSubmit && access.status !== 'submitted' && access.role !== 'leader' && <p>Only your school’s leader can certify and submit the response.</p>}
    </>
  )
}
