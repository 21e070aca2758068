import type { Db } from '../../db/client'
import { findCycle } from '../../db/queries/cycles'
import { findDirectorySchool } from '../../db/queries/directory'
import { findParticipation, insertParticipations, schoolsNotInCycle, setAddressee, setDeadlineOverride, setParticipationStatus } from '../../db/queries/participations'
import { cycleAcceptsSchools } from '../../domain/cycle/cycle-states'
import type { Actor } from '../../domain/policy/roles'
import type { ParticipationSource } from '../../db/schema/cycles'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import type { JobQueue } from '../jobs'
import { issueInvitation } from './invitation-issue'

type Ctx = { db: Db; jobs: JobQueue; baseUrl: string; actor: Actor; ip: string | null }

const openParticipation = async (tx: Db, actor: Actor, participationId: string) => {
  assertCan(actor, 'cycles.manage')
  const p = (await findParticipation(tx, participationId)) ?? notFound('school in this cycle')
  if (!cycleAcceptsSchools(p.cycleStatus)) throw new AppError('cycle.not_open', 'This cycle is not open.', 409)
  return p
}

/** Sends the invitation again (a new link; the old one stops working), optionally to a new addressee. */
export async function resendInvitation(ctx: Ctx, participationId: string, to?: { email: string; name: string | null }, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    const p = await openParticipation(tx, ctx.actor, participationId)
    if (p.status !== 'invited') throw new AppError('invitation.answered', 'This school has already answered its invitation.', 409)
    if (to) await setAddressee(tx, p.id, to.email.toLowerCase(), to.name)
    const target = to ? { ...p, inviteeEmail: to.email.toLowerCase(), inviteeName: to.name } : p
    if (!target.inviteeEmail) throw new AppError('invitation.no_addressee', 'Give an addressee first.', 422)
    await issueInvitation(tx, ctx.jobs, ctx.baseUrl, target, now)
    await recordAudit(tx, ctx.actor, to ? 'cycle.invitation-readdressed' : 'cycle.invitation-resent',
      { schoolId: p.schoolId, subject: p.id, details: to ? { to: target.inviteeEmail } : {} }, { ip: ctx.ip })
  })
}

/** Adds a school that was not drawn: invited late by the team, or joining at its own request. */
export async function addSchoolToCycle(ctx: Ctx, cycleId: string, schoolId: string, source: Extract<ParticipationSource, 'late-invite' | 'on-request'>, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    assertCan(ctx.actor, 'cycles.manage')
    const cycle = (await findCycle(tx, cycleId)) ?? notFound('cycle')
    if (!cycleAcceptsSchools(cycle.status)) throw new AppError('cycle.not_open', 'Schools can join only while the cycle is open.', 409)
    const school = (await findDirectorySchool(tx, schoolId)) ?? notFound('school')
    if (!cycle.disciplines.includes(school.discipline)) throw new AppError('cycle.not_eligible', `${school.name} is not of a discipline this cycle covers.`, 409)
    const [row] = await insertParticipations(tx, [{ cycleId, schoolId, source, inviteeEmail: school.deanEmail, inviteeName: school.deanName }])
    if (!row) throw new AppError('cycle.already_in', `${school.name} is already in this cycle.`, 409)
    const p = (await findParticipation(tx, row.id))!
    await issueInvitation(tx, ctx.jobs, ctx.baseUrl, p, now)
    await recordAudit(tx, ctx.actor, 'cycle.school-added', { schoolId, subject: row.id, details: { source } }, { ip: ctx.ip })
    return { participationId: row.id, invited: p.inviteeEmail !== null }
  })
}

/** A per-school deadline extension; null removes it. */
export async function extendDeadline(ctx: Ctx, participationId: string, until: Date | null) {
  return ctx.db.transaction(async (tx) => {
    const p = await openParticipation(tx, ctx.actor, participationId)
    if (until && until <= p.deadlineAt) return { ok: false, message: 'An extension must be later than the cycle’s deadline.' } as const
    await setDeadlineOverride(tx, p.id, until)
    await recordAudit(tx, ctx.actor, 'cycle.deadline-extended', { schoolId: p.schoolId, subject: p.id, details: { until } }, { ip: ctx.ip })
    return { ok: true } as const
  })
}

/**
 * Records that a school started or submitted its response. The school workspace calls this when it lands;
 * until then tests and the admin use it. Moving backwards (submitted → in progress) is refused.
 */
export async function markParticipationProgress(db: Db, actor: Actor, participationId: string, to: 'in_progress' | 'submitted', now = new Date()) {
  return db.transaction(async (tx) => {
    const p = (await findParticipation(tx, participationId)) ?? notFound('school in this cycle')
    assertCan(actor, 'school.workspace', { schoolId: p.schoolId })
    if (p.status !== 'accepted' && p.status !== 'in_progress') throw new AppError('participation.bad_status', `A school that is ${p.status} cannot become ${to}.`, 409)
    await setParticipationStatus(tx, p.id, to, { lastActivityAt: now, ...(to === 'submitted' ? { submittedAt: now } : {}) })
    await recordAudit(tx, actor, `cycle.participation-${to}`, { schoolId: p.schoolId, subject: p.id })
  })
}

export async function participationForAdmin(db: Db, actor: Actor, participationId: string) {
  assertCan(actor, 'cycles.manage')
  return (await findParticipation(db, participationId)) ?? notFound('school in this cycle')
}

export async function schoolsAddableToCycle(db: Db, actor: Actor, cycleId: string) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  return cycleAcceptsSchools(cycle.status) ? schoolsNotInCycle(db, cycleId, cycle.disciplines) : []
}
