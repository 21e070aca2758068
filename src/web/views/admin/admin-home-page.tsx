import { CycleTable } from './cycle-list-page'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { AdminOverview } from '../../../services/admin/overview'
import { AuditTable } from './audit-page'

export function AdminHomePage({ overview }: { overview: AdminOverview }) {
  const totalSchools = overview.schoolsByDiscipline.reduce((sum, row) => sum + row.n, 0)
  const failed = overview.mail.failed ?? 0
  const retrying = overview.mail.retrying
  return (
    <>
      <h1>Program administration</h1>
      {failed > 0 && (
        <p class="notice notice-warning">
          {failed} {failed === 1 ? 'message' : 'messages'} could not be delivered. <a href="/admin/mail?status=failed">Review failed mail</a>
        </p>
      )}
      {retrying > 0 && (
        <p class="notice notice-warning">
          {retrying} {retrying === 1 ? 'message is' : 'messages are'} not sent yet: the mail server did not take {retrying === 1 ? 'it' : 'them'}, and
          sending is being retried. <a href="/admin/mail?status=queued">See waiting mail</a>
        </p>
      )}
      <section class="cards">
        <div class="card">
          <h2>Schools</h2>
          <p class="figure">{totalSchools}</p>
          <table>
            <caption class="visually-hidden">Schools by discipline</caption>
            <tbody>
              {overview.schoolsByDiscipline.map((row) => (
                <tr>
                  <th scope="row">{DISCIPLINE_LABELS[row.discipline]}</th>
                  <td class="num">{row.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="card">
          <h2>Mail</h2>
          <dl class="pairs">
            <dt>Waiting to send</dt>
            <dd>{overview.mail.queued ?? 0}</dd>
            <dt>Sent</dt>
            <dd>{overview.mail.sent ?? 0}</dd>
            <dt>Failed</dt>
            <dd>{failed}</dd>
          </dl>
          <p>
            <a href="/admin/mail">Open the outbox</a>
          </p>
        </div>
        <div class="card">
          <h2>Instruments</h2>
          <p>The questionnaire versions: preview, print, compare.</p>
          <p>
            <a href="/admin/instruments">Instrument versions</a>
          </p>
        </div>
        <div class="card">
          <h2>People</h2>
          <p class="figure">{overview.users}</p>
          <p>accounts, program team and schools together</p>
        </div>
      </section>
      <section>
        <h2>Assessment cycles</h2>
        <CycleTable cycles={overview.cycles} />
      </section>
      <section>
        <h2>Recent activity</h2>
        <AuditTable events={overview.recentAudit} />
        <p>
          <a href="/admin/audit">Full audit log</a>
        </p>
      </section>
    </>
  )
}
