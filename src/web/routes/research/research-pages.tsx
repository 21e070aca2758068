import { Hono } from 'hono'
import { z } from 'zod'
import { can } from '../../../domain/policy/policy'
import { researchCycle, researchHome } from '../../../services/research/research-cycles'
import type { AppEnv } from '../../context'
import { ResearchCyclePage } from '../../views/research/research-cycle-page'
import { ResearchHomePage } from '../../views/research/research-home-page'

// The analyst area's own pages: the list of rounds and one round's page with its exports.

export const researchPageRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.render(<ResearchHomePage cycles={await researchHome(c.var.db, c.var.actor)} />, { title: 'Research' }))
  .get('/cycles/:id', async (c) => {
    const id = z.uuid().safeParse(c.req.param('id'))
    if (!id.success) return c.notFound()
    const cycle = await researchCycle(c.var.db, c.var.actor, id.data)
    return c.render(<ResearchCyclePage cycle={cycle} mayExportIdentified={can(c.var.actor, 'research.export.identified')} />, { title: `Research: ${cycle.title}` })
  })
