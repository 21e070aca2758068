import { Hono } from 'hono'
import { z } from 'zod'
import { confirmClose, confirmRelease, confirmReminders } from '../../../services/admin/cycle-confirmations'
import type { AppEnv, Ctx } from '../../context'
import { cycleIdOf } from '../cycle-id-param'
import { CloseConfirmPage, ReleaseConfirmPage, RemindersConfirmPage } from '../../views/admin/cycle-confirm-pages'

// Mounted at /admin/cycles/:id/confirm: the check-before-you-act pages (opening has its own, with the counts per
// discipline: /admin/cycles/:id/open). Each posts to the action it describes,
// which is unchanged; without JavaScript the confirmation is simply a page.

const baseUrl = (c: Ctx) => c.var.deps.config.baseUrl

export const cycleConfirmationRoutes = new Hono<AppEnv>()
  .get('/close', async (c) => {
    const id = cycleIdOf(c)
    if (!id) return c.notFound()
    return c.render(<CloseConfirmPage facts={await confirmClose(c.var.db, c.var.actor, id)} />, { title: 'Close the cycle' })
  })
  .get('/release', async (c) => {
    const id = cycleIdOf(c)
    if (!id) return c.notFound()
    const school = z.uuid().safeParse(c.req.query('schoolId'))
    const schoolId = school.success ? school.data : undefined
    const facts = await confirmRelease(c.var.db, c.var.actor, baseUrl(c), id, schoolId)
    return c.render(<ReleaseConfirmPage facts={facts} schoolId={schoolId} />, { title: 'Release the reports' })
  })
  .get('/reminders', async (c) => {
    const id = cycleIdOf(c)
    if (!id) return c.notFound()
    return c.render(<RemindersConfirmPage facts={await confirmReminders(c.var.db, c.var.actor, baseUrl(c), id)} />, { title: 'Send the due reminders now' })
  })
