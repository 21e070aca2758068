import type { submissionConfirmation } from '../../../services/responses/response-submit'
import { When } from '../format'

/** The confirmation page after submitting (GOV.UK confirmation pattern): what happened, what happens next. */
export function SubmittedPage({ view }: { view: Awaited<ReturnType<typeof submissionConfirmation>> }) {
  const { access } = view
  const base = `/school/responses/${access.id}`
  return (
    <>
      <div class="confirmation-panel">
        <h1>Answers submitted</h1>
        <p>
          {access.schoolName} · {access.cycleTitle}
        </p>
      </div>
      <p>
        Submitted <When at={access.submittedAt} /> and certified by {access.certifiedByName}. The answers are now locked.
      </p>
      <p>
        <a class="button" href={`${base}/answers.pdf`}>Download a copy of the submitted answers (PDF)</a>
      </p>
      <h2>What happens next</h2>
      <ul>
        <li>
          A receipt is on its way by e-mail to everyone on your team ({view.team.length === 1 ? '1 person' : `${view.team.length} people`}).
        </li>
        <li>When the round closes, the program team scores every school’s answers and releases the confidential reports. We will e-mail your school’s leader when yours is ready.</li>
        <li>If you find a mistake, ask the program team to reopen the response.</li>
      </ul>
      <p>
        <a href="/school">Back to My school</a>
      </p>
    </>
  )
}
