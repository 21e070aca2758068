import type { Db } from '../../db/client'
import { findParticipation, setParticipationStatus } from '../../db/queries/participations'
import { findParticipationForResponse, findResponseOfParticipation, insertResponse, workspaceParticipations } from '../../db/queries/responses'
import { listTeamMembers } from '../../db/queries/team'
import { listOpenInvitations } from '../../db/queries/team-invitations'
import { mayRespond } from '../../domain/cycle/invitation-rules'
import { can } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { answeringOpen } from '../../domain/cycle/cycle-calendar'
import { areaStatus, overallProgress, progressByArea, submissionBlockers } from '../../domain/response/response-progress'
import { daysLeft, effectiveDeadline } from '../../domain/response/response-rules'
import { nextStep, workspaceTasks, type WorkspaceFacts } from '../../domain/response/workspace-tasks'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound, signInRequired } from '../errors'
import { loadResponseAccess, mayEditArea } from './response-access'
import { badgeCardOf } from '../badges/badge-orders'

type Row = Awaited<ReturnType<typeof workspaceParticipations>>[number]

/**
 * "My school": each school the person belongs to, its team, and every cycle from the invitation on as a task list
 * with the one next step that is theirs. Open responses are read in full (progress, blockers, my areas); a person
 * belongs to a school or two, so that is a handful of one-statement reads.
 */
export async function myWorkspace(db: Db, actor: Actor, now = new Date()) {
  if (actor.kind !== 'user') return signInRequired()
  const rows = await workspaceParticipations(db, actor.userId)
  const schoolIds = [...new Set(rows.map((r) => r.schoolId))]
  const teams = new Map(await Promise.all(schoolIds.map(async (id) => [id, await listTeamMembers(db, id)] as const)))
  const invitedBy = new Map(await Promise.all(schoolIds.map(async (id) => [id, (await listOpenInvitations(db, id, now)).length] as const)))
  const cycles = await Promise.all(rows.map((row) => cycleCard(db, actor, row, { size: teams.get(row.schoolId)!.length, invited: invitedBy.get(row.schoolId)! }, now)))
  return schoolIds.map((id) => {
    const mine = cycles.filter((c) => c.schoolId === id)
    return { schoolId: id, schoolName: mine[0]!.schoolName, role: mine[0]!.role, team: teams.get(id)!, cycles: mine }
  })
}

async function cycleCard(db: Db, actor: Actor, row: Row, team: { size: number; invited: number }, now: Date) {
  const deadline = effectiveDeadline(row.deadlineAt, row.deadlineOverrideAt)
  // A school inside an extension keeps answering after the cycle closed (decision 080): its tasks read as open.
  const answering = row.cycleStatus === 'open' || answeringOpen(row, now)
  const facts: WorkspaceFacts = {
    role: row.role, participationStatus: row.participationStatus, cycleStatus: answering ? 'open' : row.cycleStatus, hasResponse: row.responseId !== null,
    teamSize: team.size, invitedNotJoined: team.invited, answered: 0, total: 0, blockers: 0, myAreas: [], reportReleased: row.reportReleased,
  }
  if (row.responseId && answering && row.participationStatus !== 'submitted') {
    const access = await loadResponseAccess(db, actor, row.responseId)
    const progress = progressByArea(access.narrowed, access.answers)
    const byArea = new Map(progress.map((p) => [p.areaId, p]))
    Object.assign(facts, overallProgress(progress))
    facts.blockers = submissionBlockers(access.narrowed, access.answers).length
    facts.myAreas = access.narrowed.domains
      .flatMap((d) => d.areas)
      .filter((a) => (access.role === 'contributor' ? access.assignedAreaIds.includes(a.id) : mayEditArea(access, a.id)))
      .map((a) => ({ id: a.id, title: a.title, status: areaStatus(byArea.get(a.id)!) }))
  }
  return {
    ...row,
    deadline,
    daysLeft: daysLeft(deadline, now),
    pastDeadline: now > deadline,
    answered: facts.answered,
    total: facts.total,
    tasks: workspaceTasks(facts),
    next: nextStep(facts),
    canSeeReport: row.reportReleased && can(actor, 'school.results.view', { schoolId: row.schoolId }),
    badge: row.responseId && row.responseStatus === 'submitted' && row.role === 'leader' ? await badgeCardOf(db, actor, row.responseId) : null,
  }
}

export type WorkspaceSchool = Awaited<ReturnType<typeof myWorkspace>>[number]
export type WorkspaceCycle = WorkspaceSchool['cycles'][number]

/**
 * A leader who is already signed in accepts a new cycle's invitation from My school, without the e-mailed link:
 * the same change the link makes (the participation is accepted, audited), and the link then reads as used.
 */
export async function acceptInvitationAsLeader(db: Db, actor: Actor, participationId: string, ip: string | null, now = new Date()) {
  // Signed out: sign in first, before we look (the same answer whether or not the participation exists).
  if (actor.kind === 'anonymous') signInRequired()
  return db.transaction(async (tx) => {
    const participation = (await findParticipation(tx, participationId)) ?? notFound('participation')
    if (!can(actor, 'school.workspace', { schoolId: participation.schoolId })) return notFound('participation')
    assertCan(actor, 'school.invitation.accept', { schoolId: participation.schoolId })
    if (participation.cycleStatus !== 'open') throw new AppError('invitation.cycle_closed', 'This cycle is no longer open, so its invitation cannot be accepted.', 409)
    if (!mayRespond(participation.status)) throw new AppError('invitation.answered', 'This invitation has already been answered.', 409)
    await setParticipationStatus(tx, participation.id, 'accepted', { respondedAt: now, lastActivityAt: now })
    await recordAudit(tx, actor, 'cycle.invitation-accepted', { schoolId: participation.schoolId, subject: participation.id, details: { from: 'my-school' } }, { ip })
    return { schoolName: participation.schoolName, cycleTitle: participation.cycleTitle }
  })
}

/**
 * The response of an accepted participation, created on first open with the cycle's instrument version. Creating
 * twice is harmless (one response per participation, by a unique key).
 */
export async function openResponseOf(db: Db, actor: Actor, participationId: string, now = new Date()): Promise<string> {
  if (actor.kind === 'anonymous') signInRequired()
  return db.transaction(async (tx) => {
    const p = (await findParticipationForResponse(tx, participationId)) ?? notFound('response')
    if (!can(actor, 'response.view', { schoolId: p.schoolId })) return notFound('response')
    const existing = await findResponseOfParticipation(tx, p.id)
    if (existing) return existing.id
    if (p.status !== 'accepted' && p.status !== 'in_progress') throw new AppError('response.not_accepted', 'Your school has not accepted this cycle’s invitation yet.', 409)
    // Open cycles as before (the deadline locks answers, not the response); a closed one only inside an extension.
    if (p.cycleStatus !== 'open' && !answeringOpen(p, now)) throw new AppError('response.cycle_closed', 'This cycle is not open for answers.', 409)
    await insertResponse(tx, { participationId: p.id, cycleId: p.cycleId, schoolId: p.schoolId, instrumentVersion: p.instrumentVersion })
    return (await findResponseOfParticipation(tx, p.id))!.id
  })
}
