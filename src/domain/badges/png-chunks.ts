/**
 * Reading and writing PNG chunks (PNG spec §5): 8-byte signature, then length, type, data, CRC-32 per chunk.
 * Pure byte work on Uint8Array so the domain stays free of I/O.
 */
export type PngChunk = { type: string; data: Uint8Array }

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10]

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b)
}

export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new Error('Not a PNG image: the signature is missing.')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const chunks: PngChunk[] = []
  let offset = 8
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset)
    const type = ascii(bytes.subarray(offset + 4, offset + 8))
    const end = offset + 12 + length
    if (end > bytes.length) throw new Error(`Broken PNG: chunk ${type} runs past the end of the file.`)
    chunks.push({ type, data: bytes.subarray(offset + 8, offset + 8 + length) })
    offset = end
    if (type === 'IEND') break
  }
  if (chunks.at(-1)?.type !== 'IEND') throw new Error('Broken PNG: no IEND chunk.')
  return chunks
}

export function writePngChunks(chunks: PngChunk[]): Uint8Array {
  const size = 8 + chunks.reduce((sum, c) => sum + 12 + c.data.length, 0)
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  out.set(SIGNATURE, 0)
  let offset = 8
  for (const chunk of chunks) {
    const typeBytes = new TextEncoder().encode(chunk.type)
    view.setUint32(offset, chunk.data.length)
    out.set(typeBytes, offset + 4)
    out.set(chunk.data, offset + 8)
    view.setUint32(offset + 8 + chunk.data.length, crc32(out.subarray(offset + 4, offset + 8 + chunk.data.length)))
    offset += 12 + chunk.data.length
  }
  return out
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** CRC-32 as PNG defines it (ISO 3309 polynomial), over the chunk type and data. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
