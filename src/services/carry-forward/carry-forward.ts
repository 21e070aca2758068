import type { Db } from '../../db/client'
import { answerValues, earlierSubmittedResponses, insertAnswerHistory, insertPrefilledAnswers, setCarriedForwardFrom } from '../../db/queries/carry-forward'
import { instrumentsCompatible, planCarryForward, type CarryForwardPlan } from '../../domain/carry-forward/carry-forward'
import type { Instrument } from '../../domain/instrument/instrument-model'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError } from '../errors'
import { storedInstrument } from '../instruments/instrument-content'
import { responseFor, type ResponseHeader } from '../team/team-response'

export type CarryForwardSource = { responseId: string; cycleTitle: string; instrumentVersion: string }
export type CarryForwardOffer = { response: ResponseHeader; source: CarryForwardSource | null; plan: CarryForwardPlan | null }

/** The newest submitted response of the school whose questionnaire can pre-fill this one, and what it would give. */
async function offer(db: Db, response: ResponseHeader): Promise<CarryForwardOffer> {
  const target = await storedInstrument(db, response.instrumentVersion)
  const cache = new Map<string, Instrument>([[target.id, target]])
  for (const earlier of await earlierSubmittedResponses(db, response.schoolId, response.id)) {
    const from = cache.get(earlier.instrumentVersion) ?? (await storedInstrument(db, earlier.instrumentVersion))
    cache.set(from.id, from)
    if (!instrumentsCompatible(from, target)) continue
    const [old, now] = await Promise.all([answerValues(db, earlier.id), answerValues(db, response.id)])
    const plan = planCarryForward(from, target, old, new Set(now.map((a) => a.itemId)))
    return { response, source: { responseId: earlier.id, cycleTitle: earlier.cycleTitle, instrumentVersion: from.id }, plan }
  }
  return { response, source: null, plan: null }
}

/** What pre-filling would do, shown before anyone agrees to it. Leaders and coordinators only. */
export async function previewCarryForward(db: Db, actor: Actor, responseId: string): Promise<CarryForwardOffer> {
  const response = await responseFor(db, actor, responseId, 'school.response.carry-forward')
  return offer(db, response)
}

/**
 * Pre-fills the answers the preview showed, each marked until someone confirms it. Never replaces an answer
 * given this cycle, even one given between the preview and the button press.
 */
export async function applyCarryForward(db: Db, actor: Actor, responseId: string, ip: string | null, now = new Date()) {
  return db.transaction(async (tx) => {
    const response = await responseFor(tx, actor, responseId, 'school.response.carry-forward')
    if (response.status !== 'in_progress') throw new AppError('response_submitted', 'This response is submitted; reopen it before pre-filling.', 409)
    const { source, plan } = await offer(tx, response)
    if (!source || !plan) throw new AppError('nothing_to_carry', 'There is no earlier submitted response to pre-fill from.', 409)
    const by = actor.kind === 'user' ? actor.userId : null
    const written = await insertPrefilledAnswers(tx, responseId, plan.carried, by, now)
    await insertAnswerHistory(tx, written.map((w) => ({ responseId, itemId: w.itemId, oldValue: null, newValue: w.value, version: w.version, source: 'carry-forward' as const, changedBy: by, changedAt: now })))
    await setCarriedForwardFrom(tx, responseId, source.responseId, now)
    const skipped = { ...plan.skipped, alreadyAnswered: plan.skipped.alreadyAnswered + plan.carried.length - written.length }
    await recordAudit(tx, actor, 'response.carried-forward', { schoolId: response.schoolId, subject: responseId, details: { from: source.responseId, written: written.length, skipped } }, { ip })
    return { written: written.length, skipped }
  })
}
