import { Hono } from 'hono'
import { z } from 'zod'
import { isDiscipline } from '../../../domain/cycle/cycle-settings'
import { DIRECTORY_FIELDS } from '../../../domain/school/directory-entry'
import { requestedPage } from '../../../domain/paging/page-slice'
import { browseDirectory, directorySchool, saveSchool, type DirectoryFilter } from '../../../services/directory/directory-schools'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { textValues, type FormState } from '../../form'
import { DirectoryListPage, SchoolFormPage } from '../../views/admin/directory-pages'
import { csvDownload } from './csv-download'
import { directoryImportRoutes } from './directory-import'
import { exportDirectoryCsv } from '../../../services/directory/directory-import'

const Query = z.object({
  q: z.string().max(200).catch(''),
  discipline: z.string().max(40).catch(''),
  state: z.string().max(2).catch(''),
  status: z.string().max(10).catch(''),
})
const Id = z.uuid()

const schoolForm = (c: Ctx, id: string | null, form: FormState) =>
  c.render(<SchoolFormPage id={id} form={form} />, { title: id ? 'Edit school' : 'Add a school' })

async function save(c: Ctx, id: string | null) {
  const values = textValues(await c.req.parseBody())
  const fields = Object.fromEntries(DIRECTORY_FIELDS.map((f) => [f, values[f] ?? '']))
  const saved = await saveSchool(c.var.db, c.var.actor, id, fields, c.var.clientIp)
  if (!saved.ok) {
    c.status(422)
    return schoolForm(c, id, { values: fields, errors: saved.errors })
  }
  return seeOther(c, '/admin/schools', id ? 'School saved.' : 'School added.')
}

export const directoryRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const q = Query.parse(c.req.query())
    const filter: DirectoryFilter = {}
    if (q.q) filter.q = q.q
    if (isDiscipline(q.discipline)) filter.discipline = q.discipline
    if (q.state) filter.state = q.state
    if (q.status === 'active' || q.status === 'inactive') filter.status = q.status
    const listing = await browseDirectory(c.var.db, c.var.actor, filter, requestedPage(c.req.query('page')))
    return c.render(<DirectoryListPage listing={listing} query={q} />, { title: 'Directory of schools' })
  })
  .get('/export.csv', async (c) => csvDownload(c, 'schools.csv', await exportDirectoryCsv(c.var.db, c.var.actor, c.var.clientIp)))
  .route('/import', directoryImportRoutes)
  .get('/template.csv', (c) => c.redirect('/admin/schools/import/template.csv', 302))
  .get('/new', (c) => schoolForm(c, null, { values: { carnegie_group: 'other', status: 'active' }, errors: {} }))
  .post('/new', (c) => save(c, null))
  .get('/:id', async (c) => {
    const id = Id.safeParse(c.req.param('id'))
    if (!id.success) return c.notFound()
    const s = await directorySchool(c.var.db, c.var.actor, id.data)
    const values = {
      name: s.name, parent_institution: s.parentInstitution ?? '', city: s.city, state: s.state, discipline: s.discipline,
      control: s.control, carnegie_group: s.carnegieGroup, ipeds_unit_id: s.ipedsUnitId?.toString() ?? '', website: s.website ?? '',
      dean_name: s.deanName ?? '', dean_email: s.deanEmail ?? '', status: s.status,
    }
    return schoolForm(c, s.id, { values, errors: {} })
  })
  .post('/:id', async (c) => {
    const id = Id.safeParse(c.req.param('id'))
    if (!id.success) return c.notFound()
    return save(c, id.data)
  })
