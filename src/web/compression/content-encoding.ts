import { Duplex } from 'node:stream'
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib'

// What may be compressed and how (decision 166). Text compresses to a fifth or less; PDFs, images and zips are
// compressed already, so they are sent as they are.

export type Encoding = 'br' | 'gzip'

/** Below this a compressed body saves less than the header and the work cost. */
export const MIN_COMPRESSED_BYTES = 1024

/** Text of any kind, JSON, JavaScript, XML and SVG; not server-sent events, which a compressor would hold back. */
const COMPRESSIBLE_TYPE = /^\s*(?:text\/(?!event-stream)|application\/(?:json|javascript|xml|[\w.-]+\+json|[\w.-]+\+xml)|image\/svg\+xml)/i

export const isCompressibleType = (contentType: string | null | undefined) => !!contentType && COMPRESSIBLE_TYPE.test(contentType)

/**
 * The encoding to send for an Accept-Encoding header: brotli when accepted (it compresses HTML and CSS a fifth
 * better than gzip at the same speed), else gzip, else none. `q=0` refuses an encoding.
 */
export function negotiateEncoding(acceptEncoding: string | null | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined
  const q = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = weight ? Number(weight.slice(2)) : 1
    if (name) q.set(name, Number.isFinite(value) ? value : 0)
  }
  const weightOf = (encoding: Encoding) => q.get(encoding) ?? q.get('*') ?? 0
  const best = (['br', 'gzip'] as const).filter((e) => weightOf(e) > 0).sort((a, b) => weightOf(b) - weightOf(a))
  return best[0]
}

/** Pages are made per request: brotli at quality 5 costs about what gzip's default does, and saves more. */
const DYNAMIC_BROTLI_QUALITY = 5

/** A streaming compressor for a body made per request (pages, JSON, CSV that may arrive in parts). */
export function compressorStream(encoding: Encoding): ReadableWritablePair<Uint8Array, Uint8Array> {
  const transform =
    encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY } }) : createGzip()
  return Duplex.toWeb(transform) as ReadableWritablePair<Uint8Array, Uint8Array>
}

/** A static file compressed once at the highest setting: it is sent many times, compressed once. */
export function compressOnce(body: Uint8Array, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
    : gzipSync(body, { level: 9 })
}

/** Adds Accept-Encoding to a Vary header unless it is there already. */
export function varyOnAcceptEncoding(headers: Headers): void {
  const vary = headers.get('Vary')
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
}
