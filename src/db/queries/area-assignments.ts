import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../client'
import { areaAssignments, responses } from '../schema/responses'

/** The areas of one response that this person was asked to answer. */
export async function assignedAreaIds(db: Db, responseId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ areaId: areaAssignments.areaId })
    .from(areaAssignments)
    .where(and(eq(areaAssignments.responseId, responseId), eq(areaAssignments.userId, userId)))
    .orderBy(asc(areaAssignments.areaId))
  return rows.map((r) => r.areaId)
}

export function listAreaAssignments(db: Db, responseId: string) {
  return db
    .select({ areaId: areaAssignments.areaId, userId: areaAssignments.userId })
    .from(areaAssignments)
    .where(eq(areaAssignments.responseId, responseId))
}

/** Replaces the whole table of who answers what for one response. */
export async function replaceAreaAssignments(db: Db, responseId: string, rows: readonly { areaId: string; userId: string }[]) {
  await db.delete(areaAssignments).where(eq(areaAssignments.responseId, responseId))
  if (rows.length > 0) await db.insert(areaAssignments).values(rows.map((r) => ({ responseId, ...r })))
}

/** Adds assignments, keeping those already there. */
export async function addAreaAssignments(db: Db, responseId: string, rows: readonly { areaId: string; userId: string }[]) {
  if (rows.length === 0) return
  await db.insert(areaAssignments).values(rows.map((r) => ({ responseId, ...r }))).onConflictDoNothing()
}

/** Someone left the school's team: they answer nothing in any of its responses any more. */
export async function deleteAssignmentsAtSchool(db: Db, schoolId: string, userId: string) {
  const ofSchool = db.select({ id: responses.id }).from(responses).where(eq(responses.schoolId, schoolId))
  await db.delete(areaAssignments).where(and(eq(areaAssignments.userId, userId), inArray(areaAssignments.responseId, ofSchool)))
}
