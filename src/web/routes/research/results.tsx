import { Hono } from 'hono'
import { z } from 'zod'
import { analysisCsv } from '../../../services/research/analysis-downloads'
import { researchResults } from '../../../services/research/aggregate-results'
import { groupBoxPlotSvg } from '../../charts/group-box-plot'
import type { AppEnv } from '../../context'
import { cycleIdOf } from '../cycle-id-param'
import { emptyForm } from '../../form'
import { ResultsPage, type BreakdownCharts } from '../../views/research/results-page'
import { csvDownload } from '../admin/csv-download'

// Mounted at /research/cycles/:id/results: a cycle's aggregate results, one score broken down at a time, and its CSVs.

const DOWNLOADS = z.enum(['results', 'group-tests'])

export const researchResultRoutes = new Hono<AppEnv>()
  .get('/cycles/:id/results', async (c) => {
    const id = cycleIdOf(c)
    if (!id) return c.notFound()
    const view = await researchResults(c.var.db, c.var.actor, id)
    const asked = c.req.query('metric')
    const known = asked === undefined || view.metrics.some((m) => m.id === asked)
    const metricId = known && asked !== undefined ? asked : (view.metrics[0]?.id ?? '')
    const form = known ? emptyForm : { values: { metric: metricId }, errors: { metric: ['Choose a score from the list.'] } }
    const charts: BreakdownCharts = new Map()
    const chosen = view.results.find((r) => r.metric === metricId)
    for (const table of chosen?.breakdowns ?? []) {
      if (table.rows.length === 0) continue
      charts.set(table.breakdown, await groupBoxPlotSvg(table.rows.map((r) => ({
        group: r.label,
        q1: r.stats?.q1 ?? null,
        median: r.stats?.median ?? null,
        q3: r.stats?.q3 ?? null,
        mean: r.stats?.mean ?? null,
        note: r.stats ? null : r.n.kind === 'fewer-than-k' ? 'fewer than 5 schools: not drawn' : 'not shown, to protect a small group',
      }))))
    }
    if (!known) c.status(422)
    return c.render(<ResultsPage view={view} metricId={metricId} charts={charts} form={form} />, { title: `Results: ${view.cycle.title}` })
  })
  .get('/cycles/:id/results/:file{[a-z-]+\\.csv}', async (c) => {
    const id = cycleIdOf(c)
    const kind = DOWNLOADS.safeParse(c.req.param('file').replace(/\.csv$/, ''))
    if (!id || !kind.success) return c.notFound()
    const { filename, csv } = await analysisCsv(c.var.db, c.var.actor, id, kind.data, c.var.clientIp)
    return csvDownload(c, filename, csv)
  })
