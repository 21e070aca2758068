import { desc } from 'drizzle-orm'
import type { Db } from '../client'
import { auditEvents } from '../schema/operations'

export type AuditInsert = typeof auditEvents.$inferInsert

export async function insertAuditEvent(db: Db, event: AuditInsert) {
  await db.insert(auditEvents).values(event)
}

export function recentAuditEvents(db: Db, limit: number) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorEmail: auditEvents.actorEmail,
      action: auditEvents.action,
      schoolId: auditEvents.schoolId,
      subject: auditEvents.subject,
      ip: auditEvents.ip,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(limit)
}
