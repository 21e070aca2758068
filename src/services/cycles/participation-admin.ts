import type { Db } from '../../db/client'
import { findCycle } from '../../db/queries/cycles'
import { schoolsToAdd, searchSchoolsForCycle, statesOfDisciplines, type CycleSchoolSearch } from '../../db/queries/cycle-school-search'
import { findParticipation, insertParticipations, setAddressee, setDeadlineOverride, setParticipationStatus } from '../../db/queries/participations'
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

export type AddSchoolsOutcome = { added: { participationId: string; name: string; invited: boolean }[]; alreadyIn: string[] }

/**
 * Adds schools that were not drawn, several at once: invited late by the team, or joining at their own request.
 * Each gets its invitation the same way as at opening (services/cycles/invitation-issue) and an audit row. A school
 * already in the cycle is left as it is and named; one outside the cycle's disciplines or inactive is refused.
 */
export async function addSchoolsToCycle(
  ctx: Ctx, cycleId: string, schoolIds: readonly string[], source: Extract<ParticipationSource, 'late-invite' | 'on-request'>, now = new Date(),
): Promise<AddSchoolsOutcome> {
  return ctx.db.transaction(async (tx) => {
    assertCan(ctx.actor, 'cycles.manage')
    const cycle = (await findCycle(tx, cycleId)) ?? notFound('cycle')
    if (!cycleAcceptsSchools(cycle.status)) throw new AppError('cycle.not_open', 'Schools can join only while the cycle is open.', 409)
    const wanted = await schoolsToAdd(tx, [...new Set(schoolIds)], cycle.disciplines)
    if (wanted.length !== new Set(schoolIds).size) {
      throw new AppError('cycle.not_eligible', 'Only active schools of a discipline this cycle covers can be added.', 409)
    }
    const rows = await insertParticipations(tx, wanted.map((s) => ({ cycleId, schoolId: s.id, source, inviteeEmail: s.deanEmail, inviteeName: s.deanName })))
    const added: AddSchoolsOutcome['added'] = []
    const addedIds = new Set<string>()
    for (const row of rows) {
      const p = (await findParticipation(tx, row.id))!
      await issueInvitation(tx, ctx.jobs, ctx.baseUrl, p, now)
      await recordAudit(tx, ctx.actor, 'cycle.school-added', { schoolId: p.schoolId, subject: p.id, details: { source } }, { ip: ctx.ip })
      added.push({ participationId: p.id, name: p.schoolName, invited: p.inviteeEmail !== null })
      addedIds.add(p.schoolId)
    }
    return { added, alreadyIn: wanted.filter((s) => !addedIds.has(s.id)).map((s) => s.name) }
  })
}

/** Enough to tick several schools on one page; a narrower search finds the rest. */
const SEARCH_LIMIT = 100

/** The add-schools search: the cycle, matching schools (each marked if already in it) and the states to choose from. */
export async function findSchoolsForCycle(db: Db, actor: Actor, cycleId: string, search: CycleSchoolSearch) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  if (!cycleAcceptsSchools(cycle.status)) throw new AppError('cycle.not_open', 'Schools can join only while the cycle is open.', 409)
  const searched = Boolean(search.q?.trim() || search.state || search.discipline)
  const [results, states] = await Promise.all([
    searched ? searchSchoolsForCycle(db, cycleId, cycle.disciplines, search, SEARCH_LIMIT + 1) : Promise.resolve([]),
    statesOfDisciplines(db, cycle.disciplines),
  ])
  return { cycle, searched, results: results.slice(0, SEARCH_LIMIT), more: results.length > SEARCH_LIMIT, states }
}

export type SchoolsForCycle = Awaited<ReturnType<typeof findSchoolsForCycle>>

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
 * Records that a school has started answering, when it reports so by other means. There is no "mark as submitted":
 * completed means a certified response (decision 123), so a paper return is typed in and submitted as a paper entry
 * naming the dean who signed it. Moving backwards is refused.
 */
export async function markParticipationInProgress(db: Db, actor: Actor, participationId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const p = (await findParticipation(tx, participationId)) ?? notFound('school in this cycle')
    assertCan(actor, 'school.workspace', { schoolId: p.schoolId })
    if (p.status !== 'accepted') throw new AppError('participation.bad_status', `A school that is ${p.status} cannot become in progress.`, 409)
    await setParticipationStatus(tx, p.id, 'in_progress', { lastActivityAt: now })
    await recordAudit(tx, actor, 'cycle.participation-in_progress', { schoolId: p.schoolId, subject: p.id })
  })
}

export async function participationForAdmin(db: Db, actor: Actor, participationId: string) {
  assertCan(actor, 'cycles.manage')
  return (await findParticipation(db, participationId)) ?? notFound('school in this cycle')
}
