import widths from './badge-font-widths.json'

/**
 * Advance widths of the badge's bundled font (DejaVu Sans 2.37, npm `dejavu-fonts-ttf`), regular and bold, in
 * thousandths of an em, for Latin, Greek, Cyrillic (U+0020–U+052F) and general punctuation (U+2000–U+206F), read
 * from the TTFs (`badge-font-widths.json`; `font-metrics.test.ts` checks it against the files). With them the
 * template measures a line as the PNG renderer will draw it, without loading the font in the (pure) domain.
 */
export type FontWeight = 'regular' | 'bold'

type WidthRange = { first: number; last: number; regular: (number | null)[]; bold: (number | null)[] }
const RANGES = widths.ranges as WidthRange[]

// Outside the table: emoji a little over an em (DejaVu's own are 1.04 em); anything else 1.4 em, wider than all but
// a handful of DejaVu's glyphs, so an unknown width can only make the name shrink sooner, never overflow.
const EMOJI = 1050
const UNKNOWN = 1400

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** The width of `text` in ems, one grapheme cluster at a time (combining marks and emoji modifiers add nothing). */
export function textWidthEm(text: string, weight: FontWeight): number {
  let thousandths = 0
  for (const { segment } of segmenter.segment(text)) thousandths += graphemeWidth(segment, weight)
  return thousandths / 1000
}

function graphemeWidth(grapheme: string, weight: FontWeight): number {
  const base = grapheme.codePointAt(0) ?? 0
  const known = advance(base, weight) ?? advance(grapheme.normalize('NFD').codePointAt(0) ?? 0, weight)
  if (known !== null) return known
  return /\p{Extended_Pictographic}/u.test(grapheme) ? EMOJI : UNKNOWN
}

function advance(codePoint: number, weight: FontWeight): number | null {
  const range = RANGES.find((r) => codePoint >= r.first && codePoint <= r.last)
  return range?.[weight][codePoint - range.first] ?? null
}

/** Splits text into grapheme clusters (an emoji with its modifiers, a letter with its accents stay whole). */
export const graphemesOf = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment)
