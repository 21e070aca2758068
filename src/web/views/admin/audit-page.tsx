import type { AdminOverview } from '../../../services/admin/overview'
import { AuditTable } from './admin-home-page'

export function AuditPage({ events }: { events: AdminOverview['recentAudit'] }) {
  return (
    <>
      <h1>Audit log</h1>
      <p>The latest {events.length} recorded actions. The log is append-only: nobody can change or remove an entry.</p>
      <AuditTable events={events} />
    </>
  )
}
