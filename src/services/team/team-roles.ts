import type { Db } from '../../db/client'
import { deleteAssignmentsAtSchool } from '../../db/queries/area-assignments'
import { countLeaders, deleteTeamMember, findTeamRole, setTeamRole } from '../../db/queries/team'
import type { Actor, SchoolRole } from '../../domain/policy/roles'
import { checkRemoval, checkRoleChange, type TeamChangeCheck } from '../../domain/team/team-rules'
import { recordAudit } from '../audit'
import { notFound } from '../errors'
import { managerAt, responseFor } from './team-response'

/** Gives a member another role; naming the primary respondent is making someone a coordinator. */
export async function changeTeamRole(db: Db, actor: Actor, responseId: string, userId: string, role: SchoolRole, ip: string | null): Promise<TeamChangeCheck> {
  return db.transaction(async (tx) => {
    const response = await responseFor(tx, actor, responseId, 'school.team.manage')
    const from = (await findTeamRole(tx, response.schoolId, userId)) ?? notFound('team member')
    if (from === role) return { ok: true }
    const check = checkRoleChange(managerAt(actor, response.schoolId), from, role, await countLeaders(tx, response.schoolId))
    if (!check.ok) return check
    await setTeamRole(tx, response.schoolId, userId, role)
    await recordAudit(tx, actor, 'team.role-changed', { schoolId: response.schoolId, subject: userId, details: { from, to: role, responseId } }, { ip })
    return check
  })
}

/** Takes someone off the school's team; the areas they were answering go back to being unassigned. */
export async function removeTeamMember(db: Db, actor: Actor, responseId: string, userId: string, ip: string | null): Promise<TeamChangeCheck> {
  return db.transaction(async (tx) => {
    const response = await responseFor(tx, actor, responseId, 'school.team.manage')
    const role = (await findTeamRole(tx, response.schoolId, userId)) ?? notFound('team member')
    const check = checkRemoval(managerAt(actor, response.schoolId), role, await countLeaders(tx, response.schoolId))
    if (!check.ok) return check
    await deleteAssignmentsAtSchool(tx, response.schoolId, userId)
    await deleteTeamMember(tx, response.schoolId, userId)
    await recordAudit(tx, actor, 'team.member-removed', { schoolId: response.schoolId, subject: userId, details: { role, responseId } }, { ip })
    return check
  })
}
