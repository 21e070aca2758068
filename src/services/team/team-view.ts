import type { Db } from '../../db/client'
import { listAreaAssignments } from '../../db/queries/area-assignments'
import { listTeamMembers } from '../../db/queries/team'
import { listOpenInvitations } from '../../db/queries/team-invitations'
import { can } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { grantableRoles } from '../../domain/team/team-rules'
import { recordAudit } from '../audit'
import { storedInstrument } from '../instruments/instrument-content'
import { responseFor } from './team-response'
import { managerAt } from './team-response'

/**
 * The team page. Everyone on the team may read it (who answers what is context a contributor needs); only
 * leaders and coordinators get the controls. It shows no scores.
 */
export async function openTeam(db: Db, actor: Actor, responseId: string, now = new Date()) {
  const response = await responseFor(db, actor, responseId, 'school.workspace')
  const [instrument, members, assignments] = await Promise.all([
    storedInstrument(db, response.instrumentVersion),
    listTeamMembers(db, response.schoolId),
    listAreaAssignments(db, responseId),
  ])
  const manager = managerAt(actor, response.schoolId)
  const canManage = can(actor, 'school.team.manage', { schoolId: response.schoolId })
  // Who is on a school's team is the school's business: the program team looking leaves a trace.
  if (manager.role === null) await recordAudit(db, actor, 'team.viewed', { schoolId: response.schoolId, subject: response.id })
  return {
    response,
    members,
    assigned: new Set(assignments.map((a) => `${a.areaId}|${a.userId}`)),
    domains: instrument.domains.map((d) => ({ id: d.id, title: d.title, areas: d.areas.map((a) => ({ id: a.id, title: a.title })) })),
    canManage,
    // Invitations not yet accepted, as the school typed them; only those who may invite see them.
    invitations: canManage ? await listOpenInvitations(db, response.schoolId, now) : [],
    grantable: grantableRoles(manager),
    actorUserId: actor.kind === 'user' ? actor.userId : null,
  }
}

export type TeamView = Awaited<ReturnType<typeof openTeam>>
