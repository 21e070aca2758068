import { fitText } from './badge-text-layout'
import { escapeXml, stripNonXmlCharacters } from './xml-escape'

/** What the badge image shows. Nothing about results: the program's badges never represent a score. */
export type BadgeImageFacts = { schoolName: string; disciplineLabel: string; cycleYear: number }

/** The family the PNG renderer loads from the bundled font files; browsers fall back to their own sans-serif. */
export const BADGE_FONT_FAMILY = 'DejaVu Sans'
export const BADGE_SIZE = 512

/** The name's lines are at most this wide: well inside the inner ring, even at the lowest line (a chord of ~440). */
export const NAME_WIDTH = 380
/** The middle of the name's area, between the subtitle (y=224) and the rule under the name (y=370). */
const NAME_CENTRE_Y = 296

const NAVY = '#0b3d5c'
const GOLD = '#f2c14e'
const WHITE = '#ffffff'
const PALE = '#d8e6ef'

/**
 * The one badge template. Every PNG is rendered from this SVG, so both images always say the same thing.
 * All text is escaped; names are fitted to at most three lines (smaller type, then an ellipsis) so nothing overflows.
 */
export function badgeSvg(facts: BadgeImageFacts): string {
  const name = fitText(stripNonXmlCharacters(facts.schoolName), { maxWidth: NAME_WIDTH, maxLines: 3, sizes: [30, 26, 22, 18], weight: 'bold' })
  const lineHeight = Math.round(name.fontSize * 1.18)
  // Centre the block (capitals' top to descenders' bottom, about one em per line) between the subtitle and the rule.
  const blockHeight = (name.lines.length - 1) * lineHeight + name.fontSize
  const firstBaseline = Math.round(NAME_CENTRE_Y - blockHeight / 2 + name.fontSize * 0.76)
  const discipline = fitText(stripNonXmlCharacters(facts.disciplineLabel), { maxWidth: 330, maxLines: 1, sizes: [17, 15, 13], weight: 'regular' })
  const year = String(Math.trunc(facts.cycleYear))
  const label = `Social Mission Metrics badge: ${facts.schoolName}, ${facts.disciplineLabel}, ${year}. A participant in the Self-Assessment.`

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_SIZE}" height="${BADGE_SIZE}" viewBox="0 0 ${BADGE_SIZE} ${BADGE_SIZE}" role="img" aria-labelledby="badge-title">`,
    `<title id="badge-title">${escapeXml(stripNonXmlCharacters(label))}</title>`,
    `<circle cx="256" cy="256" r="250" fill="${NAVY}"/>`,
    `<circle cx="256" cy="256" r="234" fill="none" stroke="${GOLD}" stroke-width="4"/>`,
    programMark(256, 118),
    text(256, 200, 'SOCIAL MISSION METRICS', { size: 17, weight: 'bold', fill: WHITE, spacing: 2.5 }),
    text(256, 224, 'SELF-ASSESSMENT PARTICIPANT', { size: 12, fill: PALE, spacing: 2 }),
    // The clip is a safety net for glyphs wider than the width table knows (rare scripts): cut, never spilled.
    `<clipPath id="badge-name-area"><rect x="${256 - NAME_WIDTH / 2}" y="230" width="${NAME_WIDTH}" height="134"/></clipPath>`,
    `<g clip-path="url(#badge-name-area)">`,
    ...name.lines.map((line, i) => text(256, firstBaseline + i * lineHeight, line, { size: name.fontSize, weight: 'bold', fill: WHITE })),
    '</g>',
    `<line x1="176" y1="370" x2="336" y2="370" stroke="${GOLD}" stroke-width="2"/>`,
    text(256, 398, discipline.lines[0] ?? '', { size: discipline.fontSize, fill: PALE }),
    text(256, 446, year, { size: 36, weight: 'bold', fill: GOLD, spacing: 3 }),
    '</svg>',
  ].join('\n')
}

type TextStyle = { size: number; fill: string; weight?: 'bold'; spacing?: number }

function text(x: number, y: number, content: string, style: TextStyle): string {
  const weight = style.weight ? ` font-weight="${style.weight}"` : ''
  const spacing = style.spacing ? ` letter-spacing="${style.spacing}"` : ''
  return `<text x="${x}" y="${y}" text-anchor="middle" font-family="${BADGE_FONT_FAMILY}, Verdana, sans-serif" font-size="${style.size}"${weight}${spacing} fill="${style.fill}">${escapeXml(content)}</text>`
}

/**
 * The program's mark: six petals around a centre, one for each domain of the instrument, opening upward together.
 * Our own drawing, deliberately plain; it carries no meaning about any school's result.
 */
function programMark(cx: number, cy: number): string {
  const petals = [0, 60, 120, 180, 240, 300].map(
    (angle, i) =>
      `<ellipse cx="${cx}" cy="${cy - 26}" rx="13" ry="28" fill="${i % 2 ? WHITE : GOLD}" fill-opacity="${i % 2 ? 0.9 : 1}" transform="rotate(${angle} ${cx} ${cy})"/>`,
  )
  return [`<g aria-hidden="true">`, ...petals, `<circle cx="${cx}" cy="${cy}" r="11" fill="${NAVY}" stroke="${GOLD}" stroke-width="3"/>`, '</g>'].join('')
}
