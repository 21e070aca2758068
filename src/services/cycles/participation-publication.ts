import type { Db } from '../../db/client'
import { findCycle } from '../../db/queries/cycles'
import { cyclePublicFacts, setParticipationPublished } from '../../db/queries/participation-stats'
import { publicationRefusal } from '../../domain/cycle/participation-publication'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import { participationFigures } from '../public/participation'

/**
 * The admin's look at a cycle's public participation figures before (or after) publishing them: exactly what the
 * public page would show for it, small counts already suppressed.
 */
export async function publicationPreview(db: Db, actor: Actor, cycleId: string) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  const refusal = publicationRefusal(cycle)
  const facts = (await cyclePublicFacts(db, cycleId))!
  const [figures] = refusal ? [null] : await participationFigures(db, [facts])
  return { cycle, refusal, figures: figures ?? null }
}

export type PublicationPreview = Awaited<ReturnType<typeof publicationPreview>>

/** Publishes a cycle's participation on the public page, or withdraws it; audited either way. */
export async function setPublication(db: Db, actor: Actor, cycleId: string, publish: boolean, ip: string | null = null, now = new Date()) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'cycles.manage')
    const cycle = (await findCycle(tx, cycleId)) ?? notFound('cycle')
    const refusal = publish ? publicationRefusal(cycle) : null
    if (refusal) throw new AppError('cycle.not_publishable', refusal, 409)
    // Publishing twice keeps the first date, so "published on" stays the day the public first saw it.
    if (publish === (cycle.participationPublishedAt !== null)) return
    await setParticipationPublished(tx, cycleId, publish ? now : null)
    await recordAudit(tx, actor, publish ? 'cycle.participation-published' : 'cycle.participation-unpublished', { subject: cycleId }, { ip })
  })
}
