import { inflateSync } from 'node:zlib'

/**
 * Every text a PNG carries (tEXt, zTXt and iTXt chunks, keyword and text), read straight from the chunk layout of
 * the PNG spec, independently of the app's own baking code.
 */
export function pngTextChunks(png: Buffer): { type: string; keyword: string; text: string }[] {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG')
  const out: { type: string; keyword: string; text: string }[] = []
  let at = 8
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at)
    const type = png.subarray(at + 4, at + 8).toString('latin1')
    const data = png.subarray(at + 8, at + 8 + length)
    at += 12 + length
    if (type !== 'tEXt' && type !== 'zTXt' && type !== 'iTXt') continue
    const nul = data.indexOf(0)
    const keyword = data.subarray(0, nul).toString('latin1')
    if (type === 'tEXt') out.push({ type, keyword, text: data.subarray(nul + 1).toString('latin1') })
    else if (type === 'zTXt') out.push({ type, keyword, text: inflateSync(data.subarray(nul + 2)).toString('latin1') })
    else {
      const compressed = data[nul + 1] === 1
      const languageEnd = data.indexOf(0, nul + 3)
      const translatedEnd = data.indexOf(0, languageEnd + 1)
      const body = data.subarray(translatedEnd + 1)
      out.push({ type, keyword, text: (compressed ? inflateSync(body) : body).toString('utf8') })
    }
  }
  return out
}
