import { Hono } from 'hono'
import type { AppEnv } from '../../context'
import { messagesFor } from '../../i18n/messages'
import { HomePage } from '../../views/public/home-page'

export const publicHomeRoutes = new Hono<AppEnv>().get('/', (c) => {
  const m = messagesFor(c)
  return c.render(<HomePage m={m} contactEmail={c.var.deps.config.contactEmail} />, { title: m.home.title, description: m.home.description })
})
