import { zValidator } from '@hono/zod-validator'
import { z } from 'zod'
import { notFound } from '../../services/errors'

export const MailFilter = z.object({ status: z.enum(['queued', 'sent', 'failed']).optional().catch(undefined) })

/** A malformed message id is the same as an unknown one: the 404 page. */
export const mailIdParam = zValidator('param', z.object({ id: z.uuid() }), (result) => {
  if (!result.success) notFound('message')
})
