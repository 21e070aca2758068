import { Hono } from 'hono'
import { z } from 'zod'
import { analysisCsv } from '../../../services/research/analysis-downloads'
import { researchQuality } from '../../../services/research/instrument-quality'
import { itemRestSvg } from '../../charts/item-rest-chart'
import { itemSharesSvg } from '../../charts/item-shares-chart'
import { itemRestRows, shareRows } from '../../charts/quality-chart-rows'
import type { AppEnv } from '../../context'
import { QualityPage, type AreaCharts } from '../../views/research/quality-page'
import { csvDownload } from '../admin/csv-download'

// Mounted at /research/cycles/:id/quality: how the cycle's instrument version worked, and its CSVs.

const DOWNLOADS = z.enum(['quality-items', 'quality-answers', 'quality-areas'])

export const researchQualityRoutes = new Hono<AppEnv>()
  .get('/cycles/:id/quality', async (c) => {
    const id = z.uuid().safeParse(c.req.param('id'))
    if (!id.success) return c.notFound()
    const view = await researchQuality(c.var.db, c.var.actor, id.data)
    const charts: AreaCharts = new Map()
    for (const area of view.quality?.areas ?? []) {
      const items = view.quality!.items.filter((q) => q.areaId === area.areaId)
      const shares = shareRows(items)
      const rest = itemRestRows(items)
      charts.set(area.areaId, { shares: shares.length > 0 ? await itemSharesSvg(shares) : null, itemRest: rest.length > 0 ? await itemRestSvg(rest) : null })
    }
    return c.render(<QualityPage view={view} charts={charts} />, { title: `Instrument quality: ${view.cycle.title}` })
  })
  .get('/cycles/:id/quality/:file{[a-z-]+\\.csv}', async (c) => {
    const id = z.uuid().safeParse(c.req.param('id'))
    const kind = DOWNLOADS.safeParse(c.req.param('file').replace(/\.csv$/, ''))
    if (!id.success || !kind.success) return c.notFound()
    const { filename, csv } = await analysisCsv(c.var.db, c.var.actor, id.data, kind.data, c.var.clientIp)
    return csvDownload(c, filename, csv)
  })
