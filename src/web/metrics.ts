import { Gauge, Registry, Histogram, collectDefaultMetrics } from 'prom-client'
import { createMiddleware } from 'hono/factory'
import { routePath } from 'hono/route'

/** One registry per app, so tests can build several apps in one process without clashing names. */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  // With several web processes (WEB_CONCURRENCY) each answers for itself: the pid tells their series apart.
  new Gauge({ name: 'smm_web_process', help: 'The process that answered this scrape, by operating-system pid', labelNames: ['pid'] as const, registers: [registry] })
    .set({ pid: String(process.pid) }, 1)
  const measure = createMiddleware(async (c, next) => {
    const end = duration.startTimer({ method: c.req.method })
    await next()
    // The route pattern, not the path: ids in paths would make a new series per school.
    end({ route: routePath(c, -1), status: String(c.res.status) })
  })
  return { registry, measure }
}
