import { asc, count, desc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { cycles } from '../schema/cycles'
import { instrumentVersions } from '../schema/instruments'

export type InstrumentVersionInsert = typeof instrumentVersions.$inferInsert

export async function findInstrumentVersion(db: Db, id: string) {
  const [row] = await db.select().from(instrumentVersions).where(eq(instrumentVersions.id, id))
  return row
}

export function findInstrumentHashes(db: Db) {
  return db.select({ id: instrumentVersions.id, contentHash: instrumentVersions.contentHash }).from(instrumentVersions)
}

/** Inserts a version unless one with that id exists; never updates (versions are immutable). */
export async function insertInstrumentVersion(db: Db, values: InstrumentVersionInsert): Promise<boolean> {
  const rows = await db.insert(instrumentVersions).values(values).onConflictDoNothing().returning({ id: instrumentVersions.id })
  return rows.length === 1
}

/** Every version with how many cycles use it. */
export function listInstrumentVersions(db: Db) {
  return db
    .select({
      id: instrumentVersions.id,
      title: instrumentVersions.title,
      contentHash: instrumentVersions.contentHash,
      sourceFile: instrumentVersions.sourceFile,
      importedAt: instrumentVersions.importedAt,
      cycles: count(cycles.id),
    })
    .from(instrumentVersions)
    .leftJoin(cycles, eq(cycles.instrumentVersion, instrumentVersions.id))
    .groupBy(instrumentVersions.id)
    .orderBy(asc(instrumentVersions.id))
}

export async function countCyclesUsing(db: Db, instrumentId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(cycles).where(eq(cycles.instrumentVersion, instrumentId))
  return row?.n ?? 0
}

/** The most recently imported version (the highest id among those imported together). */
export async function newestInstrumentVersion(db: Db) {
  const [row] = await db
    .select({ id: instrumentVersions.id, content: instrumentVersions.content })
    .from(instrumentVersions)
    .orderBy(desc(instrumentVersions.importedAt), desc(instrumentVersions.id))
    .limit(1)
  return row
}

/** The ids a cycle may use, newest first. */
export async function instrumentVersionIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: instrumentVersions.id }).from(instrumentVersions).orderBy(desc(instrumentVersions.importedAt), desc(instrumentVersions.id))
  return rows.map((r) => r.id)
}
