import { Hono } from 'hono'
import { z } from 'zod'
import { AppError } from '../../../services/errors'
import { responseOverview } from '../../../services/responses/response-overview'
import { reopenSubmittedResponse } from '../../../services/responses/response-submit'
import { openResponseOf } from '../../../services/responses/school-workspace'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { emptyForm, textValues, type FormState } from '../../form'
import { ResponseAdminPage } from '../../views/admin/response-admin-page'

const idOf = (c: Ctx) => {
  const parsed = z.uuid().safeParse(c.req.param('id'))
  if (!parsed.success) throw new AppError('not_found', 'We could not find that response.', 404)
  return parsed.data
}

async function page(c: Ctx, id: string, form: FormState) {
  const view = await responseOverview(c.var.db, c.var.actor, id)
  return c.render(<ResponseAdminPage view={view} form={form} />, { title: `Response · ${view.access.schoolName}` })
}

export const adminResponseRoutes = new Hono<AppEnv>()
  // From a school's line in a cycle: its response, created on first open like the school's own.
  .get('/of/:participationId', async (c) => {
    const parsed = z.uuid().safeParse(c.req.param('participationId'))
    if (!parsed.success) throw new AppError('not_found', 'We could not find that response.', 404)
    return c.redirect(`/admin/responses/${await openResponseOf(c.var.db, c.var.actor, parsed.data)}`, 303)
  })
  .get('/:id', (c) => page(c, idOf(c), emptyForm))
  .post('/:id/reopen', async (c) => {
    const id = idOf(c)
    const values = textValues(await c.req.parseBody())
    const outcome = await reopenSubmittedResponse({ db: c.var.db, jobs: c.var.deps.jobs, baseUrl: c.var.deps.config.baseUrl, actor: c.var.actor, ip: c.var.clientIp }, id, values.reason ?? '')
    if (outcome.ok) return seeOther(c, `/admin/responses/${id}`, 'Reopened. The school can change its answers again; its leaders have been e-mailed the reason.')
    c.status(422)
    return page(c, id, { values, errors: { reason: [outcome.message] } })
  })
