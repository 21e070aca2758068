import type { InvitationView } from '../../../services/cycles/invitation-response'
import { When } from '../format'

const PROBLEMS: Record<Exclude<InvitationView['state'], 'valid'>, string> = {
  unknown: 'We do not recognise this invitation link. Check that the whole link was copied from the e-mail.',
  used: 'This invitation has already been answered. If you accepted it, sign in with your e-mail address.',
  revoked: 'This link was replaced by a newer invitation. Please use the most recent e-mail we sent.',
  expired: 'The deadline for this invitation has passed. Contact the program team if your school still wants to take part.',
  closed: 'This assessment round is no longer open.',
}

/** GET shows the choice; only a button press (POST) acts, so mail scanners that open links decide nothing. */
export function InvitationPage({ view, token }: { view: InvitationView; token: string }) {
  return (
    <section class="narrow">
      <h1>Invitation to {view.cycleTitle}</h1>
      <p class="lead">
        <strong>{view.schoolName}</strong> is invited to take part in the Social Mission Metrics self-assessment.
      </p>
      <p>
        This invitation was sent to <strong>{view.email}</strong> and is open until <When at={view.deadlineAt ?? null} />. Accepting makes
        you the school’s lead for this round and signs you in; you can then invite colleagues to help answer.
      </p>
      <div class="actions">
      <form method="post" action="/invitation/accept" class="inline">
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="button">Accept for {view.schoolName}</button>
      </form>
      <form method="post" action="/invitation/decline" class="inline">
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="button button-secondary">Decline this round</button>
      </form>
      </div>
    </section>
  )
}

export function InvitationProblemPage({ state }: { state: Exclude<InvitationView['state'], 'valid'> }) {
  return (
    <section class="narrow">
      <h1>This invitation cannot be used</h1>
      <p>{PROBLEMS[state]}</p>
      {state === 'used' && (
        <p>
          <a href="/sign-in">Sign in</a>
        </p>
      )}
    </section>
  )
}

export function InvitationDeclinedPage({ schoolName }: { schoolName: string }) {
  return (
    <section class="narrow">
      <h1>Thank you for letting us know</h1>
      <p>{schoolName} will not take part in this round. We will not send reminders about it.</p>
    </section>
  )
}
