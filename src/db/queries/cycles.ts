import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { cycles } from '../schema/cycles'
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

export async function updateCycleSettings(db: Db, id: string, values: Partial<CycleInsert>) {
  await db.update(cycles).set(values).where(and(eq(cycles.id, id), eq(cycles.status, 'draft')))
}

/** Moves the status only if it is still `from`; false means someone else moved it first. */
export async function moveCycleStatus(db: Db, id: string, from: CycleStatus, to: CycleStatus, extra: Partial<CycleInsert> = {}) {
  const rows = await db.update(cycles).set({ status: to, ...extra }).where(and(eq(cycles.id, id), eq(cycles.status, from))).returning({ id: cycles.id })
  return rows.length === 1
}

export function openCycles(db: Db) {
  return db.select({ id: cycles.id, reminderDays: cycles.reminderDays, deadlineAt: cycles.deadlineAt, title: cycles.title })
    .from(cycles).where(eq(cycles.status, 'open'))
}
