import type { MiddlewareHandler } from 'hono'
import { compressorStream, isCompressibleType, MIN_COMPRESSED_BYTES, negotiateEncoding, varyOnAcceptEncoding } from './content-encoding'

/**
 * Compresses text responses (HTML, CSS, JavaScript, JSON, SVG, CSV) with brotli or gzip, as the client accepts.
 * Streamed bodies stay streamed; a body that ends below MIN_COMPRESSED_BYTES is sent as it is. A response that is
 * compressed already (the assets route sends its own precompressed files), a PDF, an image or a zip is left alone.
 * A compressed response's ETag becomes weak: the bytes differ, the content does not (see web/etag.ts).
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const res = c.res
    if (c.req.method === 'HEAD' || !res.body || [204, 206, 304].includes(res.status)) return
    if (res.headers.has('Content-Encoding') || !isCompressibleType(res.headers.get('Content-Type'))) return
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return
    varyOnAcceptEncoding(res.headers)
    const encoding = negotiateEncoding(c.req.header('Accept-Encoding'))
    const length = res.headers.get('Content-Length')
    if (!encoding || (length !== null && Number(length) < MIN_COMPRESSED_BYTES)) return

    const start = await readAtLeast(res.body, MIN_COMPRESSED_BYTES)
    if (start.ended && start.bytes.byteLength < MIN_COMPRESSED_BYTES) {
      c.res = new Response(new Uint8Array(start.bytes), res)
      return
    }
    c.res = new Response(start.body.pipeThrough(compressorStream(encoding)), res)
    c.res.headers.delete('Content-Length')
    c.res.headers.set('Content-Encoding', encoding)
    const etag = c.res.headers.get('ETag')
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`)
  }
}

type Start = { bytes: Uint8Array; ended: boolean; body: ReadableStream<Uint8Array> }

/** Reads the first `min` bytes of a body (or all of it, if shorter) and returns a stream of the whole body again. */
async function readAtLeast(body: ReadableStream<Uint8Array>, min: number): Promise<Start> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let ended = false
  while (size < min) {
    const { done, value } = await reader.read()
    if (done) {
      ended = true
      break
    }
    chunks.push(value)
    size += value.byteLength
  }
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
  const whole = new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes)
      if (ended) controller.close()
    },
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    cancel: (reason) => reader.cancel(reason),
  })
  return { bytes, ended, body: whole }
}
