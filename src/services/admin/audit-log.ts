import type { Db } from '../../db/client'
import { auditEventPage, type AuditFilter } from '../../db/queries/audit'
import type { Actor } from '../../domain/policy/roles'
import { assertCan } from '../errors'

export const AUDIT_PAGE_SIZE = 50

/** One page of the audit log, filtered; read-only (the table refuses changes), newest first. */
export async function auditLogPage(db: Db, actor: Actor, filter: AuditFilter, page: { before?: number | undefined; after?: number | undefined }) {
  assertCan(actor, 'audit.view')
  return auditEventPage(db, filter, { ...page, size: AUDIT_PAGE_SIZE })
}

export type AuditLogPage = Awaited<ReturnType<typeof auditLogPage>>
export type { NamedAuditEvent } from '../../db/queries/audit'
