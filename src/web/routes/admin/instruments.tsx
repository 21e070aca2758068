import { Hono } from 'hono'
import { z } from 'zod'
import { instrumentForDiscipline } from '../../../domain/instrument/instrument-applicability'
import { readInstrumentForm } from '../../../domain/instrument/instrument-form'
import { DISCIPLINES } from '../../../domain/school/school-facts'
import { AppError } from '../../../services/errors'
import { compareVersions, listVersions, openVersion } from '../../../services/instruments/instrument-catalog'
import { printInstrument } from '../../../services/instruments/instrument-print'
import type { AppEnv, Ctx } from '../../context'
import { InstrumentDiffPage } from '../../views/admin/instrument-diff-page'
import { InstrumentListPage } from '../../views/admin/instrument-list-page'
import { InstrumentPreviewPage } from '../../views/admin/instrument-preview-page'
import { InstrumentVersionPage } from '../../views/admin/instrument-version-page'

const VersionId = z.string().regex(/^[a-z][a-z0-9-]{0,80}$/)
const Discipline = z.enum(DISCIPLINES)

const versionIdOf = (c: Ctx, name: string, value = c.req.param(name)) => {
  const parsed = VersionId.safeParse(value)
  if (!parsed.success) throw new AppError('not_found', 'We could not find that instrument version.', 404)
  return parsed.data
}
const disciplineOf = (c: Ctx) => {
  const parsed = Discipline.safeParse(c.req.query('discipline') ?? 'md')
  if (!parsed.success) throw new AppError('bad_discipline', 'Choose a discipline from the list.', 400)
  return parsed.data
}

export const adminInstrumentRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.render(<InstrumentListPage versions={await listVersions(c.var.db, c.var.actor)} />, { title: 'Instrument versions' }))
  .get('/diff', async (c) => {
    const diff = await compareVersions(c.var.db, c.var.actor, versionIdOf(c, 'before', c.req.query('before')), versionIdOf(c, 'after', c.req.query('after')))
    return c.render(<InstrumentDiffPage {...diff} />, { title: `${diff.before.id} compared with ${diff.after.id}` })
  })
  .get('/:id', async (c) => {
    const version = await openVersion(c.var.db, c.var.actor, versionIdOf(c, 'id'))
    return c.render(<InstrumentVersionPage version={version} />, { title: version.title })
  })
  .get('/:id/preview', async (c) => {
    const discipline = disciplineOf(c)
    const version = await openVersion(c.var.db, c.var.actor, versionIdOf(c, 'id'))
    const instrument = instrumentForDiscipline(version.instrument, discipline)
    const query = c.req.queries()
    const field = (name: string) => query[name] ?? []
    const read = readInstrumentForm(instrument, field)
    const page = <InstrumentPreviewPage instrument={instrument} discipline={discipline} field={field} read={read} submitted={c.req.query('submitted') === '1'} />
    return c.render(page, { title: `Preview ${version.id}` })
  })
  .get('/:id/print', async (c) => {
    const { filename, pdf } = await printInstrument(c.var.db, c.var.actor, versionIdOf(c, 'id'), disciplineOf(c))
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${filename}"` })
  })
