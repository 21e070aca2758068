import { Hono } from 'hono'
import { z } from 'zod'
import { MAPPED_FIELDS, NURSING_BY_DEGREE, type ColumnMapping } from '../../../domain/school/directory-column-mapping'
import { DISCIPLINES } from '../../../domain/school/school-facts'
import {
  confirmDirectoryImport,
  directoryTemplateCsv,
  previewDirectoryImport,
  type ImportPreview,
  type MappingChoice,
} from '../../../services/directory/directory-import'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { textValues, type FormValues } from '../../form'
import { ImportPreviewPage, ImportUploadPage } from '../../views/admin/directory-import-pages'
import { DISCIPLINE_FOR_ALL, ImportMappingPage, mappingFieldName } from '../../views/admin/directory-import-mapping'
import { csvDownload } from './csv-download'

const uploadPage = (c: Ctx, message?: string) => c.render(<ImportUploadPage message={message} />, { title: 'Import schools' })

/** The file travels back with each next step, base64-encoded, and is checked again before anything is written. */
const encode = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const decode = (content: string) => new Uint8Array(Buffer.from(content, 'base64'))

const Column = z.string().trim().min(1).max(300).optional().catch(undefined)
const DisciplineForAll = z.enum([...DISCIPLINES, NURSING_BY_DEGREE]).nullable().catch(null)
const UpdatedRow = z.coerce.number().int().min(2)

/** The mapping carried by a form (the mapping step's selects, or hidden fields), or null when it has none. */
function mappingFromForm(values: FormValues): ColumnMapping | null {
  const columns: ColumnMapping['columns'] = {}
  for (const field of MAPPED_FIELDS) {
    const column = Column.parse(values[mappingFieldName(field)])
    if (column !== undefined) columns[field] = column
  }
  const discipline = DisciplineForAll.parse(values[DISCIPLINE_FOR_ALL] || null)
  return Object.keys(columns).length === 0 && discipline === null ? null : { columns, discipline }
}

/** The page for where the import stands: the file unreadable, its columns to map, or its dry run. */
function previewPage(c: Ctx, preview: ImportPreview, content: string, status?: 409) {
  if (!preview.ok) {
    c.status(422)
    return uploadPage(c, preview.message)
  }
  if (preview.step === 'mapping') {
    if (preview.problems.length > 0) c.status(status ?? 422)
    return c.render(<ImportMappingPage step={preview} content={content} />, { title: 'Which column holds what?' })
  }
  if (preview.plan.problems.length > 0) c.status(status ?? 422)
  return c.render(<ImportPreviewPage preview={preview} content={content} />, { title: 'Check the import' })
}

export const directoryImportRoutes = new Hono<AppEnv>()
  .get('/', (c) => uploadPage(c))
  .get('/template.csv', (c) => csvDownload(c, 'schools-template.csv', directoryTemplateCsv()))
  // One address for every step before the confirm: a new file, the mapping step's answer, or "change the mapping".
  .post('/', async (c) => {
    const body = await c.req.parseBody()
    const file = body.file
    if (file instanceof File) {
      if (file.size === 0) {
        c.status(422)
        return uploadPage(c, 'Choose a CSV file to upload.')
      }
      const bytes = new Uint8Array(await file.arrayBuffer())
      return previewPage(c, await previewDirectoryImport(c.var.db, c.var.actor, bytes), encode(bytes))
    }
    const values = textValues(body)
    const content = values.content
    if (!content) {
      c.status(422)
      return uploadPage(c, 'Choose a CSV file to upload.')
    }
    const mapping = mappingFromForm(values)
    const choice: MappingChoice = values.step === 'remap' ? { mapping, remap: true } : { mapping: mapping ?? { columns: {}, discipline: null } }
    return previewPage(c, await previewDirectoryImport(c.var.db, c.var.actor, decode(content), choice), content)
  })
  .post('/confirm', async (c) => {
    const body = await c.req.parseBody({ all: true })
    const values = textValues(body)
    const content = values.content
    if (!content) return uploadPage(c, 'The import expired; upload the file again.')
    const ticked = [body.update ?? []].flat().map((v) => UpdatedRow.safeParse(v)).flatMap((r) => (r.success ? [r.data] : []))
    const result = await confirmDirectoryImport(
      c.var.db,
      c.var.actor,
      decode(content),
      { mapping: mappingFromForm(values) },
      { all: values.updates === 'all', rows: new Set(ticked) },
      c.var.clientIp,
    )
    if (!('counts' in result)) return previewPage(c, result, content, 409)
    const { added, updated, skipped, unchanged } = result.counts
    return seeOther(c, '/admin/schools', `Imported: ${added} added, ${updated} updated, ${skipped} skipped, ${unchanged} unchanged.`)
  })
