import { eq } from 'drizzle-orm'
import type { Db } from '../client'
import { mailMessages } from '../schema/operations'
import { cycleParticipations, cycles } from '../schema/cycles'
import { answers, responses } from '../schema/responses'
import type { Answer } from '../../domain/instrument/instrument-answers'

/** Demo data only: participations at a chosen stage, written once when the demo is seeded. */
export async function insertDemoParticipations(db: Db, rows: (typeof cycleParticipations.$inferInsert)[]) {
  if (rows.length === 0) return []
  return db.insert(cycleParticipations).values(rows).returning({ id: cycleParticipations.id, schoolId: cycleParticipations.schoolId, status: cycleParticipations.status })
}

/** Demo data only: a school's response with its answers, in progress or already submitted. */
export async function insertDemoResponse(
  db: Db,
  values: { participationId: string; cycleId: string; schoolId: string; instrumentVersion: string; submittedAt: Date | null; certifiedByName?: string | null; updatedBy?: string | null },
  answerValues: Readonly<Record<string, Answer>>,
) {
  const [response] = await db.insert(responses).values({
    participationId: values.participationId, cycleId: values.cycleId, schoolId: values.schoolId, instrumentVersion: values.instrumentVersion,
    status: values.submittedAt ? 'submitted' : 'in_progress', submittedAt: values.submittedAt, certifiedByName: values.certifiedByName ?? null,
  }).returning({ id: responses.id })
  const rows = Object.entries(answerValues).map(([itemId, value]) => ({ responseId: response!.id, itemId, value, updatedBy: values.updatedBy ?? null }))
  if (rows.length > 0) await db.insert(answers).values(rows)
  return response!.id
}

/** Demo data only: a seeded message reads as sent when its school was invited, not when the demo was loaded. */
export async function markDemoMailSent(db: Db, id: string, at: Date) {
  await db.update(mailMessages).set({ status: 'sent', createdAt: at, sentAt: at, attempts: 1 }).where(eq(mailMessages.id, id))
}

/** Demo data only: the open round reads as opened two weeks ago, so its daily chart has days to show. */
export async function setDemoCycleOpenedAt(db: Db, cycleId: string, at: Date) {
  await db.update(cycles).set({ openedAt: at }).where(eq(cycles.id, cycleId))
}
