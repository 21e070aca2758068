import type { reviewResponse } from '../../../services/responses/response-submit'
import type { FormState } from '../../form'
import { When } from '../format'
import { answerText } from './answer-text'

type ReviewView = Awaited<ReturnType<typeof reviewResponse>>

/**
 * "Check your answers" (GOV.UK pattern): every answer that applies, by area, with who gave it and when and a link
 * to change it; what still blocks submitting, with links; then the leader certifies and submits.
 */
export function ReviewPage({ view, form }: { view: ReviewView; form: FormState }) {
  const { access } = view
  const base = `/school/responses/${access.id}`
  const error = (name: string) => form.errors[name]?.[0]
  const problems = (['response', 'certifiedName', 'paperSignedOn', 'certify'] as const).filter((name) => error(name))
  const anchors = { response: 'blockers', certifiedName: 'certifiedName', paperSignedOn: 'paperSignedOn', certify: 'certify' }
  return (
    <>
      <p>
        <a href={base}>Back to the questionnaire</a>
      </p>
      {problems.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            {problems.map((name) => (
              <li>
                <a href={`#${anchors[name]}`}>{error(name)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h1>Check your answers</h1>
      {access.status === 'submitted' ? (
        <p class="notice">
          Submitted <When at={access.submittedAt} /> and certified by {access.certifiedByName}{access.paperSignedOn ? ` on a signed paper copy (${access.paperSignedOn}), entered by the program team` : ''}. The response is locked.{' '}
          <a href={`${base}/answers.pdf`}>Download a copy of the submitted answers (PDF)</a>
        </p>
      ) : view.blockers.length === 0 ? (
        <p class="lead">Every required question is answered and every carried-forward answer is confirmed. Check the answers below, then certify and submit.</p>
      ) : (
        <Blockers view={view} base={base} />
      )}
      {view.lockMessage && access.status !== 'submitted' && <p class="notice notice-warning">{view.lockMessage}</p>}
      {view.areas.map((area) => (
        <section class="check-area" aria-labelledby={`check-${area.id}`}>
          <h2 id={`check-${area.id}`}>{area.title}</h2>
          {area.questions.length === 0 ? (
            <p class="muted">No question in this area applies, given your earlier answers.</p>
          ) : (
            <dl class="summary-list">
              {area.questions.map((q) => (
                <div class="summary-row">
                  <dt>
                    <span class="question-number">{q.number}</span> {q.item.text}
                  </dt>
                  <dd>
                    {q.stored?.value === null || q.stored?.value === undefined ? <span class="muted">Not answered</span> : answerText(q.item, q.stored.value)}
                    {q.stored?.prefilled && <span class="tag">Carried forward, not confirmed</span>}
                    {q.by && (
                      <span class="answered-by">
                        {q.by}, <When at={q.at} />
                      </span>
                    )}
                  </dd>
                  <dd class="summary-action">
                    {area.canChange && (
                      <a href={`${base}/areas/${area.id}#${q.item.id}`}>
                        Change<span class="visually-hidden"> the answer to question {q.number}</span>
                      </a>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      ))}
      {view.canSubmit && (view.paperEntry ? <PaperEntryForm form={form} base={base} schoolName={access.schoolName} /> : <CertifyForm view={view} form={form} base={base} />)}
      {!view.canSubmit && access.status !== 'submitted' && access.role !== 'leader' && !access.isAdmin && <p>Only your school’s leader can certify and submit the response.</p>}
    </>
  )
}

function Blockers({ view, base }: { view: ReviewView; base: string }) {
  const line = (areaId: string, id: string) => (
    <li>
      <a href={`${base}/areas/${areaId}#${id}`}>
        {view.numbers.get(id)} {view.areas.flatMap((a) => a.questions).find((q) => q.item.id === id)?.item.text ?? ''}
      </a>
    </li>
  )
  return (
    <section id="blockers" class="blockers" tabindex={-1} aria-labelledby="blockers-title">
      <h2 id="blockers-title">Before you can submit</h2>
      {view.blockers.map((b) => (
        <div>
          <h3>{b.areaTitle}</h3>
          {b.unanswered.length > 0 && (
            <>
              <p>Required questions not answered yet:</p>
              <ul>{b.unanswered.map((id) => line(b.areaId, id))}</ul>
            </>
          )}
          {b.unconfirmed.length > 0 && (
            <>
              <p>Answers carried forward from your last cycle, to check and confirm:</p>
              <ul>{b.unconfirmed.map((id) => line(b.areaId, id))}</ul>
            </>
          )}
        </div>
      ))}
    </section>
  )
}

function CertifyForm({ view, form, base }: { view: ReviewView; form: FormState; base: string }) {
  const error = (name: string) => form.errors[name]?.[0]
  return (
    <form method="post" action={`${base}/submit`} class="narrow certify-form">
      <h2>Certify and submit</h2>
      <div class={error('certifiedName') ? 'field field-error' : 'field'}>
        <label for="certifiedName">Your full name</label>
        {error('certifiedName') && <p class="error-message" id="certifiedName-error">{error('certifiedName')}</p>}
        <input id="certifiedName" name="certifiedName" type="text" autocomplete="name" value={form.values.certifiedName ?? ''} aria-invalid={error('certifiedName') ? 'true' : undefined} aria-describedby={error('certifiedName') ? 'certifiedName-error' : undefined} />
      </div>
      <div class={error('certify') ? 'field field-error' : 'field'}>
        {error('certify') && <p class="error-message" id="certify-error">{error('certify')}</p>}
        <label class="choice">
          <input id="certify" type="checkbox" name="certify" value="yes" checked={form.values.certify === 'yes'} aria-invalid={error('certify') ? 'true' : undefined} aria-describedby={error('certify') ? 'certify-error' : undefined} /> I certify that these answers are accurate to the best of my knowledge and that I may submit them for {view.access.schoolName}.
        </label>
      </div>
      <button type="submit" class="button">Submit the response</button>
      <p class="hint">Submitting locks the response and sends a receipt to everyone on your team.</p>
    </form>
  )
}

/**
 * The program team's paper-entry path (decision 123): the dean signed a paper copy, the team typed it in; here they
 * name the signer and the day, so the response counts as certified and shows as a paper entry everywhere.
 */
function PaperEntryForm({ form, base, schoolName }: { form: FormState; base: string; schoolName: string }) {
  const error = (name: string) => form.errors[name]?.[0]
  const described = (name: string) => (error(name) ? `${name}-error` : undefined)
  return (
    <form method="post" action={`${base}/submit`} class="narrow certify-form">
      <h2>Submit a paper return</h2>
      <p>Use this only when {schoolName}’s dean has signed a paper or e-mailed copy of the questionnaire and you have typed its answers in. The response is recorded as a paper entry.</p>
      <div class={error('certifiedName') ? 'field field-error' : 'field'}>
        <label for="certifiedName">Full name of the dean who signed the paper copy</label>
        {error('certifiedName') && <p class="error-message" id="certifiedName-error">{error('certifiedName')}</p>}
        <input id="certifiedName" name="certifiedName" type="text" value={form.values.certifiedName ?? ''} aria-invalid={error('certifiedName') ? 'true' : undefined} aria-describedby={described('certifiedName')} />
      </div>
      <div class={error('paperSignedOn') ? 'field field-error' : 'field'}>
        <label for="paperSignedOn">Day it was signed</label>
        <p class="hint" id="paperSignedOn-hint">For example, 2026-10-31</p>
        {error('paperSignedOn') && <p class="error-message" id="paperSignedOn-error">{error('paperSignedOn')}</p>}
        <input id="paperSignedOn" name="paperSignedOn" type="date" value={form.values.paperSignedOn ?? ''} aria-invalid={error('paperSignedOn') ? 'true' : undefined} aria-describedby={described('paperSignedOn') ?? 'paperSignedOn-hint'} />
      </div>
      <div class={error('certify') ? 'field field-error' : 'field'}>
        {error('certify') && <p class="error-message" id="certify-error">{error('certify')}</p>}
        <label class="choice">
          <input id="certify" type="checkbox" name="certify" value="yes" checked={form.values.certify === 'yes'} aria-invalid={error('certify') ? 'true' : undefined} aria-describedby={described('certify')} /> I hold the copy signed by the dean, and the answers here are the ones on it.
        </label>
      </div>
      <button type="submit" class="button">Submit the paper return</button>
    </form>
  )
}
