import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { scriptsReady } from '../../src/web/static-assets'
import { seedUser, signedIn } from '../support/seed'
import { testApp } from '../support/test-app'

const { app, db } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const admin = await signedIn(db, await seedUser(db, { programRole: 'admin' }))

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())
const decoded = async (res: Response) => {
  const body = await bytes(res)
  const encoding = res.headers.get('content-encoding')
  return (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8')
}
const linkedAsset = (html: string, pattern: RegExp) => html.match(pattern)?.[1]

describe('compression', () => {
  test('a page is sent with brotli when the browser accepts it, gzip when only that, and as it is otherwise; the content is the same', async () => {
    const plain = await get('/about')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i) // a shared cache must keep the variants apart
    const html = await plain.text()
    expect(html).toContain('<html')

    const br = await get('/about', { 'Accept-Encoding': 'gzip, deflate, br, zstd' })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i)
    const brBody = await bytes(br.clone())
    expect(brBody.length).toBeLessThan(Buffer.byteLength(html) / 2)
    expect(await decoded(br)).toBe(html)

    const gzip = await get('/about', { 'Accept-Encoding': 'gzip' })
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(await decoded(gzip)).toBe(html)

    const refused = await get('/about', { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' })
    expect(refused.headers.get('content-encoding')).toBe('gzip')
    expect((await get('/about', { 'Accept-Encoding': 'identity' })).headers.get('content-encoding')).toBeNull()
  })

  test('JSON is compressed when large enough; a tiny body is sent as it is', async () => {
    const health = await get('/healthz', { 'Accept-Encoding': 'br, gzip' })
    expect(health.headers.get('content-encoding')).toBeNull()
    expect(await health.json()).toEqual({ status: 'ok' })

    const issuer = await get('/badges/issuer', { 'Accept-Encoding': 'br, gzip' })
    const plainIssuer = await get('/badges/issuer')
    const issuerText = await plainIssuer.text()
    expect(Buffer.byteLength(issuerText)).toBeGreaterThan(1024)
    expect(issuer.headers.get('content-encoding')).toBe('br')
    expect(JSON.parse(await decoded(issuer))).toEqual(JSON.parse(issuerText))
  })

  test('a PDF is never compressed: it is compressed already', async () => {
    const pdf = await get('/admin/instruments/smm-2024/print?discipline=md', { ...admin, 'Accept-Encoding': 'br, gzip' })
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-encoding')).toBeNull()
    expect((await bytes(pdf)).subarray(0, 5).toString()).toBe('%PDF-')
  })

  test('an error page is compressed too, with its status kept', async () => {
    const missing = await get('/no-such-page', { 'Accept-Encoding': 'br' })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-encoding')).toBe('br')
    expect(await decoded(missing)).toContain('There is no page at this address.')
  })
})

describe('content-hashed assets', () => {
  test('pages link the stylesheet by a hashed name, kept a year, sent precompressed, and revalidated by ETag', async () => {
    const html = await (await get('/')).text()
    const css = linkedAsset(html, /<link rel="stylesheet" href="(\/assets\/app\.[0-9a-f]{12}\.css)"/)
    expect(css).toBeDefined()
    // The icon comes inside the page: no request of its own (decision 172).
    expect(html).toMatch(/<link rel="icon" href="data:image\/svg\+xml,%3Csvg[^"]+%3C%2Fsvg%3E"/)

    const res = await get(css!, { 'Accept-Encoding': 'gzip, br' })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-type')).toContain('text/css')
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
    const etag = res.headers.get('etag')!
    const styles = await decoded(res)
    expect(styles).toBe(await (await get(css!)).text())
    expect(styles).toContain('.skip-link')

    // The browser sends back the (weak) ETag it was given, whichever encoding it came in.
    const again = await get(css!, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect((await get(css!, { 'If-None-Match': '"something-else"' })).status).toBe(200)
  })

  test('a stylesheet under an old hash (a page cached before a deploy) is redirected to the current one; an unknown file is not found', async () => {
    const html = await (await get('/')).text()
    const css = linkedAsset(html, /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/)!
    const outdated = await get('/assets/app.000000000000.css')
    expect(outdated.status).toBe(302)
    expect(outdated.headers.get('location')).toBe(css)
    expect(outdated.headers.get('cache-control')).toBe('no-cache')
    expect((await get('/assets/nothing.000000000000.css')).status).toBe(404)
    expect((await get('/assets/nothing.css')).status).toBe(404)

    const plainName = await get('/assets/app.css')
    expect(plainName.status).toBe(200)
    expect(plainName.headers.get('cache-control')).toBe('public, max-age=300')
  })

  test('once bundled, a page links its script by a hashed name that serves it', async () => {
    await scriptsReady()
    const html = await (await get('/admin/instruments/smm-2024/preview?discipline=md', admin)).text()
    const script = linkedAsset(html, /<script src="(\/assets\/instrument-preview\.[0-9a-f]{12}\.js)"/)
    expect(script).toBeDefined()
    const res = await get(script!, { 'Accept-Encoding': 'gzip' })
    expect(res.headers.get('content-type')).toContain('javascript')
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(await decoded(res)).toBe(await (await get('/assets/instrument-preview.js')).text())
  })
})
