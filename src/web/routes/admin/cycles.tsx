import { Hono } from 'hono'
import { z } from 'zod'
import { CYCLE_STATUSES } from '../../../domain/cycle/cycle-states'
import { sampleSizeField, type CycleSettingsInput } from '../../../domain/cycle/cycle-settings'
import { DISCIPLINES } from '../../../domain/school/school-facts'
import { DEFAULT_REMINDER_DAYS } from '../../../domain/cycle/reminders'
import { requestedPage } from '../../../domain/paging/page-slice'
import {
  advanceCycle, createCycle, cycleForAdmin, cycleInstrumentChoices, cycleList, eligibleCounts, openingPreview, updateCycle,
} from '../../../services/cycles/cycle-admin'
import { setCycleCalendarChoice } from '../../../services/cycles/cycle-calendar'
import { cycleDashboard, cycleStatusCsv } from '../../../services/cycles/cycle-monitoring'
import { sendDueRemindersNow } from '../../../services/cycles/cycle-reminders'
import type { AppEnv, Ctx } from '../../context'
import { dailyProgressSvg } from '../../charts/daily-progress-chart'
import { seeOther } from '../../flash'
import type { FormState } from '../../form'
import { CycleDashboardPage } from '../../views/admin/cycle-dashboard-page'
import { CycleFormPage } from '../../views/admin/cycle-form-page'
import { CycleListPage } from '../../views/admin/cycle-list-page'
import { CycleOpeningPreviewPage } from '../../views/admin/cycle-opening-preview-page'
import { csvDownload } from './csv-download'
import { cycleSchoolFilter } from './cycle-school-filter'
import { cycleParticipationRoutes } from './cycle-participations'
import { cyclePublicationRoutes } from './cycle-publication'
import { cycleReportRoutes, releasedMessage } from './cycle-reports'
import { cycleReportPdfRoutes } from './cycle-report-pdfs'
import { cycleConfirmationRoutes } from './cycle-confirmations'
import { participationDeclineRoutes } from './participation-decline'
import { jobProgressRoutes } from './job-progress'
import { schoolTimelineRoutes } from './school-timeline'
import { cycleBulkRoutes } from './cycle-bulk'
import { startCycleScoring } from '../../../services/reports/cycle-scoring'
import { releaseReports } from '../../../services/reports/report-release'

const Id = z.uuid()
const SETTINGS_FIELDS = ['title', 'instrumentVersion', 'sampleSeed', 'opensOn', 'deadlineOn', 'reminderDays', 'closeAtDeadline'] as const
type TextSettings = Pick<CycleSettingsInput, (typeof SETTINGS_FIELDS)[number]>

const CalendarChoice = z.object({ openOnOpensAt: z.enum(['yes', 'no']).optional(), closeAtDeadline: z.enum(['yes', 'no']).optional() })
  .refine((v) => (v.openOnOpensAt === undefined) !== (v.closeAtDeadline === undefined))

function calendarMessage(choice: z.infer<typeof CalendarChoice>, opensAt: Date, now: Date) {
  if (choice.openOnOpensAt === 'no') return 'The scheduled send is cancelled. Nothing is sent until you open the cycle.'
  if (choice.openOnOpensAt === 'yes') {
    return opensAt <= now
      ? 'The opening date has passed, so the invitations go out within the hour.'
      : `The invitations will be sent by themselves on ${isoDay(opensAt)}.`
  }
  return choice.closeAtDeadline === 'yes' ? 'The cycle will close by itself at the deadline.' : 'The cycle will stay open until you close it.'
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const formPage = async (c: Ctx, id: string | null, form: FormState, disciplines: readonly string[]) => {
  const [versions, eligible] = await Promise.all([cycleInstrumentChoices(c.var.db, c.var.actor), eligibleCounts(c.var.db, c.var.actor)])
  return c.render(<CycleFormPage id={id} form={form} disciplines={disciplines} versions={versions} eligible={eligible} />, { title: id ? 'Edit cycle' : 'New cycle' })
}

/** Reads the settings form: every field as typed (so it can be shown again), the ticked disciplines and sizes. */
async function settingsOf(c: Ctx): Promise<CycleSettingsInput> {
  const body = await c.req.parseBody({ all: true })
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).slice(0, 500) : '')
  const ticked = body.disciplines
  const disciplines = (Array.isArray(ticked) ? ticked : ticked === undefined ? [] : [ticked]).filter((d): d is string => typeof d === 'string')
  const sampleSizes = Object.fromEntries(DISCIPLINES.map((d) => [d, text(sampleSizeField(d))]))
  const fields = Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, text(f)])) as TextSettings
  return { ...fields, disciplines, sampleSizes, pilot: text('pilot') === 'yes' }
}

const valuesOf = (input: CycleSettingsInput) => ({
  ...Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, input[f] ?? ''])),
  ...Object.fromEntries(DISCIPLINES.map((d) => [sampleSizeField(d), input.sampleSizes[d] ?? ''])),
  pilot: input.pilot ? 'yes' : '',
})

function cycleId(c: Ctx) {
  const id = Id.safeParse(c.req.param('id'))
  return id.success ? id.data : null
}

export const cycleRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.render(<CycleListPage cycles={await cycleList(c.var.db, c.var.actor)} />, { title: 'Assessment cycles' }))
  .get('/new', (c) => {
    const values = { instrumentVersion: 'smm-2024', reminderDays: DEFAULT_REMINDER_DAYS.join(', '), opensOn: isoDay(new Date()) }
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
    const { typed, filter } = cycleSchoolFilter(c.req.query())
    const view = await cycleDashboard(c.var.db, c.var.actor, id, { filter, page: requestedPage(c.req.query('page')) })
    const chartSvg = view.daily.length > 0 ? await dailyProgressSvg(view.daily, view.total.invited) : ''
    return c.render(<CycleDashboardPage view={view} query={typed} chartSvg={chartSvg} />, { title: view.cycle.title })
  })
  .get('/:id/open', async (c) => {
    const id = cycleId(c)
    if (!id) return c.notFound()
    const preview = await openingPreview(c.var.db, c.var.actor, c.var.deps.config.baseUrl, id)
    if (preview.cycle.status !== 'draft') return seeOther(c, `/admin/cycles/${id}`, 'This cycle is already open.')
    return c.render(<CycleOpeningPreviewPage preview={preview} />, { title: 'Check before opening' })
  })
  .get('/:id/status.csv', async (c) => {
    const id = cycleId(c)
    if (!id) return c.notFound()
    return csvDownload(c, 'cycle-status.csv', await cycleStatusCsv(c.var.db, c.var.actor, id, c.var.clientIp))
  })
  .get('/:id/edit', async (c) => {
    const id = cycleId(c)
    if (!id) return c.notFound()
    const cy = await cycleForAdmin(c.var.db, c.var.actor, id)
    const values = {
      title: cy.title, instrumentVersion: cy.instrumentVersion, sampleSeed: cy.sampleSeed?.toString() ?? '',
      opensOn: isoDay(cy.opensAt), deadlineOn: isoDay(cy.deadlineAt), reminderDays: cy.reminderDays.join(', '),
      ...Object.fromEntries(DISCIPLINES.map((d) => [sampleSizeField(d), cy.sampleSizes[d]?.toString() ?? ''])),
      pilot: cy.pilot ? 'yes' : '',
      closeAtDeadline: cy.closeAtDeadline ? 'yes' : '',
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
      return seeOther(c, `/admin/cycles/${id}/reports`, releasedMessage(released))
    }
    const { invited } = await advanceCycle(c.var.db, c.var.deps.jobs, c.var.actor, id, to.data, c.var.clientIp)
    const message = to.data === 'open' ? `The cycle is open. Sending ${invited} invitations in the background.` : `The cycle is now ${to.data}.`
    return seeOther(c, `/admin/cycles/${id}`, message)
  })
  .post('/:id/calendar', async (c) => {
    const id = cycleId(c)
    const choice = CalendarChoice.safeParse(await c.req.parseBody())
    if (!id || !choice.success) return c.notFound()
    const yes = (v: 'yes' | 'no' | undefined) => (v === undefined ? undefined : v === 'yes')
    const cy = await setCycleCalendarChoice(c.var.db, c.var.actor, id, { openOnOpensAt: yes(choice.data.openOnOpensAt), closeAtDeadline: yes(choice.data.closeAtDeadline) }, c.var.clientIp)
    return seeOther(c, `/admin/cycles/${id}`, calendarMessage(choice.data, cy.opensAt, new Date()))
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
  .route('/:id/reports', cycleReportPdfRoutes)
  .route('/:id/publication', cyclePublicationRoutes)
