import { desc } from 'drizzle-orm'
import type { Db } from '../client'
import { cycles } from '../schema/cycles'

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
    })
    .from(cycles)
    .orderBy(desc(cycles.opensAt))
}
