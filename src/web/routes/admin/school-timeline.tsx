import { Hono } from 'hono'
import { z } from 'zod'
import { schoolTimeline } from '../../../services/admin/school-timeline'
import type { AppEnv } from '../../context'
import { SchoolTimelinePage } from '../../views/admin/school-timeline-page'

const Ids = z.object({ id: z.uuid(), pid: z.uuid() })

/** Mounted at /admin/cycles/:id/schools/:pid/timeline. */
export const schoolTimelineRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const ids = Ids.safeParse({ id: c.req.param('id'), pid: c.req.param('pid') })
  if (!ids.success) return c.notFound()
  const timeline = await schoolTimeline(c.var.db, c.var.actor, ids.data.pid)
  if (timeline.participation.cycleId !== ids.data.id) return c.notFound()
  return c.render(<SchoolTimelinePage timeline={timeline} />, { title: `Timeline: ${timeline.participation.schoolName}` })
})
