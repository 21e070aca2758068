import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i

/**
 * Reads a posted form once, before any route: a body that does not parse as the form it claims to be (a cut-off
 * multipart, a boundary that never closes) is a 400 with the usual page, wherever the route calls `parseBody`.
 * Hono keeps the parsed form, so routes read it again at no cost.
 */
export const readableFormBody = createMiddleware(async (c, next) => {
  if (c.req.method === 'POST' && FORM_TYPES.test(c.req.header('content-type') ?? '')) {
    try {
      await c.req.parseBody()
    } catch (err) {
      if (err instanceof HTTPException) throw err // the body limit's 413
      throw new HTTPException(400, { message: 'The form could not be read.' })
    }
  }
  await next()
})
