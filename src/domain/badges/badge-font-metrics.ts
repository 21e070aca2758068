/**
 * Advance widths of the badge's bundled font (DejaVu Sans 2.37, npm `dejavu-fonts-ttf`) for printable ASCII, in
 * thousandths of an em, read from the TTFs' hmtx tables (fontkit: advanceWidth / unitsPerEm). With them the template
 * measures a line as the PNG renderer will draw it, without loading the font in the (pure) domain.
 */
const ASCII_FIRST = 32
// prettier-ignore
const BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838]
// prettier-ignore
const REGULAR = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838]

export type FontWeight = 'regular' | 'bold'

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** The width of `text` in ems: exact for ASCII, by base letter for accented Latin, generous for everything else. */
export function textWidthEm(text: string, weight: FontWeight): number {
  let thousandths = 0
  for (const { segment } of segmenter.segment(text)) thousandths += graphemeWidth(segment, weight === 'bold' ? BOLD : REGULAR)
  return thousandths / 1000
}

function graphemeWidth(grapheme: string, table: number[]): number {
  const ascii = table[(grapheme.normalize('NFD').codePointAt(0) ?? 0) - ASCII_FIRST]
  if (ascii !== undefined && grapheme.normalize('NFD').codePointAt(0)! < 127) return ascii
  // Emoji and East Asian wide characters: a full em and a little; anything else: wider than an average letter.
  return /\p{Extended_Pictographic}|[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]/u.test(grapheme) ? 1050 : 800
}

/** Splits text into grapheme clusters (an emoji with its modifiers, a letter with its accents stay whole). */
export const graphemesOf = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment)
