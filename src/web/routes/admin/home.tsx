import { Hono } from 'hono'
import { adminOverview, auditLog } from '../../../services/admin/overview'
import type { AppEnv } from '../../context'
import { AdminHomePage } from '../../views/admin/admin-home-page'
import { AuditPage } from '../../views/admin/audit-page'

export const adminHomeRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const overview = await adminOverview(c.var.db, c.var.actor)
    return c.render(<AdminHomePage overview={overview} />, { title: 'Program administration' })
  })
  .get('/audit', async (c) => {
    const events = await auditLog(c.var.db, c.var.actor)
    return c.render(<AuditPage events={events} />, { title: 'Audit log' })
  })
