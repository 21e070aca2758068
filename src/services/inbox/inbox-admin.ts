import type { Db } from '../../db/client'
import { clearFeaturedAt, findNomination, setFeaturedText, type FeaturedText } from '../../db/queries/champions'
import { countInboxByStatus, findInboxItem, listInboxItems, setInboxStatus } from '../../db/queries/inbox'
import { isDirectStatusChange, mayFeature, type InboxKind, type InboxStatus } from '../../domain/inbox/inbox-rules'
import { pageSlice } from '../../domain/paging/page-slice'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit, type AuditContext } from '../audit'
import { AppError, assertCan, notFound } from '../errors'

/** The counts per status (one aggregate) and one page of the items matching the filter (decision 163). */
export async function inboxOverview(db: Db, actor: Actor, filter: { kind?: InboxKind | undefined; status?: InboxStatus | undefined }, page: number) {
  assertCan(actor, 'inbox.manage')
  const counts = await countInboxByStatus(db, filter.kind)
  const matching = filter.status ? (counts[filter.status] ?? 0) : Object.values(counts).reduce((n, c) => n + c, 0)
  const slice = pageSlice(page, matching)
  return { items: await listInboxItems(db, filter, slice), counts, slice }
}

export type InboxOverview = Awaited<ReturnType<typeof inboxOverview>>

export async function openInboxItem(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'inbox.manage')
  const item = (await findInboxItem(db, id)) ?? notFound('message')
  const nomination = item.kind === 'champion-nomination' ? ((await findNomination(db, id)) ?? null) : null
  return { ...item, nomination }
}

export type OpenedInboxItem = Awaited<ReturnType<typeof openInboxItem>>

/** Moves an item along (reviewing, answered, declined…). Leaving 'featured' takes the Champion off the public page. */
export function changeInboxStatus(db: Db, actor: Actor, id: string, status: string, context: AuditContext, now = new Date()) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'inbox.manage')
    const item = (await findInboxItem(tx, id)) ?? notFound('message')
    if (!isDirectStatusChange(item.kind, status)) throw new AppError('inbox.bad_status', 'That status does not apply to this item.', 422)
    if (item.status === status) return
    await setInboxStatus(tx, id, status, now)
    if (item.status === 'featured') await clearFeaturedAt(tx, id)
    await recordAudit(tx, actor, 'inbox.status-changed', { subject: id, details: { kind: item.kind, from: item.status, to: status } }, context)
  })
}

export type FeatureOutcome = { ok: true } | { ok: false; message: string }

/** Publishes a nominee on /champions with the text the admin wrote; refused without the nominee's consent. */
export function featureChampion(db: Db, actor: Actor, id: string, text: FeaturedText, context: AuditContext, now = new Date()) {
  return db.transaction(async (tx): Promise<FeatureOutcome> => {
    assertCan(actor, 'inbox.manage')
    const item = (await findInboxItem(tx, id)) ?? notFound('nomination')
    const nomination = (item.kind === 'champion-nomination' ? await findNomination(tx, id) : undefined) ?? notFound('nomination')
    if (!mayFeature(nomination)) {
      return { ok: false, message: 'The nominator did not confirm that the nominee agreed to be featured, so this nomination cannot be published.' }
    }
    await setFeaturedText(tx, id, text, nomination.featuredAt ?? now)
    await setInboxStatus(tx, id, 'featured', now)
    await recordAudit(tx, actor, 'champion.featured', { subject: id, details: { name: text.featuredName, wasFeatured: item.status === 'featured' } }, context)
    return { ok: true }
  })
}
