import { Hono } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import type { Registry } from 'prom-client'
import type { Config } from '../../../config'
import type { AppEnv } from '../../context'

/**
 * Health for load balancers, metrics for monitoring. Metrics name routes and volumes, so they are not public in
 * production: a bearer token is required, and without one configured the endpoint does not exist there.
 */
export const opsRoutes = (registry: Registry, config: Pick<Config, 'env' | 'metricsToken'>) => {
  const routes = new Hono<AppEnv>().get('/healthz', async (c) => {
    const ok = await c.var.deps.checkHealth().catch(() => false)
    return c.json({ status: ok ? 'ok' : 'unavailable' }, ok ? 200 : 503)
  })
  if (!config.metricsToken && config.env === 'production') return routes
  if (config.metricsToken) routes.use('/metrics', bearerAuth({ token: config.metricsToken }))
  return routes.get('/metrics', async (c) => c.text(await registry.metrics(), 200, { 'Content-Type': registry.contentType }))
}
