import { Hono } from 'hono'
import { stream } from 'hono/streaming'
import { reportPdfPackFacts, reportPdfZip, startReportPdfPack } from '../../../services/reports/report-pdf-pack'
import type { AppEnv } from '../../context'
import { cycleIdOf } from '../cycle-id-param'
import { seeOther } from '../../flash'
import { ReportPdfsPage, reportPdfsPath } from '../../views/admin/report-pdfs-page'

// Mounted at /admin/cycles/:id/reports beside the reports page: "prepare every report as PDF" (confirmation,
// progress, start) and the zip's download (decision 170). The service checks the admin and audits.

export const cycleReportPdfRoutes = new Hono<AppEnv>()
  .get('/pdfs', async (c) => {
    const id = cycleIdOf(c)
    if (!id) return c.notFound()
    const facts = await reportPdfPackFacts(c.var.db, c.var.actor, id)
    return c.render(<ReportPdfsPage {...facts} />, { title: `Every report of ${facts.cycleTitle} as PDF` })
  })
  .post('/pdfs', async (c) => {
    const id = cycleIdOf(c)
    if (!id) return c.notFound()
    const { count } = await startReportPdfPack(c.var.db, c.var.deps.jobs, c.var.actor, id, c.var.clientIp)
    return seeOther(c, reportPdfsPath(id), `Preparing ${count} report ${count === 1 ? 'PDF' : 'PDFs'} in the background.`)
  })
  .get('/pdfs.zip', async (c) => {
    const id = cycleIdOf(c)
    if (!id) return c.notFound()
    const zip = await reportPdfZip(c.var.db, c.var.actor, id, c.var.clientIp)
    // A bookmarked download before a run finished: the page says where things stand.
    if (!zip) return seeOther(c, reportPdfsPath(id), 'No zip is ready yet: prepare the reports first, or wait until it finishes.')
    c.header('Content-Type', 'application/zip')
    c.header('Content-Disposition', `attachment; filename="${zip.filename}"`)
    c.header('Cache-Control', 'private, no-store')
    // A failure once bytes have gone ends the response: a broken download, never a complete-looking zip.
    return stream(c, async (s) => zip.write({ write: async (chunk) => void (await s.write(chunk)) }))
  })
