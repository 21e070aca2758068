import { Hono } from 'hono'
import { z } from 'zod'
import { applyCarryForward, previewCarryForward } from '../../../services/carry-forward/carry-forward'
import type { AppEnv } from '../../context'
import { seeOther } from '../../flash'
import { CarryForwardPage } from '../../views/school/carry-forward-page'

// Mounted at /school: pre-filling a response from the school's earlier submitted one.

const Id = z.uuid()

export const carryForwardRoutes = new Hono<AppEnv>()
  .get('/responses/:responseId/carry-forward', async (c) => {
    const id = Id.safeParse(c.req.param('responseId'))
    if (!id.success) return c.notFound()
    const offer = await previewCarryForward(c.var.db, c.var.actor, id.data)
    return c.render(<CarryForwardPage offer={offer} />, { title: `Pre-fill: ${offer.response.schoolName}` })
  })
  .post('/responses/:responseId/carry-forward', async (c) => {
    const id = Id.safeParse(c.req.param('responseId'))
    if (!id.success) return c.notFound()
    const { written, skipped } = await applyCarryForward(c.var.db, c.var.actor, id.data, c.var.clientIp)
    const left = skipped.notAsked + skipped.noLongerValid + skipped.alreadyAnswered
    return seeOther(c, `/school/responses/${id.data}`, `${written} ${written === 1 ? 'answer' : 'answers'} pre-filled for review; ${left} left out.`)
  })
