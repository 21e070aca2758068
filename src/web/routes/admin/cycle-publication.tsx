import { Hono } from 'hono'
import { z } from 'zod'
import { publicationPreview, setPublication } from '../../../services/cycles/participation-publication'
import type { AppEnv } from '../../context'
import { cycleIdOf } from '../cycle-id-param'
import { seeOther } from '../../flash'
import { messagesFor } from '../../i18n/messages'
import { CyclePublicationPage } from '../../views/admin/cycle-publication-page'

// Mounted at /admin/cycles/:id/publication: the preview of the public participation figures, publish, withdraw.

const Publish = z.object({ publish: z.enum(['yes', 'no']) })

export const cyclePublicationRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const cycleId = cycleIdOf(c)
    if (!cycleId) return c.notFound()
    const preview = await publicationPreview(c.var.db, c.var.actor, cycleId)
    return c.render(<CyclePublicationPage preview={preview} m={messagesFor(c)} />, { title: 'Public participation figures' })
  })
  .post('/', async (c) => {
    const cycleId = cycleIdOf(c)
    const form = Publish.safeParse(await c.req.parseBody())
    if (!cycleId || !form.success) return c.notFound()
    const publish = form.data.publish === 'yes'
    await setPublication(c.var.db, c.var.actor, cycleId, publish, c.var.clientIp)
    const message = publish ? 'Participation published on the public page.' : 'Participation withdrawn from the public page.'
    return seeOther(c, `/admin/cycles/${cycleId}/publication`, message)
  })
