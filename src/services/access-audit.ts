import type { Db } from '../db/client'
import type { Actor } from '../domain/policy/roles'
import { recordAudit, type AuditContext } from './audit'

/**
 * Records that an analyst was refused a page that names schools (decision 135): the path and the answer they got.
 * Analysts work on de-identified data only, so any such attempt is worth a line in the audit log.
 */
export async function recordDeniedAccess(db: Db, actor: Actor, attempt: { method: string; path: string; status: number }, context: AuditContext) {
  await recordAudit(db, actor, 'access.denied', { subject: attempt.path.slice(0, 500), details: { method: attempt.method, status: attempt.status } }, context)
}
