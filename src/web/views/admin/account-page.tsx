import type { AccountDetail } from '../../../services/admin/account-admin'
import type { FormState } from '../../form'
import { ErrorSummary, SelectField, TextField } from '../form-fields'
import { When } from '../format'
import { TEAM_ROLE_SHORT_LABELS } from '../school/team-labels'

export const PROGRAM_ROLE_LABELS: Record<string, string> = { admin: 'Program admin', analyst: 'Analyst' }
const ROLE_OPTIONS = [
  { value: 'none', label: 'None (school team only)' },
  { value: 'analyst', label: 'Analyst: de-identified research data, no school names' },
  { value: 'admin', label: 'Program admin: every school’s answers and reports' },
]

/** One account: who, what they may see, and the program team's levers (role, sign out everywhere, disable). */
export function AccountPage({ detail, form }: { detail: AccountDetail; form: FormState }) {
  const { account } = detail
  const base = `/admin/accounts/${account.id}`
  const values = { role: account.programRole ?? 'none', ...form.values }
  return (
    <>
      <p>
        <a href="/admin/accounts">← Accounts</a>
      </p>
      <h1>{account.name ?? account.email}</h1>
      <ErrorSummary form={form} />
      <dl class="pairs">
        <dt>E-mail</dt>
        <dd>{account.email}</dd>
        <dt>Program team</dt>
        <dd>{account.programRole ? PROGRAM_ROLE_LABELS[account.programRole] : 'No'}</dd>
        <dt>Schools</dt>
        <dd>{detail.schools.length ? detail.schools.map((s) => `${s.name} (${TEAM_ROLE_SHORT_LABELS[s.role]})`).join(', ') : 'None'}</dd>
        <dt>Last signed in</dt>
        <dd>
          <When at={account.lastSignInAt} />
        </dd>
        <dt>Signed in now on</dt>
        <dd>
          {account.liveSessions} {account.liveSessions === 1 ? 'device' : 'devices'}
        </dd>
        <dt>Passkeys</dt>
        <dd>{detail.passkeys.length === 0 ? 'None' : detail.passkeys.map((p) => p.nickname).join(', ')}</dd>
        <dt>Status</dt>
        <dd>{account.disabledAt ? <>Disabled since <When at={account.disabledAt} /></> : 'Active'}</dd>
      </dl>

      <section aria-labelledby="role-title">
        <h2 id="role-title">Program role</h2>
        <form method="post" action={`${base}/role`} class="narrow" novalidate>
          <SelectField name="role" label="Role on the program team" options={ROLE_OPTIONS} form={{ values, errors: form.errors }} />
          <button type="submit" class="button">Change the role</button>
        </form>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sign out everywhere</h2>
        <p>Ends every session of this account at once, for a lost laptop or a shared computer. They can sign in again by e-mail.</p>
        <form method="post" action={`${base}/sign-out-everywhere`}>
          <button type="submit" class="button button-secondary">Sign out everywhere</button>
        </form>
      </section>

      {detail.passkeys.length > 0 && (
        <section aria-labelledby="passkeys-title">
          <h2 id="passkeys-title">Remove their passkeys</h2>
          <p>For a lost or stolen device. They sign in with the e-mailed link again, and add a new passkey then if the program requires one.</p>
          <form method="post" action={`${base}/passkeys/remove`}>
            <button type="submit" class="button button-warning">Remove their passkeys</button>
          </form>
        </section>
      )}

      <section aria-labelledby="status-title">
        <h2 id="status-title">{account.disabledAt ? 'Enable the account' : 'Disable the account'}</h2>
        {account.disabledAt ? (
          <form method="post" action={`${base}/enable`}>
            <p>They will be able to ask for sign-in links again.</p>
            <button type="submit" class="button">Enable the account</button>
          </form>
        ) : detail.isSelf ? (
          <p>You cannot disable your own account.</p>
        ) : (
          <form method="post" action={`${base}/disable`} class="narrow" novalidate>
            <p>They are signed out at once, get no sign-in links and cannot join a team. Their school’s answers stay.</p>
            <TextField name="reason" label="Why (kept in the audit log)" form={form} />
            <button type="submit" class="button button-warning">Disable the account</button>
          </form>
        )}
      </section>
      <p>
        <a href={`/admin/audit?who=${encodeURIComponent(account.email)}`}>What this person did, in the audit log</a>
      </p>
    </>
  )
}
