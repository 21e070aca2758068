import type { Db } from '../db/client'
import { insertAuditEvent } from '../db/queries/audit'
import type { Actor } from '../domain/policy/roles'

export type AuditContext = { ip?: string | null }

/**
 * Writes one audit row. Call it inside the same transaction as the change it records, so the change and its
 * record stand or fall together.
 */
export async function recordAudit(
  db: Db,
  actor: Actor,
  action: string,
  about: { schoolId?: string | null; subject?: string | null; details?: Record<string, unknown> } = {},
  context: AuditContext = {},
) {
  await insertAuditEvent(db, {
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorEmail: actor.kind === 'user' ? actor.email : actor.kind === 'system' ? `system:${actor.label}` : null,
    action,
    schoolId: about.schoolId ?? null,
    subject: about.subject ?? null,
    details: about.details ?? {},
    ip: context.ip ?? null,
  })
}
