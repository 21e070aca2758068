import type { myWorkspace } from '../../../services/responses/school-workspace'
import { When } from '../format'

const STATUS = { accepted: 'Not started', in_progress: 'In progress', submitted: 'Submitted' } as Record<string, string>

/** Where school people land after signing in: their schools and the responses they work on. */
export function WorkspacePage({ rows }: { rows: Awaited<ReturnType<typeof myWorkspace>> }) {
  return (
    <>
      <h1>Your school’s self-assessment</h1>
      {rows.length === 0 ? (
        <p class="lead">There is no open assessment for your school right now. When your school accepts an invitation, its response appears here.</p>
      ) : (
        <ul class="cards">
          {rows.map((row) => (
            <li class="card">
              <h2>{row.schoolName}</h2>
              <p>
                {row.cycleTitle} · <span class="status">{STATUS[row.participationStatus] ?? row.participationStatus}</span>
              </p>
              <p class="muted">
                Deadline: <When at={row.deadline} dateOnly /> · Your role: {row.role}
              </p>
              <p>
                {row.responseId ? (
                  <a class="button" href={`/school/responses/${row.responseId}`}>Open the response</a>
                ) : row.answering && row.participationStatus !== 'submitted' ? (
                  <a class="button" href={`/school/participations/${row.participationId}/response`}>Start the response</a>
                ) : (
                  <span class="muted">This round’s answers were not entered on this platform.</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
