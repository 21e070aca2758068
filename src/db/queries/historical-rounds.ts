import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { cycleParticipations, cycles } from '../schema/cycles'
import { answers, responses } from '../schema/responses'
import { schools } from '../schema/schools'

/** What a historical round's CSV is matched against: every school in the directory, by id and IPEDS unit id. */
export function schoolsForHistoricalMatch(db: Db) {
  return db.select({ id: schools.id, name: schools.name, ipedsUnitId: schools.ipedsUnitId, discipline: schools.discipline }).from(schools)
}

/** Rows per insert statement: well under PostgreSQL's 65,535 parameters for the widest row here. */
const CHUNK = 1_000

async function inChunks<T, R>(rows: readonly T[], write: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(...(await write(rows.slice(i, i + CHUNK))))
  return out
}

export function insertImportedParticipations(db: Db, rows: readonly (typeof cycleParticipations.$inferInsert)[]) {
  return inChunks(rows, (chunk) => db.insert(cycleParticipations).values(chunk)
    .returning({ id: cycleParticipations.id, schoolId: cycleParticipations.schoolId }))
}

export function insertImportedResponses(db: Db, rows: readonly (typeof responses.$inferInsert)[]) {
  return inChunks(rows, (chunk) => db.insert(responses).values(chunk).returning({ id: responses.id, schoolId: responses.schoolId }))
}

export async function insertImportedAnswers(db: Db, rows: readonly (typeof answers.$inferInsert)[]) {
  await inChunks(rows, async (chunk) => {
    await db.insert(answers).values(chunk)
    return []
  })
}

/** Whether a past round of this name was imported already (a second confirm of the same file must not import it twice). */
export async function historicalRoundNamed(db: Db, title: string) {
  const [row] = await db.select({ id: cycles.id }).from(cycles).where(and(eq(cycles.kind, 'historical'), sql`lower(${cycles.title}) = lower(${title})`)).limit(1)
  return row
}

/** How a response came to be: answered here, or imported from a past round's records. */
export async function responseSource(db: Db, responseId: string) {
  const [row] = await db.select({ source: responses.source }).from(responses).where(eq(responses.id, responseId))
  return row?.source
}
