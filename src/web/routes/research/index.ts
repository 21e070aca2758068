import { Hono } from 'hono'
import { assertCan } from '../../../services/errors'
import type { AppEnv } from '../../context'
import { researchExportRoutes } from './research-exports'
import { researchPageRoutes } from './research-pages'
import { researchQualityRoutes } from './quality'
import { researchResultRoutes } from './results'

/**
 * Everything under /research: analysts and admins only (`research.view`, checked before any route runs, and again
 * by each service). Each feature of the area is its own sub-router mounted here; add yours to the list.
 */
export const researchRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    assertCan(c.var.actor, 'research.view')
    await next()
    // Nothing here is for a shared cache: pages and files are per person and audited.
    c.header('Cache-Control', 'private, no-store')
  })
  .route('/', researchPageRoutes)
  .route('/', researchResultRoutes)
  .route('/', researchQualityRoutes)
  .route('/', researchExportRoutes)
