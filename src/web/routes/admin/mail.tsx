import { Hono } from 'hono'
import { zValidator } from '@hono/zod-validator'
import { mailOverview, readMail } from '../../../services/mail/mailbox'
import { retryFailedMail } from '../../../services/mail/outbox'
import type { AppEnv } from '../../context'
import { seeOther } from '../../flash'
import { MailListPage, MailMessagePage } from '../../views/admin/mail-pages'
import { MailFilter, mailIdParam } from '../mail-params'
import { requestedPage } from '../../../domain/paging/page-slice'

export const adminMailRoutes = new Hono<AppEnv>()
  .get('/', zValidator('query', MailFilter), async (c) => {
    const { status } = c.req.valid('query')
    const overview = await mailOverview(c.var.db, c.var.actor, { status }, requestedPage(c.req.query('page')))
    return c.render(
      <MailListPage
        title="Outbox"
        intro="Every message the platform sends. Failed messages were retried with increasing delays before giving up."
        overview={overview}
        base="/admin/mail"
        status={status}
      />,
      { title: 'Outbox' },
    )
  })
  .get('/:id', mailIdParam, async (c) => {
    const message = await readMail(c.var.db, c.var.actor, c.req.valid('param').id)
    return c.render(<MailMessagePage message={message} back="/admin/mail" canRetry />, { title: message.subject })
  })
  .post('/:id/retry', mailIdParam, async (c) => {
    const { id } = c.req.valid('param')
    await retryFailedMail(c.var.db, c.var.deps.jobs, c.var.actor, id, c.var.clientIp)
    return seeOther(c, `/admin/mail/${id}`, 'The message is queued to send again.')
  })
