import { Hono } from 'hono'
import { z } from 'zod'
import { adminOverview } from '../../../services/admin/overview'
import { auditLogPage } from '../../../services/admin/audit-log'
import type { AppEnv } from '../../context'
import { textValues } from '../../form'
import { AdminHomePage } from '../../views/admin/admin-home-page'
import { AuditPage } from '../../views/admin/audit-page'
import { AUDIT_ACTION_GROUPS } from '../../views/admin/audit-words'

const day = (message: string) => z.union([z.literal(''), z.iso.date(message)]).optional()
const AuditQuery = z
  .object({
    who: z.string().trim().max(200).optional(),
    what: z.union([z.literal(''), z.enum(AUDIT_ACTION_GROUPS.map((g) => g.value))]).optional(),
    school: z.string().trim().max(200).optional(),
    from: day('Enter the first day as a date, like 2026-11-01.'),
    until: day('Enter the last day as a date, like 2026-11-30.'),
    before: z.coerce.number().int().positive().optional(),
    after: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => !q.from || !q.until || q.from <= q.until, { path: ['until'], message: 'The last day must be on or after the first day.' })

export const adminHomeRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const overview = await adminOverview(c.var.db, c.var.actor)
    return c.render(<AdminHomePage overview={overview} />, { title: 'Program administration' })
  })
  .get('/audit', async (c) => {
    const values = textValues(c.req.query())
    const query = AuditQuery.safeParse(values)
    if (!query.success) {
      c.status(422)
      return c.render(<AuditPage page={null} form={{ values, errors: z.flattenError(query.error).fieldErrors }} />, { title: 'Audit log' })
    }
    const q = query.data
    const filter = {
      who: q.who || undefined,
      actionPrefix: q.what || undefined,
      school: q.school || undefined,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      // "Until" includes the whole of its day.
      until: q.until ? new Date(Date.parse(`${q.until}T00:00:00Z`) + 86_400_000) : undefined,
    }
    const page = await auditLogPage(c.var.db, c.var.actor, filter, { before: q.before, after: q.after })
    return c.render(<AuditPage page={page} form={{ values, errors: {} }} />, { title: 'Audit log' })
  })
