import { Hono } from 'hono'
import { z } from 'zod'
import { BULK_ACTIONS, MAX_BULK, applyBulk, bulkPreview, matchingSchoolIds, type BulkAction } from '../../../services/admin/bulk-actions'
import type { AppEnv, Ctx } from '../../context'
import { cycleIdOf } from '../cycle-id-param'
import { seeOther } from '../../flash'
import type { FormState } from '../../form'
import { BulkConfirmPage } from '../../views/admin/bulk-actions-form'
import { cycleSchoolFilter } from './cycle-school-filter'

// Mounted at /admin/cycles/:id/bulk: the ticked schools of the cycle's list, a confirmation page, then the action.

const Body = z.object({
  action: z.enum(BULK_ACTIONS),
  pid: z.array(z.uuid()).max(MAX_BULK),
  until: z.string().max(20),
  scope: z.enum(['ticked', 'matching']).catch('ticked'),
})
const Until = z.iso.date('Enter the new deadline as a date, like 2027-01-15.')

async function readBody(c: Ctx) {
  const raw = await c.req.parseBody({ all: true })
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')
  const body = Body.safeParse({ action: raw.action, pid: list(raw.pid), until: typeof raw.until === 'string' ? raw.until : '', scope: raw.scope })
  return { body, filter: cycleSchoolFilter(raw).filter }
}

async function confirmPage(c: Ctx, cycleId: string, action: BulkAction, pids: string[], form: FormState, byFilter = false) {
  const preview = await bulkPreview(c.var.db, c.var.actor, c.var.deps.config.baseUrl, cycleId, action, pids)
  return c.render(<BulkConfirmPage preview={preview} action={action} form={form} byFilter={byFilter} />, { title: 'Confirm the action on the chosen schools' })
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
    const { body, filter } = await readBody(c)
    if (!id || !body.success) return c.notFound()
    const { action, until, scope } = body.data
    // "All that match" is resolved here, once: the confirmation page then names exactly the schools it acts on.
    const byFilter = scope === 'matching'
    const pid = byFilter ? await matchingSchoolIds(c.var.db, c.var.actor, id, filter) : body.data.pid
    if (pid.length === 0) {
      c.status(422)
      return confirmPage(c, id, action, pid, { values: { until }, errors: {}, message: 'Tick at least one school in the list first.' })
    }
    const checked = untilOf(action, until)
    if ('error' in checked && until !== '') c.status(422)
    return confirmPage(c, id, action, pid, { values: { until }, errors: 'error' in checked && until !== '' ? { until: [checked.error!] } : {} }, byFilter)
  })
  .post('/apply', async (c) => {
    const id = cycleIdOf(c)
    const { body } = await readBody(c)
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
