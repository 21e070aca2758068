import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { storableText } from '../storable-text'

/**
 * A NUL in the address would reach a statement that PostgreSQL refuses (a search, a passkey's id). No page has one in
 * its path, so such a path is not found; a page asked for with one in the query (`?q=%00`) is sent on to the same
 * address without it, so every route reads storable text; another method is a 400 (decision 171).
 */
export const storableQuery = createMiddleware(async (c, next) => {
  const url = new URL(c.req.url)
  if (/%00/i.test(url.pathname)) return c.notFound()
  if (!/%00/i.test(url.search)) return next()
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') throw new HTTPException(400, { message: 'The address could not be read.' })
  const clean = new URLSearchParams()
  for (const [key, value] of url.searchParams) clean.append(storableText(key), storableText(value))
  const search = clean.toString()
  // One leading slash: `//host/...` would send the browser to another site.
  return c.redirect(`${url.pathname.replace(/^\/+/, '/')}${search ? `?${search}` : ''}`, 308)
})
