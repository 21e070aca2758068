import type { confirmClose, confirmRelease, confirmReminders } from '../../../services/admin/cycle-confirmations'
import type { declineForSchoolFacts } from '../../../services/admin/decline-for-school'
import type { FormState } from '../../form'
import { ConfirmationPage } from './confirmation-page'

type Facts<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const backTo = (cycle: { id: string; title: string }) => ({ href: `/admin/cycles/${cycle.id}`, label: cycle.title })

export function CloseConfirmPage({ facts }: { facts: Facts<typeof confirmClose> }) {
  const { cycle } = facts
  return (
    <ConfirmationPage
      back={backTo(cycle)}
      title="Close the cycle"
      summary={
        <p>
          {plural(facts.submitted, 'school has', 'schools have')} submitted. {plural(facts.locked, 'school has', 'schools have')} not, and will no longer be able to
          answer or accept.
          {facts.extended > 0 &&
            ` ${plural(facts.extended, 'school is', 'schools are')} inside an extension: closing does not stop them; they keep answering until their own deadline and are placed against the frozen norms as late ones.`}
        </p>
      }
      groups={[]}
      warning="A closed cycle cannot be opened again."
      action={`/admin/cycles/${cycle.id}/advance`}
      hidden={{ to: 'closed' }}
      submitLabel="Close the cycle"
    />
  )
}

export function ReleaseConfirmPage({ facts, schoolId }: { facts: Facts<typeof confirmRelease>; schoolId?: string | undefined }) {
  const { cycle } = facts
  const one = schoolId !== undefined
  return (
    <ConfirmationPage
      back={{ href: `/admin/cycles/${cycle.id}/reports`, label: `Reports: ${cycle.title}` }}
      title={one ? `Release the report of ${facts.schoolName ?? 'this school'}` : 'Release the reports'}
      summary={
        <p>
          {plural(facts.reports, 'report', 'reports')} will be released to {one ? 'the school’s' : 'the schools’'} leadership.
          {facts.withoutLeader > 0 && ` ${plural(facts.withoutLeader, 'school has', 'schools have')} no leader yet; their reports are released but nobody is e-mailed.`}
        </p>
      }
      groups={facts.groups}
      warning="A released report cannot be withdrawn."
      action={`/admin/cycles/${cycle.id}/reports/release`}
      hidden={one ? { schoolId } : {}}
      submitLabel={one ? 'Release the report and e-mail the leaders' : 'Release the reports and e-mail the leaders'}
      nothingToDo={facts.reports === 0 ? 'Every report is already released.' : undefined}
    />
  )
}

export function RemindersConfirmPage({ facts }: { facts: Facts<typeof confirmReminders> }) {
  const { cycle } = facts
  return (
    <ConfirmationPage
      back={backTo(cycle)}
      title="Send the due reminders now"
      summary={
        <p>
          {plural(facts.due, 'school is', 'schools are')} due a reminder ({cycle.reminderDays.join(', ')} days before each school’s deadline). Each reminder
          goes out once; the hourly run would otherwise send them.
        </p>
      }
      groups={facts.groups}
      action={`/admin/cycles/${cycle.id}/reminders`}
      submitLabel="Send the reminders"
      nothingToDo={facts.due === 0 ? 'No reminders are due now.' : undefined}
    />
  )
}

export function DeclineConfirmPage({ p, form }: { p: Facts<typeof declineForSchoolFacts>; form: FormState }) {
  const error = form.errors['reason']?.[0]
  return (
    <ConfirmationPage
      back={{ href: `/admin/cycles/${p.cycleId}/schools/${p.id}`, label: p.schoolName }}
      title={`Decline on behalf of ${p.schoolName}`}
      summary={
        <p>
          Record that <strong>{p.schoolName}</strong> will not take part in {p.cycleTitle}. Its invitation link stops working and it gets no more reminders.
        </p>
      }
      groups={[]}
      warning="This cannot be undone from the app."
      action={`/admin/cycles/${p.cycleId}/schools/${p.id}/decline`}
      submitLabel="Decline on the school’s behalf"
      form={form}
    >
      <div class={error ? 'field field-error' : 'field'}>
        <label for="reason">How did the school decline?</label>
        <p class="hint" id="reason-hint">
          Kept in the audit log, for example “The dean replied by e-mail on 3 March”.
        </p>
        {error && (
          <p class="error-message" id="reason-error">
            {error}
          </p>
        )}
        <textarea id="reason" name="reason" rows={3} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'reason-hint reason-error' : 'reason-hint'}>
          {form.values['reason'] ?? ''}
        </textarea>
      </div>
    </ConfirmationPage>
  )
}
