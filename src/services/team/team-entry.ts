import type { Db } from '../../db/client'
import { findOpenParticipation } from '../../db/queries/response-header'
import { can } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { AppError, signInRequired } from '../errors'
import { openResponseOf } from '../responses/school-workspace'

/**
 * The way in from the menu: the response of the first school where the person runs the team, in its open cycle.
 * Creates the response if nobody opened it yet, by the same rule as opening it from the school's workspace.
 */
export async function myTeamResponseId(db: Db, actor: Actor): Promise<string> {
  if (actor.kind !== 'user') signInRequired()
  return db.transaction(async (tx) => {
    const schools = actor.kind === 'user' ? actor.memberships.filter((m) => can(actor, 'school.workspace', m)) : []
    for (const { schoolId } of schools) {
      const open = await findOpenParticipation(tx, schoolId)
      if (!open) continue
      return open.responseId ?? (await openResponseOf(tx, actor, open.participationId))
    }
    throw new AppError('no_open_response', 'Your school is not taking part in an open cycle yet.', 404)
  })
}
