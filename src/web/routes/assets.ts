import { Hono } from 'hono'
import type { AppEnv } from '../context'
import { negotiateEncoding, varyOnAcceptEncoding } from '../compression/content-encoding'
import { etagMatches } from '../etag'
import { compressedBody, findAsset, scriptsReady } from '../static-assets'

/** A hashed name never changes its content: a year, and no revalidation. */
const HASHED_CACHE = 'public, max-age=31536000, immutable'
/** The plain name (`/assets/app.css`) still answers, for anything that kept it, but is rechecked soon. */
const PLAIN_CACHE = 'public, max-age=300'

/**
 * The static files and browser scripts, from memory (static-assets.ts), precompressed once per encoding. A hashed
 * name whose content has changed since (a page cached before a deploy) is redirected to the current file, not
 * refused, so an old page still gets styles and scripts; an unknown name is a 404.
 */
export function assetRoutes() {
  void scriptsReady()
  return new Hono<AppEnv>().get('/:name', async (c) => {
    const found = await findAsset(c.req.param('name'))
    if (found.kind === 'unknown') return c.notFound()
    if (found.kind === 'outdated') {
      c.header('Cache-Control', 'no-cache')
      return c.redirect(`/assets/${found.asset.hashedName}`, 302)
    }
    const { asset, hashed } = found
    const encoding = negotiateEncoding(c.req.header('Accept-Encoding'))
    const compressed = compressedBody(asset, encoding)
    const headers = new Headers({ 'Content-Type': asset.type, 'Cache-Control': hashed ? HASHED_CACHE : PLAIN_CACHE })
    if (compressedBody(asset, 'gzip')) varyOnAcceptEncoding(headers)
    // One ETag per content; the encoded variants share it as a weak one, as any compressed response does.
    headers.set('ETag', compressed ? `W/${asset.etag}` : asset.etag)
    if (etagMatches(c.req.header('If-None-Match'), asset.etag)) return c.body(null, 304, Object.fromEntries(headers))
    if (compressed) headers.set('Content-Encoding', encoding!)
    return c.body(new Uint8Array(compressed ?? asset.body), 200, Object.fromEntries(headers))
  })
}
