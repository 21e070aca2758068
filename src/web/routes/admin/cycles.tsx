import { Hono } from 'hono'
import { z } from 'zod'
import { CYCLE_STATUSES } from '../../../domain/cycle/cycle-states'
import type { CycleSettingsInput } from '../../../domain/cycle/cycle-settings'
import { DEFAULT_REMINDER_DAYS } from '../../../domain/cycle/reminders'
import { advanceCycle, createCycle, cycleForAdmin, cycleInstrumentChoices, cycleList, updateCycle } from '../../../services/cycles/cycle-admin'
import { cycleDashboard, cycleStatusCsv } from '../../../services/cycles/cycle-monitoring'
import { sendDueRemindersNow } from '../../../services/cycles/cycle-reminders'
import { schoolsAddableToCycle } from '../../../services/cycles/participation-admin'
import type { AppEnv, Ctx } from '../../context'
import { dailyProgressSvg } from '../../charts/daily-progress-chart'
import { seeOther } from '../../flash'
import type { FormState } from '../../form'
import { CycleDashboardPage } from '../../views/admin/cycle-dashboard-page'
import { CycleFormPage } from '../../views/admin/cycle-form-page'
import { CycleListPage } from '../../views/admin/cycle-list-page'
import { csvDownload } from './csv-download'
import { cycleParticipationRoutes } from './cycle-participations'
import { cycleReportRoutes } from './cycle-reports'
import { cycleConfirmationRoutes } from './cycle-confirmations'
import { participationDeclineRoutes } from './participation-decline'
import { jobProgressRoutes } from './job-progress'
import { schoolTimelineRoutes } from './school-timeline'
import { cycleBulkRoutes } from './cycle-bulk'
import { startCycleScoring } from '../../../services/reports/cycle-scoring'
import { releaseReports } from '../../../services/reports/report-release'

const Id = z.uuid()
const SETTINGS_FIELDS = ['title', 'instrumentVersion', 'invite', 'samplePerDiscipline', 'sampleSeed', 'opensOn', 'deadlineOn', 'reminderDays'] as const

const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const formPage = async (c: Ctx, id: string | null, form: FormState, disciplines: readonly string[]) => {
  const versions = await cycleInstrumentChoices(c.var.db, c.var.actor)
  return c.render(<CycleFormPage id={id} form={form} disciplines={disciplines} versions={versions} />, { title: id ? 'Edit cycle' : 'New cycle' })
}

/** Reads the settings form: every field as typed (so it can be shown again) and the ticked disciplines. */
async function settingsOf(c: Ctx): Promise<CycleSettingsInput> {
  const body = await c.req.parseBody({ all: true })
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).slice(0, 500) : '')
  const ticked = body.disciplines
  const disciplines = (Array.isArray(ticked) ? ticked : ticked === undefined ? [] : [ticked]).filter((d): d is string => typeof d === 'string')
  return { ...(Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, text(f)])) as Omit<CycleSettingsInput, 'disciplines'>), disciplines }
}

const valuesOf = (input: CycleSettingsInput) => Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, input[f]]))

function cycleId(c: Ctx) {
  const id = Id.safeParse(c.req.param('id'))
  return id.success ? id.data : null
}

export const cycleRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.render(<CycleListPage cycles={await cycleList(c.var.db, c.var.actor)} />, { title: 'Assessment cycles' }))
  .get('/new', (c) => {
    const values = { instrumentVersion: 'smm-2024', invite: 'all', reminderDays: DEFAULT_REMINDER_DAYS.join(', '), opensOn: isoDay(new Date()) }
    return formPage(c, null, { values, errors: {} }, [])
  })
  .post('/new', async (c) => {
    const input = await settingsOf(c)
    const saved = await createCycle(c.var.db, c.var.actor, input, c.var.clientIp)
    if (!saved.ok) {
      c.status(422)
      return formPage(c, null, { values: valuesOf(input), errors: saved.errors }, input.disciplines)
    }
    return seeOther(c, `/admin/cycles/${saved.cycleId}`, 'Draft cycle created. Check it, then open it to send the invitations.')
  })
  .get('/:id', async (c) => {
    const id = cycleId(c)
    if (!id) return c.notFound()
    const view = await cycleDashboard(c.var.db, c.var.actor, id)
    const addable = await schoolsAddableToCycle(c.var.db, c.var.actor, id)
    const chartSvg = view.daily.length > 0 ? await dailyProgressSvg(view.daily, view.total.invited) : ''
    return c.render(<CycleDashboardPage view={view} chartSvg={chartSvg} addable={addable} />, { title: view.cycle.title })
  })
  .get('/:id/status.csv', async (c) => {
    const id = cycleId(c)
    if (!id) return c.notFound()
    return csvDownload(c, 'cycle-status.csv', await cycleStatusCsv(c.var.db, c.var.actor, id))
  })
  .get('/:id/edit', async (c) => {
    const id = cycleId(c)
    if (!id) return c.notFound()
    const cy = await cycleForAdmin(c.var.db, c.var.actor, id)
    const values = {
      title: cy.title, instrumentVersion: cy.instrumentVersion, invite: cy.sampleSizePerDiscipline === null ? 'all' : 'sample',
      samplePerDiscipline: cy.sampleSizePerDiscipline?.toString() ?? '', sampleSeed: cy.sampleSeed?.toString() ?? '',
      opensOn: isoDay(cy.opensAt), deadlineOn: isoDay(cy.deadlineAt), reminderDays: cy.reminderDays.join(', '),
    }
    return formPage(c, id, { values, errors: {} }, cy.disciplines)
  })
  .post('/:id/edit', async (c) => {
    const id = cycleId(c)
    if (!id) return c.notFound()
    const input = await settingsOf(c)
    const saved = await updateCycle(c.var.db, c.var.actor, id, input, c.var.clientIp)
    if (!saved.ok) {
      c.status(422)
      return formPage(c, id, { values: valuesOf(input), errors: saved.errors }, input.disciplines)
    }
    return seeOther(c, `/admin/cycles/${id}`, 'Draft saved.')
  })
  .post('/:id/advance', async (c) => {
    const id = cycleId(c)
    const to = z.enum(CYCLE_STATUSES).safeParse((await c.req.parseBody()).to)
    if (!id || !to.success) return c.notFound()
    // Scoring runs as a background job and releasing mails every school's leaders: both live with the reports.
    if (to.data === 'scored') {
      const { total } = await startCycleScoring(c.var.db, c.var.deps.jobs, c.var.actor, id, c.var.clientIp)
      return seeOther(c, `/admin/cycles/${id}/reports`, `Scoring ${total} responses in the background; the norms are frozen when it finishes.`)
    }
    if (to.data === 'released') {
      const { released } = await releaseReports(c.var.db, c.var.deps.jobs, c.var.deps.config.baseUrl, c.var.actor, id, {}, c.var.clientIp)
      return seeOther(c, `/admin/cycles/${id}/reports`, `${released} reports released; the schools’ leaders are being e-mailed.`)
    }
    const { invited } = await advanceCycle(c.var.db, c.var.deps.jobs, c.var.actor, id, to.data, c.var.clientIp)
    const message = to.data === 'open' ? `The cycle is open. Sending ${invited} invitations in the background.` : `The cycle is now ${to.data}.`
    return seeOther(c, `/admin/cycles/${id}`, message)
  })
  .post('/:id/reminders', async (c) => {
    const id = cycleId(c)
    if (!id) return c.notFound()
    const sent = await sendDueRemindersNow(c.var.db, c.var.deps.jobs, c.var.deps.config.baseUrl, c.var.actor, id, c.var.clientIp)
    return seeOther(c, `/admin/cycles/${id}`, sent === 0 ? 'No reminders were due.' : `${sent} reminders queued.`)
  })
  .route('/:id/confirm', cycleConfirmationRoutes)
  .route('/:id/progress', jobProgressRoutes)
  .route('/:id/bulk', cycleBulkRoutes)
  .route('/:id/schools/:pid/decline', participationDeclineRoutes)
  .route('/:id/schools/:pid/timeline', schoolTimelineRoutes)
  .route('/:id/schools', cycleParticipationRoutes)
  .route('/:id/reports', cycleReportRoutes)
