import type { Db } from '../../db/client'
import { answerHistoryOf, assignmentsOf } from '../../db/queries/responses'
import { can } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { minutesLeft, overallProgress, progressByArea } from '../../domain/response/response-progress'
import { effectiveDeadline } from '../../domain/response/response-rules'
import { assertCan } from '../errors'
import { auditProgramView, loadResponseAccess } from './response-access'
import { areaRows } from './response-areas'

/** The response's home: the areas with their status and who answers them, deadline, time left, status. */
export async function responseOverview(db: Db, actor: Actor, responseId: string) {
  const access = await loadResponseAccess(db, actor, responseId)
  await auditProgramView(db, access, 'overview')
  const progress = progressByArea(access.narrowed, access.answers)
  const areas = areaRows(access, progress, await assignmentsOf(db, responseId))
  return {
    access,
    deadline: effectiveDeadline(access.deadlineAt, access.deadlineOverrideAt),
    overall: overallProgress(progress),
    minutesLeft: minutesLeft(access.narrowed, access.answers),
    canSeeHistory: can(access.actor, 'response.history', { schoolId: access.schoolId }),
    canManageTeam: can(access.actor, 'school.team.manage', { schoolId: access.schoolId }),
    canCarryForward: access.status !== 'submitted' && can(access.actor, 'school.response.carry-forward', { schoolId: access.schoolId }),
    areas,
    domains: access.narrowed.domains.map((d) => ({ id: d.id, title: d.title, areas: areas.filter((a) => d.areas.some((x) => x.id === a.id)) })),
  }
}

/** Every change to every answer, newest first: for the leader, the coordinator and the program team. */
export async function responseHistory(db: Db, actor: Actor, responseId: string) {
  const access = await loadResponseAccess(db, actor, responseId)
  assertCan(access.actor, 'response.history', { schoolId: access.schoolId })
  await auditProgramView(db, access, 'history')
  return { access, rows: await answerHistoryOf(db, responseId) }
}
