/**
 * Fits a school name into the badge's name area: wraps at spaces, shrinks the type when the name is long, breaks a
 * word too long for a line, and ends with an ellipsis only when even the smallest size cannot hold it all.
 * Widths are estimates in ems (the badge ships its own font, DejaVu Sans, so estimates hold on every machine).
 */
export type FittedText = { fontSize: number; lines: string[] }

export type FitOptions = { maxWidth: number; maxLines: number; sizes: readonly number[] }

// DejaVu Sans Bold averages about 0.66 em for mixed-case letters; wide glyphs (emoji, CJK) take a full em.
const AVERAGE_EM = 0.66

export function fitText(text: string, options: FitOptions): FittedText {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const smallest = options.sizes[options.sizes.length - 1] ?? 16
  for (const fontSize of options.sizes) {
    const lines = wrap(words, Math.floor(options.maxWidth / (fontSize * AVERAGE_EM)))
    if (lines.length <= options.maxLines) return { fontSize, lines }
  }
  const capacity = Math.floor(options.maxWidth / (smallest * AVERAGE_EM))
  const lines = wrap(words, capacity).slice(0, options.maxLines)
  const last = lines.length - 1
  lines[last] = `${clip(lines[last] ?? '', capacity - 1)}…`
  return { fontSize: smallest, lines }
}

/** Width of a string in "average characters": a grapheme cluster that is wide (emoji, CJK) counts as two. */
export function textUnits(text: string): number {
  let units = 0
  for (const { segment } of graphemes(text)) units += isWide(segment) ? 2 : 1
  return units
}

function wrap(words: string[], capacity: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of words.flatMap((w) => breakLongWord(w, capacity))) {
    const candidate = line ? `${line} ${word}` : word
    if (textUnits(candidate) <= capacity || !line) line = candidate
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  return lines
}

function breakLongWord(word: string, capacity: number): string[] {
  if (textUnits(word) <= capacity) return [word]
  const pieces: string[] = []
  let piece = ''
  for (const { segment } of graphemes(word)) {
    if (textUnits(piece + segment) > capacity - 1 && piece) {
      pieces.push(`${piece}-`)
      piece = ''
    }
    piece += segment
  }
  if (piece) pieces.push(piece)
  return pieces
}

function clip(text: string, capacity: number): string {
  let out = ''
  for (const { segment } of graphemes(text)) {
    if (textUnits(out + segment) > capacity) break
    out += segment
  }
  return out.trimEnd()
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })
const graphemes = (text: string) => segmenter.segment(text)
const isWide = (grapheme: string) => /\p{Extended_Pictographic}|[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]/u.test(grapheme)
