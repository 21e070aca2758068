import { Hono } from 'hono'
import { zValidator } from '@hono/zod-validator'
import { z } from 'zod'
import { RESOURCE_KINDS } from '../../../domain/resources/resource-rules'
import { currentAreaChoices } from '../../../services/public/instrument-outline'
import {
  deleteResourceById,
  removeResourceFile,
  resourceForEditing,
  resourcesForAdmin,
  saveResource,
  type UploadedFile,
} from '../../../services/resources/resources'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import type { FormState } from '../../form'
import { readForm } from '../../localized-form'
import { ResourceFormPage, ResourceListPage } from '../../views/admin/resource-pages'

/** Upload posts may carry a 5 MB file; app.tsx gives these paths a larger body limit than the rest. */
export const RESOURCE_UPLOAD_PATH = /^\/admin\/resources(\/[0-9a-f-]{36})?\/?$/

const field = (label: string, max: number) => z.string().trim().min(1, `Enter a ${label}.`).max(max, `Use at most ${max} characters.`)
const ResourceForm = z.object({
  title: field('title', 160),
  summary: field('summary', 600),
  body: z.string().trim().max(20_000, 'Use at most 20,000 characters.').default(''),
  kind: z.enum(RESOURCE_KINDS, 'Choose a kind.'),
  areaId: z.string().max(80).optional().transform((v) => v || null),
})
const Id = zValidator('param', z.object({ id: z.uuid() }), (r, c) => (r.success ? undefined : c.notFound()))

const formPage = async (c: Ctx, form: FormState, id?: string) => {
  const resource = id ? await resourceForEditing(c.var.db, c.var.actor, id) : undefined
  return c.render(<ResourceFormPage resource={resource} form={form} areas={await currentAreaChoices(c.var.db)} />, { title: resource ? `Edit ${resource.title}` : 'Add a resource' })
}

async function save(c: Ctx, id: string | null) {
  const read = await readForm(c, ResourceForm)
  if (!read.ok) {
    c.status(422)
    return formPage(c, read.form, id ?? undefined)
  }
  const raw = (await c.req.parseBody())['file']
  const file: UploadedFile | null = raw instanceof File && raw.size > 0 ? { name: raw.name, size: raw.size, bytes: () => raw.arrayBuffer() } : null
  const result = await saveResource(c.var.db, c.var.actor, id, read.data, file, { ip: c.var.clientIp })
  if (!result.ok) {
    c.status(422)
    return formPage(c, { values: read.values, errors: result.errors }, id ?? undefined)
  }
  return seeOther(c, '/admin/resources', id ? 'The resource is saved.' : 'The resource is added.')
}

export const adminResourceRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.render(<ResourceListPage resources={await resourcesForAdmin(c.var.db, c.var.actor)} />, { title: 'Toolkits and resources' }))
  .get('/new', (c) => formPage(c, { values: { kind: 'toolkit' }, errors: {} }))
  .post('/', (c) => save(c, null))
  .get('/:id', Id, async (c) => {
    const { id } = c.req.valid('param')
    const r = await resourceForEditing(c.var.db, c.var.actor, id)
    return formPage(c, { values: { title: r.title, summary: r.summary, body: r.body, kind: r.kind, areaId: r.areaId ?? '' }, errors: {} }, id)
  })
  .post('/:id', Id, (c) => save(c, c.req.valid('param').id))
  .post('/:id/remove-file', Id, async (c) => {
    const { id } = c.req.valid('param')
    await removeResourceFile(c.var.db, c.var.actor, id, { ip: c.var.clientIp })
    return seeOther(c, `/admin/resources/${id}`, 'The file is removed.')
  })
  .post('/:id/delete', Id, async (c) => {
    await deleteResourceById(c.var.db, c.var.actor, c.req.valid('param').id, { ip: c.var.clientIp })
    return seeOther(c, '/admin/resources', 'The resource is deleted.')
  })
