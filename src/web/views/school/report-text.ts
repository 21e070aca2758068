import type { GroupKind, Placement } from '../../../domain/benchmark/comparison-groups'
import { QUARTILE_LABELS, starText } from '../../../domain/benchmark/percentile-rank'
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
