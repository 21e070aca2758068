import type { AccountListing } from '../../../services/admin/account-list'
import { When } from '../format'
import { PageSummary, Pagination, pageHref } from '../pagination'
import { TableScroll } from '../table-scroll'
import { PROGRAM_ROLE_LABELS } from './account-page'


/** Everyone with an account, what they are on the program team and at which schools. */
export function AccountListPage({ listing, search }: { listing: AccountListing; search: string }) {
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
      <p>
        <a href="/admin/audit?what=account.">Changes to accounts in the audit log</a>
      </p>
    </>
  )
}
