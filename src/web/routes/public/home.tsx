import { Hono } from 'hono'
import type { AppEnv } from '../../context'
import { HomePage } from '../../views/public/home-page'

export const publicHomeRoutes = new Hono<AppEnv>().get('/', (c) =>
  c.render(<HomePage contactEmail={c.var.deps.config.contactEmail} />, {
    title: 'Social mission self-assessment for health professions schools',
  }),
)
