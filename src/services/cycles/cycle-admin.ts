import type { Db } from '../../db/client'
import { findCycle, insertCycle, listCycles, moveCycleStatus, updateCycleSettings } from '../../db/queries/cycles'
import { schoolsForEligibility } from '../../db/queries/directory'
import { startProgress } from '../../db/queries/job-progress'
import { countInvitable, insertParticipations } from '../../db/queries/participations'
import { checkCycleSettings, sampleSizeField, type CycleSettings, type CycleSettingsInput, type SettingsErrors } from '../../domain/cycle/cycle-settings'
import { canMoveCycle, cycleSettingsEditable, type CycleStatus } from '../../domain/cycle/cycle-states'
import { chooseInvited, eligibleSchools, invitationPlan, isSampled, newSampleSeed, samplesTooLarge } from '../../domain/cycle/sampling'
import { DISCIPLINE_LABELS, DISCIPLINES, type Discipline } from '../../domain/school/school-facts'
import type { Actor } from '../../domain/policy/roles'
import { invitationMailGroup } from '../admin/cycle-confirmations'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import { JOB_NAMES, type JobQueue } from '../jobs'
import { SEND_INVITATIONS_KIND } from './send-invitations'
import { instrumentVersionIds } from '../../db/queries/instruments'

export type SettingsOutcome = { ok: true; cycleId: string } | { ok: false; errors: SettingsErrors }

/** A sample larger than a discipline's pool is a mistake the admin can fix, named on that discipline's field. */
async function sampleProblem(db: Db, settings: CycleSettings): Promise<SettingsErrors | null> {
  if (!isSampled(settings.sampleSizes)) return null
  const eligible = eligibleSchools(await schoolsForEligibility(db), settings.disciplines)
  const short = samplesTooLarge(eligible, settings.disciplines, settings.sampleSizes)
  if (short.length === 0) return null
  return Object.fromEntries(short.map((s) => [
    sampleSizeField(s.discipline),
    [`The sample of ${s.asked} is larger than the ${s.available} eligible ${DISCIPLINE_LABELS[s.discipline]} schools: enter ${s.available} or fewer, or leave it empty to invite them all.`],
  ]))
}

const toRow = (s: CycleSettings) => ({
  title: s.title,
  instrumentVersion: s.instrumentVersion,
  disciplines: s.disciplines,
  sampleSizes: s.sampleSizes,
  sampleSeed: s.sampleSeed,
  pilot: s.pilot,
  opensAt: s.opensAt,
  deadlineAt: s.deadlineAt,
  reminderDays: s.reminderDays,
  closeAtDeadline: s.closeAtDeadline,
})

export async function createCycle(db: Db, actor: Actor, input: CycleSettingsInput, ip: string | null = null): Promise<SettingsOutcome> {
  return db.transaction(async (tx) => {
    assertCan(actor, 'cycles.manage')
    const checked = checkCycleSettings(input, newSampleSeed(Math.random), await instrumentVersionIds(tx))
    if (!checked.ok) return checked
    const problem = await sampleProblem(tx, checked.settings)
    if (problem) return { ok: false, errors: problem }
    const { id } = await insertCycle(tx, { ...toRow(checked.settings), status: 'draft' })
    await recordAudit(tx, actor, 'cycle.created', { subject: id, details: toRow(checked.settings) }, { ip })
    return { ok: true, cycleId: id }
  })
}

export async function updateCycle(db: Db, actor: Actor, cycleId: string, input: CycleSettingsInput, ip: string | null = null): Promise<SettingsOutcome> {
  return db.transaction(async (tx) => {
    assertCan(actor, 'cycles.manage')
    const cycle = (await findCycle(tx, cycleId)) ?? notFound('cycle')
    if (!cycleSettingsEditable(cycle.status)) throw new AppError('cycle.not_draft', 'Only a draft cycle’s settings can change.', 409)
    const checked = checkCycleSettings(input, cycle.sampleSeed ?? newSampleSeed(Math.random), await instrumentVersionIds(tx))
    if (!checked.ok) return checked
    const problem = await sampleProblem(tx, checked.settings)
    if (problem) return { ok: false, errors: problem }
    await updateCycleSettings(tx, cycleId, toRow(checked.settings))
    await recordAudit(tx, actor, 'cycle.updated', { subject: cycleId, details: toRow(checked.settings) }, { ip })
    return { ok: true, cycleId }
  })
}

/** The instrument versions the cycle form offers: every imported one, newest first. */
export async function cycleInstrumentChoices(db: Db, actor: Actor) {
  assertCan(actor, 'cycles.manage')
  return instrumentVersionIds(db)
}

/** Active schools per discipline today, so the form can say how large each pool is before a size is typed. */
export async function eligibleCounts(db: Db, actor: Actor) {
  assertCan(actor, 'cycles.manage')
  const plan = invitationPlan(eligibleSchools(await schoolsForEligibility(db), DISCIPLINES), DISCIPLINES, {})
  return Object.fromEntries(plan.map((p) => [p.discipline, p.eligible])) as Record<Discipline, number>
}

/**
 * What opening a draft would do, before anything is sent: per discipline the eligible schools and how many will
 * be invited (drawn now from today's directory with the recorded seed, the same draw opening makes).
 */
export async function openingPreview(db: Db, actor: Actor, baseUrl: string, cycleId: string) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  const eligible = eligibleSchools(await schoolsForEligibility(db), cycle.disciplines)
  const plan = invitationPlan(eligible, cycle.disciplines, cycle.sampleSizes)
  const chosen = chooseInvited(eligible, cycle.disciplines, cycle.sampleSizes, cycle.sampleSeed ?? 0)
  return {
    cycle,
    plan,
    toInvite: chosen.length,
    withoutAddress: chosen.filter((s) => !s.deanEmail).length,
    tooLarge: samplesTooLarge(eligible, cycle.disciplines, cycle.sampleSizes),
    invitations: await invitationMailGroup(db, baseUrl, cycle, chosen),
  }
}

export type OpeningPreview = Awaited<ReturnType<typeof openingPreview>>

export async function cycleList(db: Db, actor: Actor) {
  assertCan(actor, 'cycles.manage')
  return listCycles(db)
}

export async function cycleForAdmin(db: Db, actor: Actor, cycleId: string) {
  assertCan(actor, 'cycles.manage')
  return (await findCycle(db, cycleId)) ?? notFound('cycle')
}

/**
 * Moves a cycle one step on. Opening draws the invited schools (the same ones for the recorded seed), writes
 * their participations and enqueues ONE job that creates the invitations in batches; the request returns at once.
 */
export async function advanceCycle(db: Db, jobs: JobQueue, actor: Actor, cycleId: string, to: CycleStatus, ip: string | null = null, now = new Date()) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'cycles.manage')
    const cycle = (await findCycle(tx, cycleId)) ?? notFound('cycle')
    if (to === 'scored' || to === 'released') {
      // Scoring freezes norms in a background job and releasing mails leaders: services/reports does both.
      throw new AppError('cycle.use_reports', 'Score and release a cycle from its reports page.', 409)
    }
    if (!canMoveCycle(cycle.status, to)) {
      throw new AppError('cycle.bad_transition', `A ${cycle.status} cycle cannot become ${to}.`, 409)
    }
    let invited = 0
    if (to === 'open') {
      const eligible = eligibleSchools(await schoolsForEligibility(tx), cycle.disciplines)
      if (samplesTooLarge(eligible, cycle.disciplines, cycle.sampleSizes).length > 0) {
        throw new AppError('cycle.sample_too_large', 'A sample is now larger than its eligible pool; edit the cycle first.', 409)
      }
      const chosen = chooseInvited(eligible, cycle.disciplines, cycle.sampleSizes, cycle.sampleSeed ?? 0)
      await insertParticipations(tx, chosen.map((s) => ({
        cycleId,
        schoolId: s.id,
        source: cycle.sampleSizes[s.discipline] === undefined ? ('all-eligible' as const) : ('sampled' as const),
        inviteeEmail: s.deanEmail,
        inviteeName: s.deanName,
      })))
      invited = chosen.length
    }
    if (!(await moveCycleStatus(tx, cycleId, cycle.status, to, to === 'open' ? { openedAt: now } : to === 'closed' ? { closedAt: now } : {}))) {
      throw new AppError('cycle.changed', 'Someone else changed this cycle just now; please look again.', 409)
    }
    if (to === 'open') {
      const progressId = await startProgress(tx, SEND_INVITATIONS_KIND, cycleId, await countInvitable(tx, cycleId))
      await jobs.send(tx, JOB_NAMES.sendInvitations, { cycleId, progressId })
    }
    await recordAudit(tx, actor, `cycle.${to}`, { subject: cycleId, details: to === 'open' ? { invited, seed: cycle.sampleSeed } : {} }, { ip })
    return { invited }
  })
}
