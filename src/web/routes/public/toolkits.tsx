import { Hono } from 'hono'
import { z } from 'zod'
import { publicResource, publicToolkits, resourceDownload } from '../../../services/resources/resources'
import type { AppEnv } from '../../context'
import { messagesFor } from '../../i18n/messages'
import { ResourcePage, ToolkitsPage } from '../../views/public/toolkit-pages'

const Slug = z.string().regex(/^[a-z0-9-]{1,80}$/)

export const toolkitRoutes = new Hono<AppEnv>()
  .get('/toolkits', async (c) => {
    const m = messagesFor(c)
    return c.render(<ToolkitsPage m={m} toolkits={await publicToolkits(c.var.db)} />, { title: m.toolkits.title, description: m.toolkits.description })
  })
  .get('/toolkits/:slug', async (c) => {
    const slug = Slug.safeParse(c.req.param('slug'))
    if (!slug.success) return c.notFound()
    const m = messagesFor(c)
    const resource = await publicResource(c.var.db, slug.data)
    return c.render(<ResourcePage m={m} resource={resource} />, { title: resource.title, description: resource.summary.slice(0, 300) })
  })
  .get('/toolkits/:slug/file', async (c) => {
    const slug = Slug.safeParse(c.req.param('slug'))
    if (!slug.success) return c.notFound()
    const file = await resourceDownload(c.var.db, slug.data)
    // Always a download, never shown inline: a stored file can never run as a page of our site.
    return c.body(new Uint8Array(file.data), 200, {
      'Content-Type': file.fileType,
      'Content-Disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Content-Length': String(file.data.length),
      'X-Content-Type-Options': 'nosniff',
    })
  })
