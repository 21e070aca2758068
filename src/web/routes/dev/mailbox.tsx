import { Hono } from 'hono'
import { zValidator } from '@hono/zod-validator'
import { mailOverview, readMail } from '../../../services/mail/mailbox'
import type { AppEnv } from '../../context'
import { MailListPage, MailMessagePage } from '../../views/admin/mail-pages'
import { MailFilter, mailIdParam } from '../mail-params'
import { requestedPage } from '../../../domain/paging/page-slice'

/** Mounted only off production and without SMTP_URL: the mail that would have been sent, links and all. */
export const devMailboxRoutes = new Hono<AppEnv>()
  .get('/', zValidator('query', MailFilter), async (c) => {
    const { status } = c.req.valid('query')
    const overview = await mailOverview(c.var.db, c.var.actor, { status }, requestedPage(c.req.query('page')))
    return c.render(
      <MailListPage
        title="Dev mailbox"
        intro="No SMTP server is configured, so messages are kept here instead of being sent. Links in them work."
        overview={overview}
        base="/dev/mailbox"
        status={status}
      />,
      { title: 'Dev mailbox' },
    )
  })
  .get('/:id', mailIdParam, async (c) => {
    const message = await readMail(c.var.db, c.var.actor, c.req.valid('param').id, { revealPersonalLinks: true })
    return c.render(<MailMessagePage message={message} back="/dev/mailbox" canRetry={false} />, { title: message.subject })
  })
