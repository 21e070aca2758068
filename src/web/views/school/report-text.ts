import type { GroupKind, Placement } from '../../../domain/benchmark/comparison-groups'
import { QUARTILE_LABELS, starText, type Stars } from '../../../domain/benchmark/percentile-rank'
import { K_MIN_COUNT } from '../../../domain/privacy/small-counts'
import type { AreaResult, ReportView } from '../../../services/reports/report-view'

// Wording shared by the report page and its PDF, so both say exactly the same thing.

export const NOT_ENOUGH = 'Not enough schools to compare'

export const GROUP_LABELS: Record<GroupKind, string> = { all: 'all schools', discipline: 'same discipline', similar: 'similar schools' }

export const scoreText = (score: number | null) => (score === null ? '—' : score.toFixed(1))

/** "★★★☆ Second quartile", "Not enough schools to compare" or "No score". */
export function placementText(p: Placement): string {
  if (p.kind === 'no-score') return 'No score'
  if (p.kind === 'not-enough') return NOT_ENOUGH
  return `${starText(p.stars)} ${QUARTILE_LABELS[p.stars]}${p.fellBack ? ` (vs ${GROUP_LABELS[p.group]})` : ''}`
}

/** The same in words a screen reader or a plain-text extract reads well. */
export function placementWords(p: Placement): string {
  if (p.kind !== 'placed') return placementText(p)
  return `${p.stars} of 4 stars, ${QUARTILE_LABELS[p.stars].toLowerCase()}, percentile rank ${p.rank.toFixed(0)} among ${p.distribution.n} schools${p.fellBack ? ` (${GROUP_LABELS[p.group]}: too few similar schools)` : ''}`
}

/** The chart's rows: the school against the group it is compared with (similar schools, or its fall-back). */
export const chartRows = (areas: readonly AreaResult[]) =>
  areas.map((a) => {
    const d = a.vsSimilar.kind === 'placed' ? a.vsSimilar.distribution : null
    return { area: a.title, score: a.score, q1: d?.q1 ?? null, median: d?.median ?? null, q3: d?.q3 ?? null }
  })

export const chartDescription = (view: ReportView) =>
  view.areas
    .map((a) => {
      const d = a.vsSimilar.kind === 'placed' ? a.vsSimilar.distribution : null
      return `${a.title}: ${scoreText(a.score)}${d ? ` (group median ${d.median}, middle half ${d.q1}–${d.q3})` : ` (${NOT_ENOUGH.toLowerCase()})`}`
    })
    .join('; ')

export const snapshotLine = (view: ReportView) =>
  `Instrument ${view.instrument.id} (${view.instrument.title}) · norms snapshot of ${view.snapshot.takenAt.toISOString().slice(0, 10)}` +
  `${view.snapshot.recomputed ? ' (recomputed)' : ''}${view.snapshot.late ? ' · submitted after the norms were frozen: placed against them' : ''}` +
  `${view.snapshot.pilot ? ' · pilot round: compared only with the schools of this pilot' : ''}`

/** Said at the top of a report whose scores a re-score of the cycle changed after they were first reported. */
export function revisionNotice(view: ReportView): string | null {
  const r = view.revision
  if (!r) return null
  const overall = r.previousOverall === view.overall.score ? '' : ` Your overall score was ${scoreText(r.previousOverall)} and is now ${scoreText(view.overall.score)}.`
  const reason = r.reason.replace(/[.\s]+$/, '')
  return `These results were recalculated on ${r.revisedAt.toISOString().slice(0, 10)}: ${reason}.${overall} The scores and stars below are the recalculated ones.`
}

export const trendNote = 'Earlier results from a different instrument version are shown through its crosswalk; the instruments differ, so compare with care.'

/** A trend column's heading: the cycle, its version when it differs, and the mark of a past round imported from its records. */
export const trendColumnLabel = (t: ReportView['trend'][number]) =>
  `${t.cycleTitle}${t.versionDiffers ? ` (${t.instrumentVersion}, different version)` : ''}` +
  `${t.importedYear !== null ? `, imported from the ${t.importedYear} round’s records` : ''}`

export const importedTrendNote = 'A round imported from its records ran before this platform: its results were not certified by a dean here.'

/** For the PDF, whose standard fonts have no star glyph: "Second quartile (3 of 4 stars)". */
export function placementPlain(p: Placement): string {
  if (p.kind !== 'placed') return placementText(p)
  return `${QUARTILE_LABELS[p.stars]} (${p.stars} of 4 stars)${p.fellBack ? ` vs ${GROUP_LABELS[p.group]}` : ''}`
}

// What a result means, in one plain sentence before any label (stars, quartile names). The share of the group that
// scored higher follows from the quartile (percentile rank ≥ 75 means at most about a quarter scored higher).
const HIGHER: Record<Stars, string> = {
  4: 'fewer than a quarter of them scored higher',
  3: 'between a quarter and half of them scored higher',
  2: 'between half and three quarters of them scored higher',
  1: 'more than three quarters of them scored higher',
}
const GROUP_NOUNS: Record<GroupKind, string> = { all: 'all schools', discipline: 'schools of your discipline', similar: 'similar schools' }

/**
 * "Your school is in the third quartile of all schools: between half and three quarters of them scored higher."
 * `subject` names what is placed ("Your school", "In Pathway programs, your school"); `requested` the group asked for,
 * so a fall-back and a missing group are said plainly. Small groups are never given a number (k = 5 rule).
 */
export function meaningSentence(p: Placement, requested: GroupKind, subject = 'Your school'): string {
  if (p.kind === 'no-score') return `${subject} has no score here: none of the answers could be scored.`
  if (p.kind === 'not-enough') {
    // Counted, "all schools" reads "Fewer than 5 schools", not "Fewer than 5 all schools".
    const counted = requested === 'all' ? 'schools' : GROUP_NOUNS[requested === 'similar' ? 'discipline' : requested]
    return `Fewer than ${K_MIN_COUNT} ${counted} have a score, so there are not enough schools to compare with.`
  }
  const fellBack = p.fellBack ? `There are fewer than ${K_MIN_COUNT} ${GROUP_NOUNS[requested]}, so this compares with ${GROUP_NOUNS[p.group]}. ` : ''
  return `${fellBack}${subject} is in the ${QUARTILE_LABELS[p.stars].toLowerCase()} of ${GROUP_NOUNS[p.group]}: ${HIGHER[p.stars]}.`
}

/** The comparison group's size and median, shown beside each result: "83 schools, median 54.2". */
export function groupLine(p: Placement): string {
  if (p.kind === 'placed') return `${p.distribution.n} schools, median ${scoreText(p.distribution.median)}`
  if (p.kind === 'not-enough') return `fewer than ${K_MIN_COUNT} schools`
  return 'no score to compare'
}

/** "How the comparison works", in plain words, for the page and the PDF's methods appendix. */
export const methodParagraphs = (view: ReportView): { title: string; text: string }[] => [
  {
    title: 'Groups',
    text: 'Your school is compared with the schools that took part in the same round with the same questionnaire, in three groups: all schools, schools of your discipline, and similar schools (same discipline, same public or private control and the same Carnegie group).',
  },
  {
    title: `At least ${K_MIN_COUNT} schools`,
    text: `A group is used only when it holds at least ${K_MIN_COUNT} schools with a score, yours included, so no result points at a single school. With fewer than ${K_MIN_COUNT} similar schools your discipline is used instead; when even that is too small, the report says there are not enough schools to compare.`,
  },
  {
    title: 'Percentile rank',
    text: 'Your percentile rank is the share of the group that scored below you, schools with the same score counting half: 100 × (schools below + half the schools tied) ÷ schools in the group. Scores are compared rounded to two decimals.',
  },
  {
    title: 'Quartiles and stars',
    text: 'A percentile rank of 75 or more is the top quartile (4 stars), 50 to 75 the second (3 stars), 25 to 50 the third (2 stars) and under 25 the fourth (1 star). The median is the middle score of the group; its middle half scored between the first and third quartiles.',
  },
  {
    title: 'Frozen norms',
    text: `The groups’ scores were frozen when the round was scored (norms snapshot of ${view.snapshot.takenAt.toISOString().slice(0, 10)}). A school that submits late or corrects its answers is placed against the same frozen scores, so every report of the round compares with the same norms. Only the program team can recompute them, and it records why.`,
  },
  {
    title: 'Area scores',
    text: 'An area’s score is the points its answers earned as a share of the most they could earn, from 0 to 100. Questions answered “not applicable” and follow-up questions that did not appear are left out; “don’t know” and unanswered questions earn no points.',
  },
]
