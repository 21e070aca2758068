import type { Db } from '../../db/client'
import { assignedAreaIds } from '../../db/queries/area-assignments'
import { clearPrefilled, insertAnswerHistory } from '../../db/queries/carry-forward'
import { itemsOf } from '../../domain/instrument/instrument-model'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError } from '../errors'
import { storedInstrument } from '../instruments/instrument-content'
import { managerAt, responseFor } from '../team/team-response'

/**
 * Someone on the team confirms that pre-filled answers still hold this cycle: the mark goes, the version rises
 * and the history says who confirmed. A contributor may confirm only in the areas assigned to them. Returns the
 * item ids confirmed (ones already confirmed are skipped quietly).
 */
export async function confirmPrefilled(db: Db, actor: Actor, responseId: string, itemIds: readonly string[], ip: string | null = null, now = new Date()) {
  return db.transaction(async (tx) => {
    const response = await responseFor(tx, actor, responseId, 'school.workspace')
    if (response.status !== 'in_progress') throw new AppError('response_submitted', 'This response is submitted; reopen it before changing answers.', 409)
    const by = actor.kind === 'user' ? actor.userId : null
    if (managerAt(actor, response.schoolId).role === 'contributor' && by) {
      const mine = new Set(await assignedAreaIds(tx, responseId, by))
      const areaOf = new Map(itemsOf(await storedInstrument(tx, response.instrumentVersion)).map(({ item, area }) => [item.id, area.id]))
      if (itemIds.some((id) => !mine.has(areaOf.get(id) ?? ''))) throw new AppError('forbidden', 'You can confirm answers only in the areas assigned to you.', 403)
    }
    if (itemIds.length === 0) return []
    const confirmed = await clearPrefilled(tx, responseId, itemIds, by, now)
    await insertAnswerHistory(tx, confirmed.map((c) => ({ responseId, itemId: c.itemId, oldValue: c.value, newValue: c.value, version: c.version, source: 'confirm' as const, changedBy: by, changedAt: now })))
    if (confirmed.length > 0) await recordAudit(tx, actor, 'response.prefilled-confirmed', { schoolId: response.schoolId, subject: responseId, details: { itemIds: confirmed.map((c) => c.itemId) } }, { ip })
    return confirmed.map((c) => c.itemId)
  })
}
