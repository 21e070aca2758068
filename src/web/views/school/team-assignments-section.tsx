import type { TeamView } from '../../../services/team/team-view'
import { personLabel } from './team-labels'

/**
 * Who answers which area: areas down the side (grouped by domain), people across the top, one checkbox per pair.
 * Without the right to manage, the same table shows ticks as text.
 */
export function TeamAssignmentsSection({ view }: { view: TeamView }) {
  const base = `/school/responses/${view.response.id}/team`
  const people = view.members
  if (people.length === 0) return null
  const table = (
    <div class="table-scroll">
      <table class="assignment-table">
        <caption class="visually-hidden">Areas and the people who answer them</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            {people.map((p) => (
              <th scope="col" class="center">
                {personLabel(p)}
              </th>
            ))}
          </tr>
        </thead>
        {view.domains.map((d) => (
          <tbody>
            <tr>
              <th scope="colgroup" colspan={people.length + 1} class="domain-row">
                {d.title}
              </th>
            </tr>
            {d.areas.map((a) => (
              <tr>
                <th scope="row">{a.title}</th>
                {people.map((p) => {
                  const key = `${a.id}|${p.userId}`
                  const on = view.assigned.has(key)
                  return (
                    <td class="center">
                      {view.canManage ? (
                        <input type="checkbox" name="assign" value={key} checked={on} aria-label={`${a.title}: ${personLabel(p)}`} />
                      ) : on ? (
                        <span>
                          ✓<span class="visually-hidden"> assigned</span>
                        </span>
                      ) : (
                        ''
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
  return (
    <section aria-labelledby="assignments-title">
      <h2 id="assignments-title">Who answers which area</h2>
      {!view.canManage && <p class="muted">Leaders and the primary respondent decide who answers what.</p>}
      {view.canManage ? (
        <>
          <p class="muted">An area may have several people. Contributors see and answer only their areas.</p>
          <form method="post" action={`${base}/assignments`}>
            {table}
            <button type="submit" class="button">
              Save assignments
            </button>
          </form>
          <h3>Assign a whole domain</h3>
          <form method="post" action={`${base}/assignments/domain`} class="inline-form">
            <div class="field">
              <label for="domainId">Domain</label>
              <select id="domainId" name="domainId">
                {view.domains.map((d) => (
                  <option value={d.id}>{d.title}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="domainUserId">Person</label>
              <select id="domainUserId" name="userId">
                {people.map((p) => (
                  <option value={p.userId}>{personLabel(p)}</option>
                ))}
              </select>
            </div>
            <button type="submit" class="button">
              Assign every area of the domain
            </button>
          </form>
        </>
      ) : (
        table
      )}
    </section>
  )
}
