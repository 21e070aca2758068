import { SCHOOL_ROLES } from '../../../domain/policy/roles'
import type { TeamView } from '../../../services/team/team-view'
import type { FormState } from '../../form'
import { ErrorSummary, SelectField, TextField } from '../form-fields'
import { When } from '../format'
import { TeamAssignmentsSection } from './team-assignments-section'
import { TEAM_ROLE_LABELS, TEAM_ROLE_SHORT_LABELS, personLabel } from './team-labels'

/** The school's team for one response: the primary respondent, the people, and who answers which area. */
export function TeamPage({ view, form }: { view: TeamView; form: FormState }) {
  const base = `/school/responses/${view.response.id}/team`
  const coordinators = view.members.filter((m) => m.role === 'coordinator')
  const roleOptions = SCHOOL_ROLES.filter((r) => view.grantable.includes(r)).map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }))
  const inviteForm = form.values.role ? form : { ...form, values: { ...form.values, role: coordinators.length === 0 ? 'coordinator' : 'contributor' } }
  return (
    <>
      <p>
        <a href={`/school/responses/${view.response.id}`}>← {view.response.schoolName}: {view.response.cycleTitle}</a>
      </p>
      <h1>Team</h1>
      <ErrorSummary form={form} />
      <section aria-labelledby="coordinator-title">
        <h2 id="coordinator-title">Primary respondent</h2>
        <p>
          {coordinators.length > 0
            ? `${coordinators.map(personLabel).join(', ')} ${coordinators.length > 1 ? 'coordinate' : 'coordinates'} the answers and can manage the team.`
            : 'Nobody has been named yet. The primary respondent coordinates the answers and can manage the team.'}
        </p>
        {view.canManage && view.members.some((m) => m.role === 'contributor') && (
          <form method="post" action={`${base}/coordinator`} class="inline-form">
            <div class="field">
              <label for="coordinatorUserId">Name a colleague already on the team</label>
              <select id="coordinatorUserId" name="userId">
                {view.members.filter((m) => m.role === 'contributor').map((m) => (
                  <option value={m.userId}>{personLabel(m)}</option>
                ))}
              </select>
            </div>
            <button type="submit" class="button">
              Name as primary respondent
            </button>
          </form>
        )}
      </section>
      {view.canManage && (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">Invite a colleague</h2>
          <p class="muted">They get an e-mail with a personal link, valid for 14 days. They join the team when they follow it.</p>
          <form method="post" action={`${base}/invite`} class="narrow" novalidate>
            <TextField name="email" label="E-mail address" type="email" autocomplete="off" form={inviteForm} />
            <TextField name="name" label="Name (optional)" form={inviteForm} />
            <SelectField name="role" label="Role" options={roleOptions} form={inviteForm} />
            <button type="submit" class="button">
              Send the invitation
            </button>
          </form>
        </section>
      )}
      {view.invitations.length > 0 && (
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title">Invited, not yet joined</h2>
          <p class="muted">They join the team when they follow the link in their e-mail. Inviting an address again sends a new link.</p>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Invited</th>
                  <th scope="col">Role</th>
                  <th scope="col">Link expires</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {view.invitations.map((i) => (
                  <tr>
                    <td>
                      {i.name ?? i.email}
                      {i.name && <div class="small muted">{i.email}</div>}
                    </td>
                    <td>{TEAM_ROLE_LABELS[i.role]}</td>
                    <td>
                      <When at={i.expiresAt} />
                    </td>
                    <td>
                      <InlineAction action={`${base}/invitations/${i.id}/cancel`} label="Withdraw" hidden={` the invitation of ${i.email}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section aria-labelledby="people-title">
        <h2 id="people-title">People</h2>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">Last signed in</th>
                {view.canManage && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {view.members.map((m) => (
                <tr>
                  <td>
                    {personLabel(m)}
                    {m.name && <div class="small muted">{m.email}</div>}
                  </td>
                  <td>{TEAM_ROLE_LABELS[m.role]}</td>
                  <td>{m.lastSignInAt ? <When at={m.lastSignInAt} /> : <span class="muted">not yet</span>}</td>
                  {view.canManage && (
                    <td>
                      <form method="post" action={`${base}/members/${m.userId}/role`} class="inline">
                        <label class="visually-hidden" for={`role-${m.userId}`}>
                          Role of {personLabel(m)}
                        </label>
                        <select id={`role-${m.userId}`} name="role">
                          {SCHOOL_ROLES.filter((r) => r === m.role || view.grantable.includes(r)).map((r) => (
                            <option value={r} selected={r === m.role}>
                              {TEAM_ROLE_SHORT_LABELS[r]}
                            </option>
                          ))}
                        </select>{' '}
                        <button type="submit" class="link-button">
                          Change role<span class="visually-hidden"> of {personLabel(m)}</span>
                        </button>
                      </form>{' '}
                      ·{' '}
                      <InlineAction action={`${base}/members/${m.userId}/remove`} label="Remove" hidden={` ${personLabel(m)}`} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <TeamAssignmentsSection view={view} />
    </>
  )
}

/** A one-button form that reads as a link in a table row; the hidden words say whom it is about. */
function InlineAction({ action, label, hidden }: { action: string; label: string; hidden: string }) {
  return (
    <form method="post" action={action} class="inline">
      <button type="submit" class="link-button">
        {label}
        <span class="visually-hidden">{hidden}</span>
      </button>
    </form>
  )
}
