import { graphemesOf, textWidthEm, type FontWeight } from './badge-font-metrics'

/**
 * Fits a text into an area of the badge: wraps at spaces, shrinks the type when the text is long, breaks a word
 * too long for a line, and ends with an ellipsis only when even the smallest size cannot hold it all.
 * Widths come from the bundled font's metrics, so the PNG (rendered with that font) never overflows.
 */
export type FittedText = { fontSize: number; lines: string[] }

export type FitOptions = { maxWidth: number; maxLines: number; sizes: readonly number[]; weight: FontWeight }

export function fitText(text: string, options: FitOptions): FittedText {
  const words = text.trim().split(/\s+/).filter(Boolean)
  for (const fontSize of options.sizes) {
    const lines = wrap(words, fitsWithin(options.maxWidth, fontSize, options.weight))
    if (lines.length <= options.maxLines) return { fontSize, lines: balance(words, lines, fontSize, options) }
  }
  const fontSize = options.sizes[options.sizes.length - 1] ?? 16
  const fits = fitsWithin(options.maxWidth, fontSize, options.weight)
  const lines = wrap(words, fits).slice(0, options.maxLines)
  const last = lines.length - 1
  lines[last] = withEllipsis(lines[last] ?? '', fits)
  return { fontSize, lines }
}

const fitsWithin = (width: number, fontSize: number, weight: FontWeight) => (line: string) => textWidthEm(line, weight) * fontSize <= width

/**
 * Same number of lines, lines of even length: "Lakeside College / of Nursing" rather than "Lakeside College of /
 * Nursing". Finds the narrowest width that still wraps into as many lines (only when no word had to be broken).
 */
function balance(words: string[], lines: string[], fontSize: number, options: FitOptions): string[] {
  if (lines.length < 2 || lines.some((l) => l.endsWith('-'))) return lines
  let narrow = 0
  let wide = options.maxWidth
  while (wide - narrow > 1) {
    const width = (narrow + wide) / 2
    const fits = fitsWithin(width, fontSize, options.weight)
    if (words.every(fits) && wrap(words, fits).length <= lines.length) wide = width
    else narrow = width
  }
  return wrap(words, fitsWithin(wide, fontSize, options.weight))
}

function wrap(words: string[], fits: (line: string) => boolean): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of words.flatMap((w) => breakLongWord(w, fits))) {
    const candidate = line ? `${line} ${word}` : word
    if (fits(candidate) || !line) line = candidate
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  return lines
}

/** A word wider than a line is cut into pieces that fit, each but the last ending in a hyphen. */
function breakLongWord(word: string, fits: (line: string) => boolean): string[] {
  if (fits(word)) return [word]
  const pieces: string[] = []
  let piece = ''
  for (const grapheme of graphemesOf(word)) {
    if (piece && !fits(`${piece}${grapheme}-`)) {
      pieces.push(`${piece}-`)
      piece = ''
    }
    piece += grapheme
  }
  if (piece) pieces.push(piece)
  return pieces
}

function withEllipsis(line: string, fits: (line: string) => boolean): string {
  const graphemes = graphemesOf(line)
  while (graphemes.length && !fits(`${graphemes.join('').trimEnd()}…`)) graphemes.pop()
  return `${graphemes.join('').trimEnd()}…`
}
