import { Hono } from 'hono'
import { z } from 'zod'
import {
  addSchoolsToCycle,
  type AddSchoolsOutcome,
  extendDeadline,
  findSchoolsForCycle,
  markParticipationInProgress,
  participationForAdmin,
  resendInvitation,
} from '../../../services/cycles/participation-admin'
import type { AppEnv, Ctx } from '../../context'
import { cycleIdOf } from '../cycle-id-param'
import { seeOther } from '../../flash'
import { textValues, type FormState } from '../../form'
import { ParticipationPage } from '../../views/admin/participation-page'
import { CycleAddSchoolsPage } from '../../views/admin/cycle-add-schools-page'
import { DISCIPLINES } from '../../../domain/school/school-facts'

// Mounted at /admin/cycles/:id/schools: one school's place in a cycle, and adding schools late.

const Ids = z.object({ id: z.uuid(), pid: z.uuid() })
const Search = z.object({
  q: z.string().max(200).optional().catch(undefined),
  state: z.string().max(2).optional().catch(undefined),
  discipline: z.enum(DISCIPLINES).optional().catch(undefined),
})
const SchoolIds = z.array(z.uuid()).max(500)
const Source = z.enum(['late-invite', 'on-request'])
const Addressee = z.object({
  email: z.email('Enter the new addressee’s e-mail address.').max(254),
  name: z.string().max(200).optional(),
})
const Extension = z.object({ until: z.union([z.literal(''), z.iso.date('Enter the extended deadline as a date, like 2027-01-15.')]) })
const Progress = z.object({ to: z.literal('in_progress') })

const ctxOf = (c: Ctx) => ({ db: c.var.db, jobs: c.var.deps.jobs, baseUrl: c.var.deps.config.baseUrl, actor: c.var.actor, ip: c.var.clientIp })
const ids = (c: Ctx) => Ids.safeParse({ id: c.req.param('id'), pid: c.req.param('pid') })

async function page(c: Ctx, pid: string, form: FormState = { values: {}, errors: {} }) {
  const p = await participationForAdmin(c.var.db, c.var.actor, pid)
  return c.render(<ParticipationPage p={p} form={form} />, { title: p.schoolName })
}

async function addSchoolsPage(c: Ctx, cycleId: string, form: FormState, ticked: string[]) {
  const search = Search.parse(form.values)
  const found = await findSchoolsForCycle(c.var.db, c.var.actor, cycleId, { ...search, state: search.state || undefined, discipline: search.discipline })
  return c.render(<CycleAddSchoolsPage found={found} form={form} ticked={ticked} />, { title: 'Add schools' })
}

/** The flash after adding: how many were added and invited, and who needs an addressee or was already in. */
function addedMessage({ added, alreadyIn }: AddSchoolsOutcome) {
  const noAddress = added.filter((a) => !a.invited).map((a) => a.name)
  return [
    `${added.length} ${added.length === 1 ? 'school' : 'schools'} added${added.length > noAddress.length ? ' and invited' : ''}.`,
    noAddress.length > 0 ? `No dean’s e-mail, so give an addressee: ${noAddress.join(', ')}.` : '',
    alreadyIn.length > 0 ? `Already in the cycle: ${alreadyIn.join(', ')}.` : '',
  ].filter(Boolean).join(' ')
}

export const cycleParticipationRoutes = new Hono<AppEnv>()
  .get('/add', async (c) => {
    const cycleId = cycleIdOf(c)
    if (!cycleId) return c.notFound()
    return addSchoolsPage(c, cycleId, { values: textValues(c.req.query()), errors: {} }, [])
  })
  .post('/add', async (c) => {
    const cycleId = cycleIdOf(c)
    if (!cycleId) return c.notFound()
    const body = await c.req.parseBody({ all: true })
    const ticked = [body.schoolIds ?? []].flat().filter((v): v is string => typeof v === 'string')
    const schoolIds = SchoolIds.safeParse(ticked)
    if (!schoolIds.success) return c.notFound() // not something the page can send
    const source = Source.safeParse(body.source)
    if (schoolIds.data.length === 0 || !source.success) {
      c.status(422)
      const errors = {
        ...(schoolIds.data.length === 0 ? { schoolIds: ['Tick at least one school to add.'] } : {}),
        ...(!source.success ? { source: ['Choose why the schools are joining.'] } : {}),
      }
      return addSchoolsPage(c, cycleId, { values: textValues(body), errors }, ticked)
    }
    const outcome = await addSchoolsToCycle(ctxOf(c), cycleId, schoolIds.data, source.data)
    return seeOther(c, `/admin/cycles/${cycleId}`, addedMessage(outcome))
  })
  .get('/:pid', async (c) => {
    const p = ids(c)
    return p.success ? page(c, p.data.pid) : c.notFound()
  })
  .post('/:pid/resend', async (c) => {
    const p = ids(c)
    if (!p.success) return c.notFound()
    await resendInvitation(ctxOf(c), p.data.pid)
    return seeOther(c, `/admin/cycles/${p.data.id}/schools/${p.data.pid}`, 'Invitation sent again; the earlier link no longer works.')
  })
  .post('/:pid/addressee', async (c) => {
    const p = ids(c)
    if (!p.success) return c.notFound()
    const body = textValues(await c.req.parseBody())
    const form = Addressee.safeParse(body)
    if (!form.success) {
      c.status(422)
      return page(c, p.data.pid, { values: body, errors: z.flattenError(form.error).fieldErrors })
    }
    await resendInvitation(ctxOf(c), p.data.pid, { email: form.data.email, name: form.data.name?.trim() || null })
    return seeOther(c, `/admin/cycles/${p.data.id}/schools/${p.data.pid}`, `Invitation sent to ${form.data.email}.`)
  })
  .post('/:pid/extension', async (c) => {
    const p = ids(c)
    if (!p.success) return c.notFound()
    const body = textValues(await c.req.parseBody())
    const form = Extension.safeParse(body)
    if (!form.success) {
      c.status(422)
      return page(c, p.data.pid, { values: body, errors: z.flattenError(form.error).fieldErrors })
    }
    const saved = await extendDeadline(ctxOf(c), p.data.pid, form.data.until ? new Date(`${form.data.until}T23:59:59Z`) : null)
    if (!saved.ok) {
      c.status(422)
      return page(c, p.data.pid, { values: body, errors: { until: [saved.message] } })
    }
    return seeOther(c, `/admin/cycles/${p.data.id}/schools/${p.data.pid}`, form.data.until ? 'Deadline extended.' : 'Extension removed.')
  })
  .post('/:pid/progress', async (c) => {
    const p = ids(c)
    const form = Progress.safeParse(await c.req.parseBody())
    if (!p.success || !form.success) return c.notFound()
    await markParticipationInProgress(c.var.db, c.var.actor, p.data.pid)
    return seeOther(c, `/admin/cycles/${p.data.id}/schools/${p.data.pid}`, 'Marked as in progress.')
  })
