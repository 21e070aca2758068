import { and, desc, eq, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { cycleParticipations, cycles } from '../schema/cycles'
import type { CycleStatus } from '../../domain/cycle/cycle-states'

export type CycleInsert = typeof cycles.$inferInsert

export async function insertCycle(db: Db, values: CycleInsert) {
  const [row] = await db.insert(cycles).values(values).returning({ id: cycles.id })
  return row!
}

export function listCycles(db: Db) {
  return db
    .select({
      id: cycles.id,
      title: cycles.title,
      status: cycles.status,
      disciplines: cycles.disciplines,
      opensAt: cycles.opensAt,
      deadlineAt: cycles.deadlineAt,
      kind: cycles.kind,
      pilot: cycles.pilot,
    })
    .from(cycles)
    .orderBy(desc(cycles.opensAt))
}

export async function findCycle(db: Db, id: string) {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id))
  return row
}

/**
 * The cycle, its row locked until the transaction ends, for an action whose effects go beyond the row (jobs,
 * e-mails, audit rows): a second one on the same cycle waits and then sees what the first did. NO KEY UPDATE, so
 * rows that merely reference the cycle can still be written meanwhile.
 */
export async function findCycleForUpdate(db: Db, id: string) {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id)).for('no key update')
  return row
}

export async function updateCycleSettings(db: Db, id: string, values: Partial<CycleInsert>) {
  await db.update(cycles).set(values).where(and(eq(cycles.id, id), eq(cycles.status, 'draft')))
}

/** Moves the status only if it is still `from`; false means someone else moved it first. */
export async function moveCycleStatus(db: Db, id: string, from: CycleStatus, to: CycleStatus, extra: Partial<CycleInsert> = {}) {
  const rows = await db.update(cycles).set({ status: to, ...extra }).where(and(eq(cycles.id, id), eq(cycles.status, from))).returning({ id: cycles.id })
  return rows.length === 1
}

/**
 * Cycles whose reminders may be due: every open one, and a closed (or later) one while some school's extension
 * still runs (decision 080).
 */
export function remindableCycles(db: Db, now: Date) {
  const p = cycleParticipations
  return db.select({ id: cycles.id, status: cycles.status, reminderDays: cycles.reminderDays, deadlineAt: cycles.deadlineAt, title: cycles.title })
    .from(cycles).where(or(
      eq(cycles.status, 'open'),
      sql`${cycles.status} <> 'draft' and exists (select 1 from ${p} where ${p.cycleId} = ${cycles.id} and ${p.deadlineOverrideAt} > ${cycles.deadlineAt} and ${p.deadlineOverrideAt} >= ${now})`,
    ))
}

/** Cycles the calendar job may have to move: drafts scheduled to send, open cycles set to close at the deadline. */
export function calendarCycles(db: Db) {
  return db.select({
    id: cycles.id, status: cycles.status, opensAt: cycles.opensAt, deadlineAt: cycles.deadlineAt,
    openOnOpensAt: cycles.openOnOpensAt, closeAtDeadline: cycles.closeAtDeadline,
  }).from(cycles).where(or(
    and(eq(cycles.status, 'draft'), eq(cycles.openOnOpensAt, true)),
    and(eq(cycles.status, 'open'), eq(cycles.closeAtDeadline, true)),
  ))
}

export async function setCycleCalendar(db: Db, id: string, values: { openOnOpensAt?: boolean; closeAtDeadline?: boolean }) {
  await db.update(cycles).set(values).where(eq(cycles.id, id))
}
