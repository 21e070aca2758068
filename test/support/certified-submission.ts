import { eq } from 'drizzle-orm'
import type { Db } from '../../src/db/client'
import { cycleParticipations, cycles } from '../../src/db/schema/cycles'
import { responses } from '../../src/db/schema/responses'

/**
 * The short way to "this school completed the round" for tests about what happens around it (reminders, counts):
 * a certified response its leader submitted, as the review page's submit would leave it, and the participation
 * submitted. Tests of submitting itself go through the review page.
 */
export async function recordCertifiedSubmission(db: Db, participationId: string, at = new Date(), certifiedByName = 'Dr Test Dean') {
  const [p] = await db
    .select({ id: cycleParticipations.id, cycleId: cycleParticipations.cycleId, schoolId: cycleParticipations.schoolId, instrumentVersion: cycles.instrumentVersion })
    .from(cycleParticipations).innerJoin(cycles, eq(cycles.id, cycleParticipations.cycleId)).where(eq(cycleParticipations.id, participationId))
  if (!p) throw new Error(`no participation ${participationId}`)
  const submitted = { status: 'submitted' as const, source: 'platform' as const, certifiedByName, submittedAt: at, updatedAt: at }
  await db.insert(responses).values({ participationId, cycleId: p.cycleId, schoolId: p.schoolId, instrumentVersion: p.instrumentVersion, ...submitted })
    .onConflictDoUpdate({ target: responses.participationId, set: submitted })
  await db.update(cycleParticipations).set({ status: 'submitted', submittedAt: at, lastActivityAt: at }).where(eq(cycleParticipations.id, participationId))
}
