import { PARTICIPATION_LABELS } from '../../../domain/cycle/cycle-summary'
import type { SchoolTimeline, TimelineMail } from '../../../services/admin/school-timeline'
import { When } from '../format'
import { auditSentence } from './audit-words'

const MAIL_STATE = { queued: 'waiting to be sent', sent: 'sent', failed: 'could not be delivered' } as const

function mailSentence(m: TimelineMail) {
  const what =
    m.kind === 'invitation' ? (m.subject.startsWith('Reminder') ? 'Reminder with a new invitation link' : 'Invitation')
    : m.kind === 'reminder' ? 'Deadline reminder'
    : m.kind === 'report.released' ? '“Your report is ready” e-mail'
    : `E-mail “${m.subject}”`
  return `${what} to ${m.to}: ${MAIL_STATE[m.status]}.`
}

/** One school's cycle, oldest first: what the school did, what the team did for it, and every message it got. */
export function SchoolTimelinePage({ timeline }: { timeline: SchoolTimeline }) {
  const { participation: p, entries, answers } = timeline
  const base = `/admin/cycles/${p.cycleId}/schools/${p.id}`
  return (
    <>
      <p>
        <a href={`/admin/cycles/${p.cycleId}`}>← {p.cycleTitle}</a>
      </p>
      <h1>Timeline: {p.schoolName}</h1>
      <dl class="pairs">
        <dt>Status</dt>
        <dd>{PARTICIPATION_LABELS[p.status]}</dd>
        <dt>Answers</dt>
        <dd>
          {answers.answered === 0 ? 'none yet' : <>{answers.answered} questions answered, the latest <When at={answers.lastAt} /></>}
        </dd>
      </dl>
      <p>
        <a href={base}>Manage this school in the cycle</a> (resend, extend, decline) ·{' '}
        <a href={`/admin/audit?school=${encodeURIComponent(p.schoolName)}`}>Everything in the audit log about this school</a>
      </p>
      {entries.length === 0 ? (
        <p>Nothing has happened yet.</p>
      ) : (
        <ol class="timeline" aria-label={`What happened, oldest first`}>
          {entries.map((entry) => (
            <li>
              <span class="when">
                <When at={entry.at} />
              </span>
              {entry.event ? auditSentence(entry.event) : mailSentence(entry.mail)}
            </li>
          ))}
        </ol>
      )}
      {timeline.truncated && <p class="muted">Only the first 500 events are shown; the audit log has them all.</p>}
    </>
  )
}
