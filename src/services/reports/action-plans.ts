import type { Db } from '../../db/client'
import { findRelease, reportSubject, upsertActionPlan } from '../../db/queries/scoring'
import { checkActionPlan } from '../../domain/scoring/action-plan-rules'
import { can } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { notFound, signInRequired } from '../errors'
import { storedInstrument } from '../instruments/instrument-content'

export type PlanOutcome = { ok: true } | { ok: false; errors: Record<string, string[]> }

/** A leader sets targets and actions per area on a released report; the next cycle's report shows them. */
export async function saveActionPlan(db: Db, actor: Actor, responseId: string, values: Record<string, string>, ip: string | null = null): Promise<PlanOutcome> {
  if (actor.kind !== 'user') signInRequired()
  return db.transaction(async (tx) => {
    const subject = await reportSubject(tx, responseId)
    const leader = subject !== undefined && actor.kind === 'user' && actor.programRole !== 'admin' && can(actor, 'school.results.view', { schoolId: subject.school.id })
    if (!subject || !leader || !(await findRelease(tx, responseId))) return notFound('report')
    const instrument = await storedInstrument(tx, subject.instrumentVersion)
    const checked = checkActionPlan(values, instrument.domains.flatMap((d) => d.areas.map((a) => a.id)))
    if (!checked.ok) return checked
    const userId = actor.kind === 'user' ? actor.userId : null
    for (const e of checked.entries) await upsertActionPlan(tx, { schoolId: subject.school.id, cycleId: subject.cycle.id, areaId: e.areaId, target: e.target, actions: e.actions, updatedBy: userId })
    await recordAudit(tx, actor, 'action-plan.saved', { schoolId: subject.school.id, subject: responseId, details: { areas: checked.entries.map((e) => e.areaId) } }, { ip })
    return { ok: true }
  })
}
