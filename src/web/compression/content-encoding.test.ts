import { describe, expect, test } from 'vitest'
import { isCompressibleType, negotiateEncoding } from './content-encoding'

describe('choosing the encoding', () => {
  test('brotli when accepted, gzip when only that, none otherwise', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip')
    expect(negotiateEncoding('deflate')).toBeUndefined()
    expect(negotiateEncoding('identity')).toBeUndefined()
    expect(negotiateEncoding(undefined)).toBeUndefined()
  })

  test('q-values rank the encodings, and q=0 refuses one', () => {
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip')
    expect(negotiateEncoding('br;q=0.2, gzip;q=0.8')).toBe('gzip')
    expect(negotiateEncoding('*')).toBe('br')
    expect(negotiateEncoding('*;q=0')).toBeUndefined()
    expect(negotiateEncoding('gzip;q=0, *;q=0.5')).toBe('br')
  })
})

test('text, JSON, JavaScript and SVG are compressible; PDFs, images, zips and event streams are not', () => {
  for (const type of ['text/html; charset=UTF-8', 'text/css', 'text/javascript', 'application/json', 'application/ld+json', 'image/svg+xml', 'text/csv'])
    expect(isCompressibleType(type), type).toBe(true)
  for (const type of ['application/pdf', 'image/png', 'application/zip', 'text/event-stream', 'application/octet-stream', undefined])
    expect(isCompressibleType(type), String(type)).toBe(false)
})
