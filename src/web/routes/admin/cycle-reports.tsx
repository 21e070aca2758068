import { Hono } from 'hono'
import { z } from 'zod'
import { requestedPage } from '../../../domain/paging/page-slice'
import { cycleReportsOverview, type CycleReportFilter } from '../../../services/reports/cycle-reports-admin'
import { recomputeNorms } from '../../../services/reports/cycle-scoring'
import { cycleScoresCsv } from '../../../services/reports/cycle-scores-export'
import { releaseReports } from '../../../services/reports/report-release'
import type { AppEnv, Ctx } from '../../context'
import { cycleIdOf } from '../cycle-id-param'
import { seeOther } from '../../flash'
import type { FormState } from '../../form'
import { CycleReportsPage } from '../../views/admin/cycle-reports-page'
import { csvDownload } from './csv-download'

// Mounted at /admin/cycles/:id/reports: build progress, norms snapshots, re-score, release and the scores export.

/** What the admin reads after releasing: how many reports went out, or that a release before (or at the same moment) sent them. */
export const releasedMessage = (released: number) =>
  released === 0
    ? 'No report was waiting to be released; nobody was e-mailed again.'
    : `${released} report${released === 1 ? '' : 's'} released; the schools’ leaders are being e-mailed.`

/** The list's filter from the query string; anything unknown is no filter (decision 163). */
function reportQuery(c: Ctx) {
  const released = c.req.query('released') === 'yes' || c.req.query('released') === 'no' ? c.req.query('released')! : ''
  const q = (c.req.query('q') ?? '').trim().slice(0, 200)
  const filter: CycleReportFilter = released ? { released: released === 'yes' } : {}
  if (q) filter.q = q
  return { typed: { released, q }, filter }
}

async function page(c: Ctx, cycleId: string, form?: FormState) {
  const { typed, filter } = reportQuery(c)
  const view = await cycleReportsOverview(c.var.db, c.var.actor, cycleId, { filter, page: requestedPage(c.req.query('page')) })
  return c.render(<CycleReportsPage view={view} query={typed} form={form} />, { title: `Reports: ${view.cycle.title}` })
}

export const cycleReportRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const id = cycleIdOf(c)
    return id ? page(c, id) : c.notFound()
  })
  .get('/scores.csv', async (c) => {
    const id = cycleIdOf(c)
    if (!id) return c.notFound()
    const { filename, csv } = await cycleScoresCsv(c.var.db, c.var.actor, id, c.var.clientIp)
    return csvDownload(c, filename, csv)
  })
  .post('/recompute', async (c) => {
    const id = cycleIdOf(c)
    if (!id) return c.notFound()
    const reason = (await c.req.parseBody()).reason
    const text = typeof reason === 'string' ? reason.slice(0, 2000) : ''
    const done = await recomputeNorms(c.var.db, c.var.actor, id, text, c.var.clientIp)
    if (!done.ok) {
      c.status(422)
      return page(c, id, { values: { reason: text }, errors: done.errors })
    }
    return seeOther(c, `/admin/cycles/${id}/reports`, `Re-scored ${done.members} schools and recomputed the norms. Reports whose scores changed: ${done.changed}; each says so.`)
  })
  .post('/release', async (c) => {
    const id = cycleIdOf(c)
    if (!id) return c.notFound()
    const schoolId = z.uuid().safeParse((await c.req.parseBody()).schoolId)
    const only = schoolId.success ? { schoolId: schoolId.data } : {}
    const { released } = await releaseReports(c.var.db, c.var.deps.jobs, c.var.deps.config.baseUrl, c.var.actor, id, only, c.var.clientIp)
    return seeOther(c, `/admin/cycles/${id}/reports`, releasedMessage(released))
  })
