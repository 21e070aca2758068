import type { Db } from '../client'
import { cycleParticipations } from '../schema/cycles'

/** Demo data only: the participations of the demo's past round, written once when the demo is seeded. */
export async function insertDemoParticipations(db: Db, rows: (typeof cycleParticipations.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(cycleParticipations).values(rows)
}
