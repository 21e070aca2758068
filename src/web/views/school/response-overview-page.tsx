import type { responseOverview } from '../../../services/responses/response-overview'
import { When } from '../format'
import { ProgressLine } from './progress-bar'

export function ResponseOverviewPage({ view }: { view: Awaited<ReturnType<typeof responseOverview>> }) {
  const { access } = view
  const base = `/school/responses/${access.id}`
  return (
    <>
      <h1>{access.schoolName}</h1>
      <p class="lead">
        {access.cycleTitle} · {access.status === 'submitted' ? 'Submitted' : 'In progress'} · Deadline <When at={view.deadline} dateOnly />
      </p>
      {access.status === 'submitted' ? (
        <p class="notice">
          Submitted <When at={access.submittedAt} /> and certified by {access.certifiedByName}. The response is locked.
        </p>
      ) : (
        <ProgressLine label="Whole response" answered={view.overall.answered} total={view.overall.total} />
      )}
      {access.reopenedAt && access.status !== 'submitted' && (
        <p class="notice notice-warning">
          Reopened by the program team on <When at={access.reopenedAt} />: {access.reopenReason}
        </p>
      )}
      <p class="actions">
        <a class="button" href={`${base}/review`}>Review and submit</a>
        {view.canManageTeam && <a href={`${base}/team`}>Team and assignments</a>}
        {view.canSeeHistory && <a href={`${base}/history`}>Answer history</a>}
        {view.canCarryForward && <a href={`${base}/carry-forward`}>Pre-fill from an earlier cycle</a>}
      </p>
      {view.domains.map((d) => (
        <section>
          <h2>{d.title}</h2>
          <table class="area-table">
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Answered</th>
                <th scope="col">Assigned to</th>
              </tr>
            </thead>
            <tbody>
              {d.areas.map((a) => (
                <tr>
                  <th scope="row">{a.mine || access.role !== 'contributor' ? <a href={`${base}/areas/${a.id}`}>{a.title}</a> : a.title}</th>
                  <td>
                    {a.progress.answered} of {a.progress.total}
                  </td>
                  <td>{a.people.length > 0 ? a.people.join(', ') : <span class="muted">Leader and coordinator</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  )
}
