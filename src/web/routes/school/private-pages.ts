import { createMiddleware } from 'hono/factory'

/**
 * A school's answers, team and results must never be kept by a shared computer's cache or shown again by its back
 * button to the next person: every /school response (pages, PDFs, errors) is private and not stored.
 */
export const privateNoStore = createMiddleware(async (c, next) => {
  await next()
  c.res.headers.set('Cache-Control', 'private, no-store')
})
