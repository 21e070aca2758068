import { Hono } from 'hono'
import { stream } from 'hono/streaming'
import { z } from 'zod'
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, IDENTIFIED_FORMATS, exportFileName, type ExportFormat } from '../../../services/research/export-formats'
import { writeExportFile } from '../../../services/research/export-files'
import { auditExport, prepareExport, type PreparedExport } from '../../../services/research/research-export'
import { identifiedExportPage } from '../../../services/research/research-cycles'
import type { AppEnv, Ctx } from '../../context'
import { IdentifiedExportPage } from '../../views/research/identified-export-page'

// Research files: the de-identified export in every format, and the program team's identified export behind a
// confirmation. The service checks who asks and whether the cycle may be exported before a byte is sent; each
// download is audited, then streamed from the database as it is written.

const CycleId = z.uuid()
const Format = z.enum(EXPORT_FORMATS)
const IdentifiedForm = z.object({ format: z.enum(IDENTIFIED_FORMATS, { error: 'Choose the file type.' }) })

function send(c: Ctx, prepared: PreparedExport, format: ExportFormat) {
  const info = EXPORT_FORMAT_INFO[format]
  c.header('Content-Type', info.contentType)
  // The codebook page opens in the browser; every other file downloads under its own name.
  if (format !== 'codebook-html') c.header('Content-Disposition', `attachment; filename="${exportFileName(prepared.cycle.title, format, prepared.kind)}"`)
  c.header('Cache-Control', 'private, no-store')
  c.header('X-Content-Type-Options', 'nosniff')
  // A failure once bytes have gone cannot become an error page: Hono logs it and ends the response, which the
  // client sees as a broken download rather than a complete-looking file.
  return stream(c, async (s) => {
    await writeExportFile(prepared, format, { write: async (chunk) => void (await s.write(chunk)) }, new Date())
  })
}

export const researchExportRoutes = new Hono<AppEnv>()
    .get('/cycles/:id/exports/:format', async (c) => {
      const id = CycleId.safeParse(c.req.param('id'))
      const format = Format.safeParse(c.req.param('format'))
      if (!id.success || !format.success) return c.notFound()
      const prepared = await prepareExport(c.var.db, c.var.actor, id.data, 'deidentified')
      await auditExport(c.var.db, c.var.actor, prepared, format.data, c.var.clientIp)
      return send(c, prepared, format.data)
    })
    .get('/cycles/:id/identified', async (c) => {
      const id = CycleId.safeParse(c.req.param('id'))
      if (!id.success) return c.notFound()
      const view = await identifiedExportPage(c.var.db, c.var.actor, id.data)
      return c.render(<IdentifiedExportPage cycle={view} />, { title: `Export naming schools: ${view.title}` })
    })
    .post('/cycles/:id/identified', async (c) => {
      const id = CycleId.safeParse(c.req.param('id'))
      if (!id.success) return c.notFound()
      const form = IdentifiedForm.safeParse(await c.req.parseBody())
      if (!form.success) {
        const view = await identifiedExportPage(c.var.db, c.var.actor, id.data)
        c.status(422)
        return c.render(<IdentifiedExportPage cycle={view} form={{ values: {}, errors: { format: ['Choose the file type.'] } }} />, { title: `Error: Export naming schools: ${view.title}` })
      }
      const prepared = await prepareExport(c.var.db, c.var.actor, id.data, 'identified')
      await auditExport(c.var.db, c.var.actor, prepared, form.data.format, c.var.clientIp)
      return send(c, prepared, form.data.format)
    })
