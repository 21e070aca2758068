import type { Db } from '../../db/client'
import { answerHistoryOf, assignmentsOf } from '../../db/queries/responses'
import { can } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { overallProgress, progressByArea } from '../../domain/response/response-progress'
import { effectiveDeadline } from '../../domain/response/response-rules'
import { assertCan } from '../errors'
import { auditProgramView, loadResponseAccess, mayEditArea } from './response-access'

/** The response's home: areas with progress and who answers them, deadline, status. */
export async function responseOverview(db: Db, actor: Actor, responseId: string) {
  const access = await loadResponseAccess(db, actor, responseId)
  await auditProgramView(db, access, 'overview')
  const progress = progressByArea(access.narrowed, access.answers)
  const assignments = await assignmentsOf(db, responseId)
  const byArea = new Map(progress.map((p) => [p.areaId, p]))
  return {
    access,
    deadline: effectiveDeadline(access.deadlineAt, access.deadlineOverrideAt),
    overall: overallProgress(progress),
    canSeeHistory: can(access.actor, 'response.history', { schoolId: access.schoolId }),
    canManageTeam: can(access.actor, 'school.team.manage', { schoolId: access.schoolId }),
    canCarryForward: access.status !== 'submitted' && can(access.actor, 'school.response.carry-forward', { schoolId: access.schoolId }),
    domains: access.narrowed.domains.map((d) => ({
      id: d.id,
      title: d.title,
      areas: d.areas.map((a) => ({
        id: a.id,
        title: a.title,
        progress: byArea.get(a.id)!,
        mine: mayEditArea(access, a.id),
        people: assignments.filter((x) => x.areaId === a.id).map((x) => x.name ?? x.email),
      })),
    })),
  }
}

/** Every change to every answer, newest first: for the leader, the coordinator and the program team. */
export async function responseHistory(db: Db, actor: Actor, responseId: string) {
  const access = await loadResponseAccess(db, actor, responseId)
  assertCan(access.actor, 'response.history', { schoolId: access.schoolId })
  await auditProgramView(db, access, 'history')
  return { access, rows: await answerHistoryOf(db, responseId) }
}
