import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { responses } from '../schema/responses'
import { responseScores } from '../schema/scoring'
import { schools } from '../schema/schools'
import { responseIsCertified } from './certified-responses'

// What the aggregate results and instrument quality pages read: a cycle's certified responses with only the facts
// the breakdowns use (discipline, control, Carnegie group), never a school's name, unit id or state.

/** Every certified response of a cycle with its stored scores (the same scores its report and the exports use). */
export function certifiedScores(db: Db, cycleId: string) {
  return db
    .select({
      responseId: responses.id,
      discipline: schools.discipline,
      control: schools.control,
      carnegieGroup: schools.carnegieGroup,
      areas: responseScores.areas,
      domains: responseScores.domains,
      overall: responseScores.overall,
    })
    .from(responses)
    .innerJoin(schools, eq(schools.id, responses.schoolId))
    .innerJoin(responseScores, eq(responseScores.responseId, responses.id))
    .where(and(eq(responses.cycleId, cycleId), responseIsCertified))
    .orderBy(asc(responses.id))
}

/** Every certified response of a cycle with its school's discipline (which items apply to it). */
export function certifiedResponsesWithDiscipline(db: Db, cycleId: string) {
  return db
    .select({ responseId: responses.id, discipline: schools.discipline })
    .from(responses)
    .innerJoin(schools, eq(schools.id, responses.schoolId))
    .where(and(eq(responses.cycleId, cycleId), responseIsCertified))
    .orderBy(asc(responses.id))
}
