import type { ResponseScore } from './response-score'

// Whether re-scoring changed what a school's report shows. Reports show scores to two decimals and place them after
// rounding to two decimals (INSTRUMENT.md), so a difference below that is floating-point noise, not a change.

const shown = (score: number | null | undefined) => (score === null || score === undefined ? null : Math.round(score * 100) / 100)

/** The metrics (area and domain ids, and "overall") whose shown score differs between two scorings. */
export function changedScores(before: ResponseScore, after: ResponseScore): string[] {
  const changed: string[] = []
  for (const kind of ['areas', 'domains'] as const) {
    const ids = new Set([...Object.keys(before[kind]), ...Object.keys(after[kind])])
    for (const id of ids) if (shown(before[kind][id]) !== shown(after[kind][id])) changed.push(id)
  }
  if (shown(before.overall) !== shown(after.overall)) changed.push('overall')
  return changed
}
