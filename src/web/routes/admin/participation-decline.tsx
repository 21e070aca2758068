import { Hono } from 'hono'
import { z } from 'zod'
import { declineForSchool, declineForSchoolFacts } from '../../../services/admin/decline-for-school'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { emptyForm, type FormState } from '../../form'
import { DeclineConfirmPage } from '../../views/admin/cycle-confirm-pages'

// Mounted at /admin/cycles/:id/schools/:pid/decline: the confirmation page and the action behind it.

const Ids = z.object({ id: z.uuid(), pid: z.uuid() })
const ids = (c: Ctx) => Ids.safeParse({ id: c.req.param('id'), pid: c.req.param('pid') })

async function page(c: Ctx, pid: string, form: FormState) {
  const p = await declineForSchoolFacts(c.var.db, c.var.actor, pid)
  return c.render(<DeclineConfirmPage p={p} form={form} />, { title: `Decline on behalf of ${p.schoolName}` })
}

export const participationDeclineRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const p = ids(c)
    return p.success ? page(c, p.data.pid, emptyForm) : c.notFound()
  })
  .post('/', async (c) => {
    const p = ids(c)
    if (!p.success) return c.notFound()
    const raw = (await c.req.parseBody()).reason
    const reason = typeof raw === 'string' ? raw.slice(0, 2000) : ''
    const done = await declineForSchool(c.var.db, c.var.actor, p.data.pid, reason, c.var.clientIp)
    if (!done.ok) {
      c.status(422)
      return page(c, p.data.pid, { values: { reason }, errors: done.errors })
    }
    return seeOther(c, `/admin/cycles/${p.data.id}/schools/${p.data.pid}`, `${done.schoolName} is recorded as declined.`)
  })
