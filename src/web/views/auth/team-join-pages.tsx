import type { SchoolRole } from '../../../domain/policy/roles'
import type { TeamInvitationView } from '../../../services/team/team-invite'
import { TEAM_ROLE_LABELS } from '../school/team-labels'

/** Opening the link asks first: a mail scanner following it must not join anyone to a team. */
export function TeamJoinPage({ view, token }: { view: Required<Pick<TeamInvitationView, 'schoolName' | 'email' | 'role' | 'cycleTitle'>>; token: string }) {
  return (
    <section class="narrow">
      <h1>Join {view.schoolName}’s team</h1>
      <dl class="summary">
        <div>
          <dt>Self-assessment</dt>
          <dd>{view.cycleTitle}</dd>
        </div>
        <div>
          <dt>Your role</dt>
          <dd>{TEAM_ROLE_LABELS[view.role as SchoolRole]}</dd>
        </div>
        <div>
          <dt>Your e-mail address</dt>
          <dd>{view.email}</dd>
        </div>
      </dl>
      <p>Joining signs you in on this device and opens the school’s response.</p>
      <form method="post" action="/team/join">
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="button">
          Join the team
        </button>
      </form>
    </section>
  )
}

const PROBLEMS: Record<Exclude<TeamInvitationView['state'], 'valid'>, { title: string; text: string }> = {
  expired: { title: 'This invitation has expired', text: 'Invitations work for 14 days. Ask the colleague who invited you to send a new one.' },
  used: { title: 'This invitation was already used', text: 'Each invitation works once. If you joined the team, sign in with your e-mail address.' },
  cancelled: { title: 'This invitation was withdrawn', text: 'The school took the invitation back, or sent a newer one: use the link in the latest e-mail.' },
  disabled: { title: 'Your account is disabled', text: 'The program team has disabled the account of this address. Write to them to have it enabled.' },
  unknown: { title: 'This invitation link is not valid', text: 'It may have been copied incompletely. Open the link from the e-mail again.' },
}

export function TeamJoinProblemPage({ state }: { state: Exclude<TeamInvitationView['state'], 'valid'> }) {
  const problem = PROBLEMS[state]
  return (
    <section class="narrow">
      <h1>{problem.title}</h1>
      <p>{problem.text}</p>
      <p>
        <a href="/sign-in">Sign in</a>
      </p>
    </section>
  )
}
