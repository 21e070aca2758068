import { PARTICIPATION_LABELS } from '../../../domain/cycle/cycle-summary'
import { participationDeadline } from '../../../domain/cycle/invitation-rules'
import type { participationForAdmin } from '../../../services/cycles/participation-admin'
import type { FormState } from '../../form'
import { ErrorSummary, TextField } from '../form-fields'
import { When } from '../format'

type Participation = Awaited<ReturnType<typeof participationForAdmin>>

/** One school in one cycle: its status and the admin's actions (resend, readdress, extend, record progress). */
export function ParticipationPage({ p, form }: { p: Participation; form: FormState }) {
  const base = `/admin/cycles/${p.cycleId}/schools/${p.id}`
  const open = p.cycleStatus === 'open'
  return (
    <>
      <p>
        <a href={`/admin/cycles/${p.cycleId}`}>← {p.cycleTitle}</a>
      </p>
      <h1>{p.schoolName}</h1>
      <p>
        <a href={`${base}/timeline`}>Timeline: everything that happened with this school in this cycle</a>
      </p>
      <dl class="pairs">
        <dt>Status</dt>
        <dd>{PARTICIPATION_LABELS[p.status]}</dd>
        <dt>Addressee</dt>
        <dd>{p.inviteeEmail ? `${p.inviteeName ?? ''} <${p.inviteeEmail}>` : 'none: add one below'}</dd>
        <dt>Deadline</dt>
        <dd>
          <When at={participationDeadline(p.deadlineAt, p.deadlineOverrideAt)} />
          {p.deadlineOverrideAt && ' (extended)'}
        </dd>
      </dl>
      {(p.status === 'accepted' || p.status === 'in_progress' || p.status === 'submitted') && (
        <p>
          <a href={`/admin/responses/of/${p.id}`}>Open the school’s response</a> (paper entry, reopening)
        </p>
      )}
      <ErrorSummary form={form} />
      {open && p.status === 'invited' && (
        <>
          <h2>Invitation</h2>
          {p.invitationRejection && (
            <p class="notice notice-warning">
              The invitation could not be delivered: the receiving server answered “{p.invitationRejection}”. Correct the
              address below and the invitation is sent again.
            </p>
          )}
          <form method="post" action={`${base}/resend`} class="inline">
            <button type="submit" class="button" disabled={!p.inviteeEmail}>Send the invitation again</button>
          </form>
          <form method="post" action={`${base}/addressee`} class="narrow" novalidate id="addressee">
            <TextField name="email" label="New addressee’s e-mail" type="email" form={form} />
            <TextField name="name" label="New addressee’s name (optional)" form={form} />
            <button type="submit" class="button">Change the addressee and send</button>
          </form>
        </>
      )}
      {open && (
        <>
          <h2>Deadline extension</h2>
          <form method="post" action={`${base}/extension`} class="narrow" novalidate>
            <TextField name="until" label="Extended deadline" type="date" hint="The end of this day (UTC). Leave empty to remove the extension." form={form} />
            <button type="submit" class="button">Save the extension</button>
          </form>
        </>
      )}
      {open && p.status !== 'declined' && p.status !== 'submitted' && (
        <>
          <h2>The school will not take part</h2>
          <p>
            <a href={`${base}/decline`}>Decline on the school’s behalf</a> when the dean has said no by other means.
          </p>
        </>
      )}
      {open && p.status === 'accepted' && (
        <>
          <h2>Record progress</h2>
          <p class="muted">Normally recorded by the school’s workspace; use this when a school reports by other means.</p>
          <form method="post" action={`${base}/progress`} class="inline">
            <input type="hidden" name="to" value="in_progress" />
            <button type="submit" class="button">Mark as in progress</button>
          </form>
        </>
      )}
      {(p.status === 'accepted' || p.status === 'in_progress') && (
        <>
          <h2>Paper return</h2>
          <p>
            When the dean has signed a paper or e-mailed copy of the questionnaire, <a href={`/admin/responses/of/${p.id}`}>open the school’s response</a>,
            type its answers in, then submit it from “Check your answers” as a paper return, naming the dean who signed
            it and the day. Only a certified response (online or a signed paper return) counts as completed.
          </p>
        </>
      )}
    </>
  )
}
