import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'

export type PageWeight = { requests: number; transferredBytes: number; gzippedJsBytes: number; jsFiles: string[] }

/**
 * What a first visit to `url` costs in Chromium: every request the page makes, the bytes each response carried
 * (body after any compression the server applied, plus headers), and the JavaScript gzipped as a CDN would serve it.
 */
export async function measurePage(browser: Browser, url: string, cookies: { name: string; value: string }[] = []): Promise<PageWeight> {
  const context = await browser.newContext()
  if (cookies.length > 0) await context.addCookies(cookies.map((c) => ({ ...c, url })))
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const encoded = new Map<string, number>()
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => encoded.set(e.requestId, e.encodedDataLength))
  let requests = 0
  const jsBodies: { url: string; body: Buffer }[] = []
  page.on('request', () => requests++)
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') jsBodies.push({ url: res.url(), body: await res.body() })
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  const transferredBytes = [...encoded.values()].reduce((sum, n) => sum + n, 0)
  const gzippedJsBytes = jsBodies.reduce((sum, js) => sum + gzipSync(js.body, { level: 9 }).length, 0)
  await context.close()
  return { requests, transferredBytes, gzippedJsBytes, jsFiles: jsBodies.map((j) => new URL(j.url).pathname) }
}
