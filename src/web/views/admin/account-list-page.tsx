import type { AccountListing } from '../../../services/admin/account-list'
import { When } from '../format'
import { PageSummary, Pagination, pageHref } from '../pagination'
import { TableScroll } from '../table-scroll'
import { PROGRAM_ROLE_LABELS } from './account-page'

/** Everyone with an account, what they are on the program team and at which schools. */
export function AccountListPage({ listing, search, passkeysRequired }: { listing: AccountListing; search: string; passkeysRequired: boolean }) {
  const { accounts, slice } = listing
  return (
    <>
      <h1>Accounts</h1>
      <p>
        People get an account when they are invited: deans through a cycle’s invitation, colleagues through their school’s team page, the program
        team with <code>npm run smm -- admin create</code> or by giving an account a program role on its page.
      </p>
      <form method="get" action="/admin/accounts" class="filter-form">
        <div class="field">
          <label for="q">Name or e-mail</label>
          <input id="q" name="q" type="text" value={search} />
        </div>
        <button type="submit" class="button">Search</button>
      </form>
      {slice.total === 0 ? (
        <p>No account matches.</p>
      ) : (
        <>
        <PageSummary slice={slice} noun={['account', 'accounts']} />
        <TableScroll label="Accounts">
          <table>
            <caption class="visually-hidden">Accounts</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Program team</th>
                <th scope="col">Schools</th>
                <th scope="col">Passkeys</th>
                <th scope="col">Last signed in</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr>
                  <td>
                    <a href={`/admin/accounts/${a.id}`}>{a.name ?? a.email}</a>
                    {a.name && <div class="muted small">{a.email}</div>}
                    {a.disabledAt && <span class="status status-failed">disabled</span>}
                  </td>
                  <td>{a.programRole ? PROGRAM_ROLE_LABELS[a.programRole] ?? a.programRole : '—'}</td>
                  <td>{a.schools.length ? a.schools.join(', ') : '—'}</td>
                  <td>{a.passkeys === 0 ? '—' : a.passkeys}</td>
                  <td>
                    <When at={a.lastSignInAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <Pagination slice={slice} href={(page) => pageHref('/admin/accounts', { q: search }, page)} label="Pages of accounts" />
        </>
      )}
      <PasskeyRequirementForm required={passkeysRequired} />
      <p>
        <a href="/admin/audit?what=account.">Changes to accounts in the audit log</a>
      </p>
    </>
  )
}

/** The program's switch: whether program staff must add and use a passkey after the e-mailed link. */
function PasskeyRequirementForm({ required }: { required: boolean }) {
  return (
    <section aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">Passkeys for the program team</h2>
      <p>
        {required
          ? 'Required: admins and analysts sign in with the e-mailed link and then a passkey. Anyone without one adds one at their next sign-in.'
          : 'Not required: admins and analysts who added a passkey are asked for it; the others sign in with the link alone.'}{' '}
        School teams always sign in with the link alone.
      </p>
      <form method="post" action="/admin/accounts/passkey-requirement">
        <input type="hidden" name="required" value={required ? 'no' : 'yes'} />
        <button type="submit" class={required ? 'button button-secondary' : 'button'}>
          {required ? 'Stop requiring passkeys' : 'Require passkeys for program roles'}
        </button>
      </form>
    </section>
  )
}
