import { Hono } from 'hono'
import type { Registry } from 'prom-client'
import type { AppEnv } from '../../context'

export const opsRoutes = (registry: Registry) =>
  new Hono<AppEnv>()
    .get('/healthz', async (c) => {
      const ok = await c.var.deps.checkHealth().catch(() => false)
      return c.json({ status: ok ? 'ok' : 'unavailable' }, ok ? 200 : 503)
    })
    .get('/metrics', async (c) => c.text(await registry.metrics(), 200, { 'Content-Type': registry.contentType }))
