import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { storableForm } from '../storable-text'

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i

/**
 * Reads a posted form once, before any route: a body that does not parse as the form it claims to be (a cut-off
 * multipart, a boundary that never closes) is a 400 with the usual page, wherever the route calls `parseBody`.
 * Hono keeps the parsed form, so routes read it again at no cost, and what they read has no NUL characters
 * (`storableText`).
 */
export const readableFormBody = createMiddleware(async (c, next) => {
  if (c.req.method === 'POST' && FORM_TYPES.test(c.req.header('content-type') ?? '')) {
    try {
      await c.req.parseBody()
      const parsed = await c.req.bodyCache.formData
      // Hono keeps the promise of the FormData here (its type says FormData): `parseBody` reads it on every call.
      if (parsed) c.req.bodyCache.formData = Promise.resolve(storableForm(parsed)) as unknown as FormData
    } catch (err) {
      if (err instanceof HTTPException) throw err // the body limit's 413
      throw new HTTPException(400, { message: 'The form could not be read.' })
    }
  }
  await next()
})
