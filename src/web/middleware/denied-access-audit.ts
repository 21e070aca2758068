import { createMiddleware } from 'hono/factory'
import { recordDeniedAccess } from '../../services/access-audit'
import type { AppEnv } from '../context'

/** Pages that name schools or show a named school's answers or scores. */
const SCHOOL_IDENTIFYING = [/^\/admin(\/|$)/, /^\/school(\/|$)/, /^\/research\/cycles\/[^/]+\/identified\/?$/]

/**
 * Audits an analyst's refused request for a school-identifying page (403 or 404), after the response is decided.
 * Cheap: one insert, and only on a refusal by an analyst; every other request passes with two comparisons.
 */
export const deniedAccessAudit = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  const actor = c.var.actor
  if (actor?.kind !== 'user' || actor.programRole !== 'analyst') return
  if (c.res.status !== 403 && c.res.status !== 404) return
  if (!SCHOOL_IDENTIFYING.some((pattern) => pattern.test(c.req.path))) return
  await recordDeniedAccess(c.var.db, actor, { method: c.req.method, path: c.req.path, status: c.res.status }, { ip: c.var.clientIp })
})
