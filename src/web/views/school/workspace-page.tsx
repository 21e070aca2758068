import type { Child } from 'hono/jsx'
import type { TaskId } from '../../../domain/response/workspace-tasks'
import type { WorkspaceCycle, WorkspaceSchool } from '../../../services/responses/school-workspace'
import { When } from '../format'
import { StatusTag } from './task-status'
import { personLabel, TEAM_ROLE_SHORT_LABELS } from './team-labels'

const CYCLE_STATE: Record<WorkspaceCycle['cycleStatus'], string> = { draft: 'Not yet open', open: 'Open for answers', closed: 'Closed', scored: 'Closed, results being prepared', released: 'Results released' }
const TASK_NAMES: Record<TaskId, string> = {
  accept: 'Accept the invitation',
  team: 'Invite your team',
  answer: 'Answer the questions',
  submit: 'Check your answers and submit',
  report: 'Read your school’s report',
}

/** "My school": per school its team and reports, per cycle a task list and the next step that is yours. */
export function WorkspacePage({ schools }: { schools: WorkspaceSchool[] }) {
  return (
    <>
      <h1>My school</h1>
      {schools.length === 0 && <p class="lead">There is no assessment for your school right now. When your school accepts an invitation, it appears here.</p>}
      {schools.map((school) => (
        <section class="school-block" aria-labelledby={`school-${school.schoolId}`}>
          <h2 id={`school-${school.schoolId}`}>{school.schoolName}</h2>
          <p class="muted">Your role: {TEAM_ROLE_SHORT_LABELS[school.role]}</p>
          <Reports cycles={school.cycles} />
          {school.role === 'leader' && (
            <p>
              <a href={`/school/badges/${school.schoolId}`}>Your badges and the public directory</a>
            </p>
          )}
          {school.cycles.map((cycle) => (
            <CycleTasks cycle={cycle} />
          ))}
          <Team school={school} />
        </section>
      ))}
    </>
  )
}

function Reports({ cycles }: { cycles: WorkspaceCycle[] }) {
  const released = cycles.filter((c) => c.canSeeReport)
  if (released.length === 0) return null
  return (
    <div class="card">
      <h3>Your reports</h3>
      <ul>
        {released.map((c) => (
          <li>
            <a href={`/school/reports/${c.responseId}`}>Report: {c.cycleTitle}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

function CycleTasks({ cycle }: { cycle: WorkspaceCycle }) {
  const base = cycle.responseId ? `/school/responses/${cycle.responseId}` : null
  const links: Partial<Record<TaskId, string | null>> = {
    team: base && `${base}/team`,
    answer: base,
    submit: base && `${base}/review`, // after submitting: the submitted answers, read-only
    report: cycle.canSeeReport ? `/school/reports/${cycle.responseId}` : null,
  }
  const headingId = `cycle-${cycle.participationId}`
  return (
    <section class="cycle-tasks" aria-labelledby={headingId}>
      <h3 id={headingId}>{cycle.cycleTitle}</h3>
      <p>
        {CYCLE_STATE[cycle.cycleStatus]}
        {cycle.cycleStatus === 'open' && (
          <>
            {' · '}Deadline <When at={cycle.deadline} dateOnly /> ({cycle.pastDeadline ? 'passed' : cycle.daysLeft === 1 ? '1 day left' : `${cycle.daysLeft} days left`})
          </>
        )}
        {cycle.submittedAt && (
          <>
            {' · '}Submitted <When at={cycle.submittedAt} dateOnly />
          </>
        )}
      </p>
      <NextStep cycle={cycle} base={base} />
      <ul class="task-list">
        {cycle.tasks.map((task) => {
          const href = task.status === 'cannot-start' ? null : links[task.id]
          return (
            <li class="task-list-item">
              <span class="task-list-name">
                {href ? <a href={href}>{TASK_NAMES[task.id]}</a> : TASK_NAMES[task.id]}
                {task.id === 'answer' && cycle.total > 0 && <span class="hint">{cycle.answered} of {cycle.total} questions answered</span>}
              </span>
              <StatusTag status={task.status} label={task.id === 'report' && task.status === 'done' ? 'Available' : undefined} />
            </li>
          )
        })}
      </ul>
      {base && cycle.cycleStatus === 'open' && cycle.responseStatus !== 'submitted' && (
        <p>
          <a href={`${base}/questionnaire.pdf`}>Printable questionnaire (PDF)</a>: each question names the office that usually holds the answer.
        </p>
      )}
      {cycle.participationStatus === 'submitted' && !base && <p class="muted">This round’s answers were not entered on this platform, so there is no copy of them here.</p>}
      {cycle.responseStatus === 'submitted' && base && (
        <p>
          <a href={`${base}/answers.pdf`}>Download a copy of the submitted answers (PDF)</a>
        </p>
      )}
      {cycle.badge && cycle.responseId && <BadgeLine badge={cycle.badge} href={`/school/badge/${cycle.responseId}`} />}
    </section>
  )
}

function NextStep({ cycle, base }: { cycle: WorkspaceCycle; base: string | null }) {
  const next = cycle.next
  const panel = (text: string, action?: Child) => (
    <div class="next-step">
      <h4>What to do next</h4>
      <p>{text}</p>
      {action}
    </div>
  )
  switch (next.kind) {
    case 'accept':
      return panel(`${cycle.schoolName} is invited to take part. As its leader, you can accept here.`, (
        <form method="post" action={`/school/participations/${cycle.participationId}/accept`}>
          <button type="submit" class="button">Accept the invitation</button>
        </form>
      ))
    case 'start':
      return panel('Start your school’s response. You can invite colleagues to answer parts of it.', <a class="button" href={`/school/participations/${cycle.participationId}/response`}>Start the response</a>)
    case 'team':
      return panel('Invite the colleagues who will answer with you, and give each the areas they know.', <a class="button" href={`${base}/team`}>Invite your team</a>)
    case 'answer':
      return panel(`Answer the questions in “${next.areaTitle}”.`, <a class="button" href={`${base}/areas/${next.areaId}`}>Answer “{next.areaTitle}”</a>)
    case 'check-and-submit':
      return panel('Check every answer, then certify and submit them for your school.', <a class="button" href={`${base}/review`}>Check your answers</a>)
    case 'report':
      return panel('Your school’s confidential report is ready.', <a class="button" href={`/school/reports/${cycle.responseId}`}>Read the report</a>)
    case 'wait-for-submit':
      return panel('Your part is done for now. Your school’s leader checks the answers and submits them.')
    case 'wait-for-results':
      return panel('Your answers are submitted. The report comes when the program team releases the results; we will e-mail your school’s leader.')
    case 'not-submitted':
      return panel('This cycle closed before your school submitted its answers.')
    case 'nothing':
      if (cycle.participationStatus === 'invited') return panel('Your school’s leader has not accepted this invitation yet.')
      if (!cycle.responseId) return panel('Your school’s leader or coordinator starts the response.')
      return null
  }
}

function Team({ school }: { school: WorkspaceSchool }) {
  const open = school.cycles.find((c) => c.cycleStatus === 'open' && c.responseId)
  return (
    <div class="card">
      <h3>Your team</h3>
      <ul>
        {school.team.map((m) => (
          <li>
            {personLabel(m)} · {TEAM_ROLE_SHORT_LABELS[m.role]}
          </li>
        ))}
      </ul>
      {open && <a href={`/school/responses/${open.responseId}/team`}>Team and assignments</a>}
    </div>
  )
}

/** The leader's badge for this round (decision 124): order it once eligible, then follow the order. */
function BadgeLine({ badge, href }: { badge: NonNullable<WorkspaceCycle['badge']>; href: string }) {
  if (!badge.eligible) return <p class="muted">Badge: {badge.reason}</p>
  if (badge.orderStatus === null) {
    return (
      <div class="next-step">
        <h4>Your school’s badge</h4>
        <p>Your school completed this round, so it may show the program’s badge. The badge never shows a score.</p>
        <a class="button" href={href}>Order your school’s badge</a>
      </div>
    )
  }
  const words = { awaiting_payment: 'ordered, awaiting payment', paid: 'paid, being issued', waived: 'being issued', issued: 'issued', revoked: 'revoked' }[badge.orderStatus]
  return (
    <p>
      <a href={href}>Your school’s badge</a>: {words}
    </p>
  )
}
