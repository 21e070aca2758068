import { Hono } from 'hono'
import { z } from 'zod'
import { schoolBadgePage, setDirectoryListing } from '../../../services/badges/badge-settings'
import type { AppEnv } from '../../context'
import { seeOther } from '../../flash'
import { BadgeListingPage } from '../../views/school/badge-listing-page'

// Mounted at /school/badges: a leader's view of the school's badges and the directory opt-in/out (decision 128).

const Id = z.uuid()

export const schoolBadgeListingRoutes = new Hono<AppEnv>()
  .get('/:schoolId', async (c) => {
    const id = Id.safeParse(c.req.param('schoolId'))
    if (!id.success) return c.notFound()
    const page = await schoolBadgePage(c.var.db, c.var.actor, id.data, new Date())
    return c.render(<BadgeListingPage page={page} />, { title: `Badges of ${page.schoolName}` })
  })
  .post('/:schoolId/listing', async (c) => {
    const id = Id.safeParse(c.req.param('schoolId'))
    if (!id.success) return c.notFound()
    const listed = (await c.req.parseBody()).listed === 'yes'
    const done = await setDirectoryListing(c.var.db, c.var.actor, id.data, listed, c.var.clientIp)
    return seeOther(c, `/school/badges/${id.data}`, listed ? `${done.schoolName} is listed in the public directory.` : `${done.schoolName} is no longer listed in the public directory.`)
  })
