import { Hono } from 'hono'
import { z } from 'zod'
import type { FieldReader } from '../../../domain/instrument/answer-form'
import { AppError } from '../../../services/errors'
import { openArea, saveAreaAnswers, type ItemProblem } from '../../../services/responses/response-area'
import { responseHistory, responseOverview } from '../../../services/responses/response-overview'
import { printResponseQuestionnaire } from '../../../services/responses/response-print'
import { answersCopy, reviewResponse, submissionConfirmation, submitResponse } from '../../../services/responses/response-submit'
import { acceptInvitationAsLeader, myWorkspace, openResponseOf } from '../../../services/responses/school-workspace'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { emptyForm, textValues, type FormState } from '../../form'
import { AreaPage } from '../../views/school/area-page'
import { renderAnswersPdf } from '../../views/school/answers-pdf'
import { SubmittedPage } from '../../views/school/submitted-page'
import { fieldsOfAnswer } from '../../views/school/answer-text'
import { HistoryPage } from '../../views/school/history-page'
import { ResponseOverviewPage } from '../../views/school/response-overview-page'
import { ReviewPage } from '../../views/school/review-page'
import { WorkspacePage } from '../../views/school/workspace-page'

const Uuid = z.uuid()
const AreaId = z.string().regex(/^[a-z][a-z0-9-]{0,80}$/)
const idOf = (c: Ctx, name: string, schema: z.ZodType<string> = Uuid) => {
  const parsed = schema.safeParse(c.req.param(name))
  if (!parsed.success) throw new AppError('not_found', 'We could not find that page.', 404)
  return parsed.data
}

/** Fields from a posted form, all values per name (checkboxes repeat). */
async function postedFields(c: Ctx): Promise<FieldReader> {
  const body = await c.req.parseBody({ all: true })
  return (name) => {
    const v = body[name]
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')
  }
}

async function areaPage(c: Ctx, responseId: string, areaId: string, typed?: FieldReader, problems?: ReadonlyMap<string, ItemProblem>) {
  const view = await openArea(c.var.db, c.var.actor, responseId, areaId)
  let field = typed
  if (!field) {
    const fields = new Map<string, string[]>()
    const add = (name: string, value: string) => fields.set(name, [...(fields.get(name) ?? []), value])
    for (const item of view.area.items) {
      const stored = view.access.stored.get(item.id)
      for (const [name, value] of fieldsOfAnswer(item, stored?.value)) add(name, value)
      if (stored?.note) add(`${item.id}.note`, stored.note)
      if (stored?.evidenceUrl) add(`${item.id}.evidence`, stored.evidenceUrl)
    }
    field = (name) => fields.get(name) ?? []
  }
  return c.render(<AreaPage view={view} field={field} problems={problems} />, { title: `${view.area.title} · ${view.access.schoolName}` })
}

async function reviewPage(c: Ctx, responseId: string, form: FormState) {
  const view = await reviewResponse(c.var.db, c.var.actor, responseId)
  return c.render(<ReviewPage view={view} form={form} />, { title: `Check your answers · ${view.access.schoolName}` })
}

const pdf = (c: Ctx, body: Buffer, filename: string) =>
  c.body(new Uint8Array(body), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${filename}"` })
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-')

export const schoolResponseRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.render(<WorkspacePage schools={await myWorkspace(c.var.db, c.var.actor)} />, { title: 'My school' }))
  .post('/participations/:id/accept', async (c) => {
    const accepted = await acceptInvitationAsLeader(c.var.db, c.var.actor, idOf(c, 'id'), c.var.clientIp)
    return seeOther(c, '/school', `Thank you: ${accepted.schoolName} is taking part in ${accepted.cycleTitle}.`)
  })
  .get('/participations/:id/response', async (c) => c.redirect(`/school/responses/${await openResponseOf(c.var.db, c.var.actor, idOf(c, 'id'))}`, 303))
  .get('/responses/:id', async (c) => {
    const view = await responseOverview(c.var.db, c.var.actor, idOf(c, 'id'))
    return c.render(<ResponseOverviewPage view={view} />, { title: view.access.schoolName })
  })
  .get('/responses/:id/submitted', async (c) => {
    const view = await submissionConfirmation(c.var.db, c.var.actor, idOf(c, 'id'))
    return c.render(<SubmittedPage view={view} />, { title: `Answers submitted · ${view.access.schoolName}` })
  })
  .get('/responses/:id/answers.pdf', async (c) => {
    const copy = await answersCopy(c.var.db, c.var.actor, idOf(c, 'id'), c.var.clientIp)
    return pdf(c, await renderAnswersPdf(copy), `answers-${slug(`${copy.access.cycleTitle}-${copy.access.schoolName}`)}.pdf`)
  })
  .get('/responses/:id/questionnaire.pdf', async (c) => {
    const printed = await printResponseQuestionnaire(c.var.db, c.var.actor, idOf(c, 'id'))
    return pdf(c, printed.pdf, printed.filename)
  })
  .get('/responses/:id/history', async (c) => {
    const view = await responseHistory(c.var.db, c.var.actor, idOf(c, 'id'))
    return c.render(<HistoryPage view={view} />, { title: `Answer history · ${view.access.schoolName}` })
  })
  .get('/responses/:id/areas/:areaId', (c) => areaPage(c, idOf(c, 'id'), idOf(c, 'areaId', AreaId)))
  .post('/responses/:id/areas/:areaId', async (c) => {
    const [responseId, areaId] = [idOf(c, 'id'), idOf(c, 'areaId', AreaId)]
    const field = await postedFields(c)
    const saved = await saveAreaAnswers(c.var.db, c.var.actor, responseId, areaId, field)
    if (saved.ok) return seeOther(c, `/school/responses/${responseId}/areas/${areaId}`, saved.saved === 0 ? 'Nothing had changed.' : 'Answers saved.')
    c.status(saved.status)
    return areaPage(c, responseId, areaId, field, saved.problems)
  })
  .get('/responses/:id/review', (c) => reviewPage(c, idOf(c, 'id'), emptyForm))
  .post('/responses/:id/submit', async (c) => {
    const responseId = idOf(c, 'id')
    const values = textValues(await c.req.parseBody())
    const { deps } = c.var
    const outcome = await submitResponse({ db: deps.db, jobs: deps.jobs, baseUrl: deps.config.baseUrl, actor: c.var.actor, ip: c.var.clientIp }, responseId, {
      certifiedName: values.certifiedName ?? '',
      certify: values.certify === 'yes',
      paperSignedOn: values.paperSignedOn,
    })
    if (outcome.ok) return c.redirect(`/school/responses/${responseId}/submitted`, 303)
    c.status(422)
    return reviewPage(c, responseId, { values, errors: Object.fromEntries(Object.entries(outcome.errors).map(([k, v]) => [k, [v]])) })
  })
