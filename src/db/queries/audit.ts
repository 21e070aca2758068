import { and, asc, desc, eq, gt, gte, ilike, like, lt, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../client'
import { users } from '../schema/accounts'
import { cycles } from '../schema/cycles'
import { auditEvents } from '../schema/operations'
import { schools } from '../schema/schools'

export type AuditInsert = typeof auditEvents.$inferInsert

export async function insertAuditEvent(db: Db, event: AuditInsert) {
  await db.insert(auditEvents).values(event)
}

/** An audit row with the names a person reads: who did it, which school, which cycle (when the subject is one). */
const namedColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  actorEmail: auditEvents.actorEmail,
  actorName: users.name,
  action: auditEvents.action,
  schoolId: auditEvents.schoolId,
  schoolName: schools.name,
  subject: auditEvents.subject,
  cycleTitle: cycles.title,
  ip: auditEvents.ip,
  details: auditEvents.details,
}

const named = (db: Db) =>
  db
    .select(namedColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(schools, eq(schools.id, auditEvents.schoolId))
    // Cycle actions name the cycle as their subject; the cast keeps the join valid for every other subject.
    .leftJoin(cycles, sql`${cycles.id}::text = ${auditEvents.subject}`)

export type NamedAuditEvent = Awaited<ReturnType<typeof recentAuditEvents>>[number]

export function recentAuditEvents(db: Db, limit: number) {
  return named(db).orderBy(desc(auditEvents.id)).limit(limit)
}

export type AuditFilter = {
  who?: string | undefined
  actionPrefix?: string | undefined
  school?: string | undefined
  schoolId?: string | undefined
  from?: Date | undefined
  until?: Date | undefined
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`)

function conditions(filter: AuditFilter): SQL[] {
  const out: SQL[] = []
  if (filter.who) {
    const pattern = `%${escapeLike(filter.who)}%`
    out.push(or(ilike(auditEvents.actorEmail, pattern), ilike(users.name, pattern))!)
  }
  if (filter.actionPrefix) out.push(like(auditEvents.action, `${escapeLike(filter.actionPrefix)}%`))
  if (filter.school) out.push(ilike(schools.name, `%${escapeLike(filter.school)}%`))
  if (filter.schoolId) out.push(eq(auditEvents.schoolId, filter.schoolId))
  if (filter.from) out.push(gte(auditEvents.at, filter.from))
  if (filter.until) out.push(lt(auditEvents.at, filter.until))
  return out
}

/**
 * One page of the audit log, newest first, by keyset on the id: `before` gives the page after (older than) a row,
 * `after` the page before it. One row more than asked is read to know whether there is a further page.
 */
export async function auditEventPage(db: Db, filter: AuditFilter, page: { before?: number | undefined; after?: number | undefined; size: number }) {
  const where = conditions(filter)
  if (page.after !== undefined) {
    const rows = await named(db).where(and(...where, gt(auditEvents.id, page.after))).orderBy(asc(auditEvents.id)).limit(page.size + 1)
    const more = rows.length > page.size
    return { rows: rows.slice(0, page.size).reverse(), newer: more, older: true }
  }
  if (page.before !== undefined) where.push(lt(auditEvents.id, page.before))
  const rows = await named(db).where(and(...where)).orderBy(desc(auditEvents.id)).limit(page.size + 1)
  return { rows: rows.slice(0, page.size), newer: page.before !== undefined, older: rows.length > page.size }
}

/** What was recorded about one school since a moment, oldest first, leaving out the noisy kinds: its timeline. */
export function auditEventsOfSchool(db: Db, schoolId: string, since: Date, leaveOut: readonly string[], limit: number) {
  return named(db)
    .where(and(eq(auditEvents.schoolId, schoolId), gte(auditEvents.at, since), leaveOut.length ? notInArray(auditEvents.action, [...leaveOut]) : undefined))
    .orderBy(asc(auditEvents.id))
    .limit(limit)
}
