import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Answer } from '../../domain/instrument/instrument-answers'
import type { Db } from '../client'
import { cycles } from '../schema/cycles'
import { answerHistory, answers, responses } from '../schema/responses'

/** The school's submitted responses in other cycles that hold answers (not a past round's area scores only), newest first. */
export function earlierSubmittedResponses(db: Db, schoolId: string, exceptResponseId: string) {
  return db
    .select({ id: responses.id, cycleTitle: cycles.title, instrumentVersion: responses.instrumentVersion, submittedAt: responses.submittedAt })
    .from(responses)
    .innerJoin(cycles, eq(cycles.id, responses.cycleId))
    .where(and(eq(responses.schoolId, schoolId), eq(responses.status, 'submitted'), ne(responses.id, exceptResponseId), ne(responses.source, 'imported-area-scores')))
    .orderBy(desc(responses.submittedAt))
}

export function answerValues(db: Db, responseId: string) {
  return db.select({ itemId: answers.itemId, value: answers.value }).from(answers).where(eq(answers.responseId, responseId))
}

/**
 * Writes pre-filled answers where the item has no answer row yet; an answer someone gives at the same moment
 * wins. Returns what was actually written.
 */
export async function insertPrefilledAnswers(db: Db, responseId: string, rows: readonly { itemId: string; value: Answer }[], by: string | null, at: Date) {
  if (rows.length === 0) return []
  return db
    .insert(answers)
    .values(rows.map((r) => ({ responseId, itemId: r.itemId, value: r.value, prefilled: true, version: 1, updatedBy: by, updatedAt: at })))
    .onConflictDoNothing({ target: [answers.responseId, answers.itemId] })
    .returning({ itemId: answers.itemId, value: answers.value, version: answers.version })
}

export async function insertAnswerHistory(db: Db, rows: (typeof answerHistory.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(answerHistory).values(rows)
}

export async function setCarriedForwardFrom(db: Db, responseId: string, fromId: string, at: Date) {
  await db.update(responses).set({ carriedForwardFrom: fromId, updatedAt: at }).where(eq(responses.id, responseId))
}

/** Clears the pre-filled mark on these items (only where it is still set), one version up each. */
export function clearPrefilled(db: Db, responseId: string, itemIds: readonly string[], by: string | null, at: Date) {
  return db
    .update(answers)
    .set({ prefilled: false, version: sql`${answers.version} + 1`, updatedBy: by, updatedAt: at })
    .where(and(eq(answers.responseId, responseId), inArray(answers.itemId, [...itemIds]), eq(answers.prefilled, true)))
    .returning({ itemId: answers.itemId, value: answers.value, version: answers.version })
}
