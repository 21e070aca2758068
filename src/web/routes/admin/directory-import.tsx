import { Hono } from 'hono'
import { confirmDirectoryImport, directoryTemplateCsv, previewDirectoryImport } from '../../../services/directory/directory-import'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { ImportPreviewPage, ImportUploadPage } from '../../views/admin/directory-import-pages'
import { csvDownload } from './csv-download'

const uploadPage = (c: Ctx, message?: string) => c.render(<ImportUploadPage message={message} />, { title: 'Import schools' })

/** The file travels back with the confirm button, base64-encoded, and is checked again before anything is written. */
const encode = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

export const directoryImportRoutes = new Hono<AppEnv>()
  .get('/', (c) => uploadPage(c))
  .get('/template.csv', (c) => csvDownload(c, 'schools-template.csv', directoryTemplateCsv()))
  .post('/', async (c) => {
    const body = await c.req.parseBody()
    const file = body.file
    if (!(file instanceof File) || file.size === 0) {
      c.status(422)
      return uploadPage(c, 'Choose a CSV file to upload.')
    }
    const bytes = new Uint8Array(await file.arrayBuffer())
    const preview = await previewDirectoryImport(c.var.db, c.var.actor, bytes)
    if (!preview.ok) {
      c.status(422)
      return uploadPage(c, preview.message)
    }
    if (preview.plan.problems.length > 0) c.status(422)
    return c.render(<ImportPreviewPage preview={preview} content={encode(bytes)} />, { title: 'Check the import' })
  })
  .post('/confirm', async (c) => {
    const content = (await c.req.parseBody()).content
    if (typeof content !== 'string' || content.length === 0) return uploadPage(c, 'The import expired; upload the file again.')
    const bytes = new Uint8Array(Buffer.from(content, 'base64'))
    const result = await confirmDirectoryImport(c.var.db, c.var.actor, bytes, c.var.clientIp)
    if (!result.ok) {
      c.status(422)
      return uploadPage(c, result.message)
    }
    if (result.written === undefined) {
      c.status(409)
      return c.render(<ImportPreviewPage preview={result} content={content} />, { title: 'Check the import' })
    }
    return seeOther(c, '/admin/schools', `Imported ${result.written} schools.`)
  })
