import { Hono } from 'hono'
import { z } from 'zod'
import { BULK_ACTIONS, MAX_BULK, applyBulk, bulkPreview, type BulkAction } from '../../../services/admin/bulk-actions'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import type { FormState } from '../../form'
import { BulkConfirmPage } from '../../views/admin/bulk-actions-form'

// Mounted at /admin/cycles/:id/bulk: the ticked schools of the cycle's list, a confirmation page, then the action.

const Body = z.object({
  action: z.enum(BULK_ACTIONS),
  pid: z.array(z.uuid()).max(MAX_BULK),
  until: z.string().max(20),
})
const Until = z.iso.date('Enter the new deadline as a date, like 2027-01-15.')

async function readBody(c: Ctx) {
  const raw = await c.req.parseBody({ all: true })
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')
  return Body.safeParse({ action: raw.action, pid: list(raw.pid), until: typeof raw.until === 'string' ? raw.until : '' })
}

const cycleIdOf = (c: Ctx) => {
  const id = z.uuid().safeParse(c.req.param('id'))
  return id.success ? id.data : null
}

async function confirmPage(c: Ctx, cycleId: string, action: BulkAction, pids: string[], form: FormState) {
  const preview = await bulkPreview(c.var.db, c.var.actor, c.var.deps.config.baseUrl, cycleId, action, pids)
  return c.render(<BulkConfirmPage preview={preview} action={action} form={form} />, { title: 'Confirm the action on the ticked schools' })
}

/** The extension date, or the message that goes beside its field. */
const untilOf = (action: BulkAction, text: string) => {
  if (action !== 'extend') return { until: null }
  const day = Until.safeParse(text)
  return day.success ? { until: new Date(`${day.data}T23:59:59Z`) } : { error: day.error.issues[0]!.message }
}

export const cycleBulkRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    const id = cycleIdOf(c)
    const body = await readBody(c)
    if (!id || !body.success) return c.notFound()
    const { action, pid, until } = body.data
    if (pid.length === 0) {
      c.status(422)
      return confirmPage(c, id, action, pid, { values: { until }, errors: {}, message: 'Tick at least one school in the list first.' })
    }
    const checked = untilOf(action, until)
    if ('error' in checked && until !== '') c.status(422)
    return confirmPage(c, id, action, pid, { values: { until }, errors: 'error' in checked && until !== '' ? { until: [checked.error!] } : {} })
  })
  .post('/apply', async (c) => {
    const id = cycleIdOf(c)
    const body = await readBody(c)
    if (!id || !body.success) return c.notFound()
    const { action, pid, until } = body.data
    const checked = untilOf(action, until)
    if ('error' in checked) {
      c.status(422)
      return confirmPage(c, id, action, pid, { values: { until }, errors: { until: [checked.error!] } })
    }
    const ctx = { db: c.var.db, jobs: c.var.deps.jobs, baseUrl: c.var.deps.config.baseUrl, actor: c.var.actor, ip: c.var.clientIp }
    const done = await applyBulk(ctx, id, action, pid, checked.until)
    if (!done.ok) {
      c.status(422)
      return confirmPage(c, id, action, pid, { values: { until }, errors: { until: [done.message] } })
    }
    const what = action === 'extend' ? 'Deadline extended for' : action === 'resend' ? 'Invitation sent again to' : 'Reminder queued for'
    return seeOther(c, `/admin/cycles/${id}`, `${what} ${done.done} ${done.done === 1 ? 'school' : 'schools'}${done.skipped ? ` (${done.skipped} left out)` : ''}.`)
  })
