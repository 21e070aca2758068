import type { responseOverview } from '../../../services/responses/response-overview'
import { When } from '../format'
import { AreaList } from './area-list'
import { ProgressLine } from './progress-bar'

/** The questionnaire's home: status, deadline, progress and time left, then every area with its status. */
export function ResponseOverviewPage({ view }: { view: Awaited<ReturnType<typeof responseOverview>> }) {
  const { access } = view
  const base = `/school/responses/${access.id}`
  const submitted = access.status === 'submitted'
  return (
    <>
      <p>
        <a href="/school">Back to My school</a>
      </p>
      <h1>{access.schoolName}</h1>
      <p class="lead">
        {access.cycleTitle} · {submitted ? 'Submitted' : 'In progress'} · Deadline <When at={view.deadline} dateOnly />
      </p>
      {submitted ? (
        <p class="notice">
          Submitted <When at={access.submittedAt} /> and certified by {access.certifiedByName}. The response is locked.{' '}
          <a href={`${base}/answers.pdf`}>Download a copy of the submitted answers (PDF)</a>
        </p>
      ) : (
        <div class="progress-group">
          <ProgressLine label="Whole questionnaire" progress={view.overall} />
          <p class="hint">
            We count only the questions that apply to your school; an answer can open a follow-up question, which adds to the count.
            {view.minutesLeft > 0 && ` About ${view.minutesLeft} ${view.minutesLeft === 1 ? 'minute' : 'minutes'} of answering are left, if the figures are at hand; looking them up takes longer.`}
          </p>
        </div>
      )}
      {access.reopenedAt && !submitted && (
        <p class="notice notice-warning">
          Reopened by the program team on <When at={access.reopenedAt} />: {access.reopenReason}
        </p>
      )}
      <p class="actions">
        <a class="button" href={`${base}/review`}>{submitted ? 'See the submitted answers' : 'Check your answers and submit'}</a>
        {view.canManageTeam && <a href={`${base}/team`}>Team and assignments</a>}
        {view.canSeeHistory && <a href={`${base}/history`}>Answer history</a>}
        {view.canCarryForward && <a href={`${base}/carry-forward`}>Pre-fill from an earlier cycle</a>}
        <a href={`${base}/questionnaire.pdf`}>Printable questionnaire (PDF)</a>
      </p>
      <p class="hint">The printable questionnaire names the office that usually holds each answer, so you can hand sections to colleagues.</p>
      {view.domains.map((d) => (
        <section aria-labelledby={`domain-${d.id}`}>
          <h2 id={`domain-${d.id}`}>{d.title}</h2>
          <AreaList areas={d.areas} base={base} />
        </section>
      ))}
    </>
  )
}
