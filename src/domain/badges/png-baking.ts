import { readPngChunks, writePngChunks, type PngChunk } from './png-chunks'

/**
 * Open Badges 3.0, "Baked Badge" › PNG: one iTXt chunk with keyword `openbadgecredential` holding the compact JSON,
 * uncompressed, placed before IEND. A previously baked credential is replaced, never duplicated.
 */
export const OPEN_BADGES_PNG_KEYWORD = 'openbadgecredential'

export function bakePng(png: Uint8Array, credentialJson: string): Uint8Array {
  const chunks = readPngChunks(png).filter((c) => !isBadgeChunk(c))
  const iend = chunks.length - 1
  return writePngChunks([...chunks.slice(0, iend), badgeChunk(credentialJson), ...chunks.slice(iend)])
}

/** The JSON text baked into the PNG, or null when the image carries none (or only a compressed one, which we never write). */
export function extractPngCredentialJson(png: Uint8Array): string | null {
  const chunk = readPngChunks(png).find(isBadgeChunk)
  if (!chunk) return null
  const parsed = parseITxt(chunk.data)
  return parsed.compressed ? null : parsed.text
}

// iTXt layout: keyword \0 compression-flag compression-method language-tag \0 translated-keyword \0 text (UTF-8).
function badgeChunk(json: string): PngChunk {
  const keyword = new TextEncoder().encode(OPEN_BADGES_PNG_KEYWORD)
  const text = new TextEncoder().encode(json)
  const data = new Uint8Array(keyword.length + 5 + text.length)
  data.set(keyword, 0)
  // Bytes after the keyword: \0, flag 0 (uncompressed), method 0, empty language tag \0, empty translated keyword \0.
  data.set([0, 0, 0, 0, 0], keyword.length)
  data.set(text, keyword.length + 5)
  return { type: 'iTXt', data }
}

function isBadgeChunk(chunk: PngChunk): boolean {
  if (chunk.type !== 'iTXt') return false
  const nul = chunk.data.indexOf(0)
  return nul > 0 && new TextDecoder().decode(chunk.data.subarray(0, nul)) === OPEN_BADGES_PNG_KEYWORD
}

function parseITxt(data: Uint8Array): { compressed: boolean; text: string } {
  const keywordEnd = data.indexOf(0)
  const compressed = data[keywordEnd + 1] === 1
  const languageEnd = data.indexOf(0, keywordEnd + 3)
  const translatedEnd = data.indexOf(0, languageEnd + 1)
  return { compressed, text: new TextDecoder().decode(data.subarray(translatedEnd + 1)) }
}
