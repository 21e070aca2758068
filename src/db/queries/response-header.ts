import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../client'
import { cycleParticipations, cycles } from '../schema/cycles'
import { responses } from '../schema/responses'
import { schools } from '../schema/schools'

const header = {
  id: responses.id,
  schoolId: responses.schoolId,
  schoolName: schools.name,
  cycleId: responses.cycleId,
  cycleTitle: cycles.title,
  cycleStatus: cycles.status,
  instrumentVersion: responses.instrumentVersion,
  status: responses.status,
  carriedForwardFrom: responses.carriedForwardFrom,
  submittedAt: responses.submittedAt,
}

/** A response with the names around it (school, cycle): what every page about one response shows in its heading. */
export async function findResponseHeader(db: Db, responseId: string) {
  const [row] = await db
    .select(header)
    .from(responses)
    .innerJoin(schools, eq(schools.id, responses.schoolId))
    .innerJoin(cycles, eq(cycles.id, responses.cycleId))
    .where(eq(responses.id, responseId))
  return row
}

/** A school's latest participation in an open cycle that it accepted, with its response if one exists. */
export async function findOpenParticipation(db: Db, schoolId: string) {
  const [row] = await db
    .select({ participationId: cycleParticipations.id, cycleId: cycles.id, instrumentVersion: cycles.instrumentVersion, responseId: responses.id })
    .from(cycleParticipations)
    .innerJoin(cycles, eq(cycles.id, cycleParticipations.cycleId))
    .leftJoin(responses, eq(responses.participationId, cycleParticipations.id))
    .where(and(eq(cycleParticipations.schoolId, schoolId), eq(cycles.status, 'open'), inArray(cycleParticipations.status, ['accepted', 'in_progress', 'submitted'])))
    .orderBy(desc(cycles.opensAt))
    .limit(1)
  return row
}

