import { Hono } from 'hono'
import { zValidator } from '@hono/zod-validator'
import { z } from 'zod'
import { requestedPage } from '../../../domain/paging/page-slice'
import { INBOX_KINDS, INBOX_LIMITS, INBOX_STATUS_LABELS, type InboxStatus } from '../../../domain/inbox/inbox-rules'
import { changeInboxStatus, featureChampion, inboxOverview, openInboxItem } from '../../../services/inbox/inbox-admin'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { formOf, type FormState } from '../../form'
import { InboxItemPage, InboxListPage, featureFormFrom } from '../../views/admin/inbox-pages'

const STATUSES = Object.keys(INBOX_STATUS_LABELS) as [InboxStatus, ...InboxStatus[]]
const Filter = z.object({ kind: z.enum(INBOX_KINDS).optional().catch(undefined), status: z.enum(STATUSES).optional().catch(undefined) })
const Id = zValidator('param', z.object({ id: z.uuid() }), (r, c) => (r.success ? undefined : c.notFound()))
const StatusForm = z.object({ status: z.string().max(40) })
const field = (label: string, max: number) => z.string().trim().min(1, `Enter the ${label}.`).max(max, `Use at most ${max} characters.`)
const FeatureForm = z.object({
  featuredName: field('name', INBOX_LIMITS.name),
  featuredRole: field('role', INBOX_LIMITS.role),
  featuredInstitution: field('institution', INBOX_LIMITS.institution),
  featuredBlurb: field('short profile', INBOX_LIMITS.blurb),
})

const itemPage = async (c: Ctx, id: string, form?: FormState) => {
  const item = await openInboxItem(c.var.db, c.var.actor, id)
  return c.render(<InboxItemPage item={item} featureForm={form ?? featureFormFrom(item)} />, { title: item.subject })
}

export const adminInboxRoutes = new Hono<AppEnv>()
  .get('/', zValidator('query', Filter), async (c) => {
    const { kind, status } = c.req.valid('query')
    const filter = { kind, status }
    const overview = await inboxOverview(c.var.db, c.var.actor, filter, requestedPage(c.req.query('page')))
    return c.render(<InboxListPage title="Inbox" base="/admin/inbox" overview={overview} kindFilter {...filter} />, { title: 'Inbox' })
  })
  .get('/:id', Id, (c) => itemPage(c, c.req.valid('param').id))
  .post('/:id/status', Id, formOf(StatusForm, (c) => c.notFound()), async (c) => {
    const { id } = c.req.valid('param')
    const { status } = c.req.valid('form')
    await changeInboxStatus(c.var.db, c.var.actor, id, status, { ip: c.var.clientIp })
    return seeOther(c, `/admin/inbox/${id}`, 'Status changed.')
  })
  .post(
    '/:id/feature',
    Id,
    formOf(FeatureForm, (c, form) => itemPage(c, c.req.param('id') ?? '', form)),
    async (c) => {
      const { id } = c.req.valid('param')
      const result = await featureChampion(c.var.db, c.var.actor, id, c.req.valid('form'), { ip: c.var.clientIp })
      if (!result.ok) {
        c.status(422)
        return itemPage(c, id, { values: c.req.valid('form'), errors: {}, message: result.message })
      }
      return seeOther(c, `/admin/inbox/${id}`, 'The Champion is featured on the public page.')
    },
  )

/** The nominations alone, where the program team looks for Champions. */
export const adminChampionRoutes = new Hono<AppEnv>().get('/', zValidator('query', Filter), async (c) => {
  const { status } = c.req.valid('query')
  const overview = await inboxOverview(c.var.db, c.var.actor, { kind: 'champion-nomination', status }, requestedPage(c.req.query('page')))
  return c.render(
    <InboxListPage title="Champion nominations" base="/admin/champions" overview={overview} kind="champion-nomination" status={status} kindFilter={false} />,
    { title: 'Champion nominations' },
  )
})
