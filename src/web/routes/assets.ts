import { readFileSync, readdirSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { bundleClientScripts } from '../client-scripts'
import type { AppEnv } from '../context'

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' }
const assetsDir = new URL('../assets/', import.meta.url)
const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`

/** The few static files are read once at start and served from memory with an ETag; the scripts once bundled. */
export function assetRoutes() {
  const files = new Map<string, { body: string; type: string; etag: string }>()
  for (const name of readdirSync(assetsDir)) {
    const type = TYPES[name.slice(name.lastIndexOf('.'))]
    if (!type) continue
    const body = readFileSync(new URL(name, assetsDir), 'utf8')
    files.set(name, { body, type, etag: etagOf(body) })
  }
  // A script asked for before its bundle is ready waits for it; a broken bundle fails the process, as at start.
  const scripts = bundleClientScripts().then((bundles) => {
    for (const [name, body] of bundles) files.set(name, { body, type: TYPES['.js']!, etag: etagOf(body) })
  })
  return new Hono<AppEnv>().get('/:name', async (c) => {
    if (c.req.param('name').endsWith('.js')) await scripts
    const file = files.get(c.req.param('name'))
    if (!file) return c.notFound()
    const headers = { 'Content-Type': file.type, ETag: file.etag, 'Cache-Control': 'public, max-age=300' }
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers)
    return c.body(file.body, 200, headers)
  })
}
