import { Hono } from 'hono'
import { z } from 'zod'
import { saveActionPlan } from '../../../services/reports/action-plans'
import { openReport } from '../../../services/reports/report-view'
import { areaBenchmarkSvg } from '../../charts/area-benchmark-chart'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { textValues, type FormState } from '../../form'
import { ReportPage } from '../../views/school/report-page'
import { renderReportPdf } from '../../views/school/report-pdf'
import { chartRows } from '../../views/school/report-text'

// A school's confidential report: the page, its PDF and the leader's action plan. The service decides who may
// see it (anyone else gets a 404) and audits every view.

const ReportFile = z.string().regex(/^[0-9a-f-]{36}(\.pdf)?$/)

async function reportPage(c: Ctx, responseId: string, form?: FormState) {
  const view = await openReport(c.var.db, c.var.actor, responseId, c.var.clientIp)
  const chartSvg = await areaBenchmarkSvg(chartRows(view.areas))
  c.header('Cache-Control', 'private, no-store')
  return c.render(<ReportPage view={view} chartSvg={chartSvg} form={form} />, { title: `${form ? 'Error: ' : ''}Report: ${view.school.name}` })
}

export const schoolReportRoutes = new Hono<AppEnv>()
  .get('/:file', async (c) => {
    const file = ReportFile.safeParse(c.req.param('file'))
    if (!file.success || !z.uuid().safeParse(file.data.replace(/\.pdf$/, '')).success) return c.notFound()
    const responseId = file.data.replace(/\.pdf$/, '')
    if (!file.data.endsWith('.pdf')) return reportPage(c, responseId)
    const view = await openReport(c.var.db, c.var.actor, responseId, c.var.clientIp, 'pdf')
    const pdf = await renderReportPdf(view, await areaBenchmarkSvg(chartRows(view.areas)))
    const name = `report-${view.cycle.title}-${view.school.name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}.pdf"`,
      'Cache-Control': 'private, no-store',
    })
  })
  .post('/:responseId/plan', async (c) => {
    const responseId = z.uuid().safeParse(c.req.param('responseId'))
    if (!responseId.success) return c.notFound()
    const values = textValues(await c.req.parseBody())
    const saved = await saveActionPlan(c.var.db, c.var.actor, responseId.data, values, c.var.clientIp)
    if (!saved.ok) {
      c.status(422)
      return reportPage(c, responseId.data, { values, errors: saved.errors })
    }
    return seeOther(c, `/school/reports/${responseId.data}#plan-title`, 'Action plan saved.')
  })
