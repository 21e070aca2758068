import { Hono } from 'hono'
import { z } from 'zod'
import { WATCHED_JOBS, cycleJobStatus, type WatchedJob } from '../../../services/admin/job-status'
import type { AppEnv } from '../../context'

const Params = z.object({ id: z.uuid(), job: z.enum(Object.keys(WATCHED_JOBS) as [WatchedJob, ...WatchedJob[]]) })

/** Mounted at /admin/cycles/:id/progress: a long job's progress as JSON, for the script that updates the page. */
export const jobProgressRoutes = new Hono<AppEnv>().get('/:job', async (c) => {
  const params = Params.safeParse({ id: c.req.param('id'), job: c.req.param('job') })
  if (!params.success) return c.notFound()
  c.header('Cache-Control', 'no-store')
  return c.json(await cycleJobStatus(c.var.db, c.var.actor, params.data.job, params.data.id))
})
