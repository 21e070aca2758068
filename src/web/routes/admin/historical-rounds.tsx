import { Hono } from 'hono'
import { z } from 'zod'
import { historicalRoundVersions, importHistoricalRound, previewHistoricalRound } from '../../../services/history/historical-import'
import { historicalCodebook, historicalTemplateCsv } from '../../../services/history/historical-templates'
import type { HistoricalRoundInput } from '../../../domain/history/historical-round-settings'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import type { FormState } from '../../form'
import { HistoricalCodebookPage } from '../../views/admin/historical-codebook-page'
import { HistoricalRoundPreviewPage, HistoricalRoundUploadPage } from '../../views/admin/historical-round-pages'
import { csvDownload } from './csv-download'

/** The path of the upload and its confirm step, which carry the file (app.tsx gives them the upload body limit). */
export const HISTORICAL_UPLOAD_PATH = /^\/admin\/historical-rounds(\/confirm)?\/?$/

const Version = z.string().regex(/^[a-z][a-z0-9-]*$/)
const FIELDS = ['title', 'year', 'instrumentVersion'] as const

const uploadPage = async (c: Ctx, form: FormState) =>
  c.render(<HistoricalRoundUploadPage form={form} versions={await historicalRoundVersions(c.var.db, c.var.actor)} />, { title: 'Import a past round' })

/** The round's fields as typed (so the form can show them again) and the uploaded file or confirmed content. */
async function readForm(c: Ctx) {
  const body = await c.req.parseBody()
  const input = Object.fromEntries(FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string).slice(0, 500) : ''])) as HistoricalRoundInput
  const file = body.file
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer())
    : typeof body.content === 'string' ? new Uint8Array(Buffer.from(body.content, 'base64')) : null
  return { input, bytes }
}

function versionOf(c: Ctx) {
  const v = Version.safeParse(c.req.param('version'))
  return v.success ? v.data : null
}

export const historicalRoundRoutes = new Hono<AppEnv>()
  .get('/', (c) => uploadPage(c, { values: { year: '2019' }, errors: {} }))
  .post('/', async (c) => {
    const { input, bytes } = await readForm(c)
    const preview = await previewHistoricalRound(c.var.db, c.var.actor, input, bytes)
    if (!preview.ok) {
      c.status(422)
      return uploadPage(c, { values: { ...input }, errors: preview.errors })
    }
    if (preview.problems.length > 0) c.status(422)
    return c.render(<HistoricalRoundPreviewPage preview={preview} content={Buffer.from(bytes!).toString('base64')} />, { title: 'Check the import' })
  })
  .post('/confirm', async (c) => {
    const { input, bytes } = await readForm(c)
    const result = await importHistoricalRound(c.var.db, c.var.actor, input, bytes ?? new Uint8Array(), c.var.clientIp)
    if (!result.ok) {
      c.status(422)
      return uploadPage(c, { values: { ...input }, errors: result.errors })
    }
    if (result.cycleId === undefined) {
      c.status(409)
      return c.render(<HistoricalRoundPreviewPage preview={result} content={Buffer.from(bytes!).toString('base64')} />, { title: 'Check the import' })
    }
    return seeOther(c, `/admin/cycles/${result.cycleId}`, `Imported ${result.rows.length} schools into ${result.settings.title}.`)
  })
  .get('/:version/answers-template.csv', async (c) => {
    const version = versionOf(c)
    if (!version) return c.notFound()
    return csvDownload(c, `${version}-answers-template.csv`, await historicalTemplateCsv(c.var.db, c.var.actor, version, 'answers'))
  })
  .get('/:version/area-scores-template.csv', async (c) => {
    const version = versionOf(c)
    if (!version) return c.notFound()
    return csvDownload(c, `${version}-area-scores-template.csv`, await historicalTemplateCsv(c.var.db, c.var.actor, version, 'area-scores'))
  })
  .get('/:version/codebook', async (c) => {
    const version = versionOf(c)
    if (!version) return c.notFound()
    const book = await historicalCodebook(c.var.db, c.var.actor, version)
    return c.render(<HistoricalCodebookPage book={book} />, { title: `Codebook: ${version}` })
  })
