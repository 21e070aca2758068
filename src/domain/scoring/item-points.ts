import { isEscape, type Answer } from '../instrument/instrument-answers'
import { maxPoints, type Item } from '../instrument/instrument-model'

// Points one answer earns on one item. The instrument fixes the points per option and band; this file only reads
// them. An indicator either counts (earned of max, max > 0) or is excluded from the denominator altogether.

export type IndicatorResult = { counted: true; earned: number; max: number } | { counted: false; reason: 'unscored' | 'not-applicable' }

const EXCLUDED_UNSCORED: IndicatorResult = { counted: false, reason: 'unscored' }

/** Points by bands: the band with the largest `min` not above the value; below the first band earns 0. */
export function bandPoints(bands: readonly { min: number; points: number }[], value: number): number {
  let points = 0
  for (const band of bands) if (value >= band.min) points = band.points
  return points
}

/**
 * The indicator result of one item. "Don't know" and a missing answer earn 0 and stay in the denominator (not
 * knowing is itself a finding); "Not applicable" leaves the denominator; free text and unscored items never count.
 */
export function indicatorResult(item: Item, answer: Answer | null | undefined): IndicatorResult {
  const max = maxPoints(item)
  if (!item.scored || item.kind === 'free-text' || max <= 0) return EXCLUDED_UNSCORED
  if (isEscape(answer)) {
    if (answer.escape === 'not-applicable' && item.notApplicable) return { counted: false, reason: 'not-applicable' }
    return { counted: true, earned: 0, max }
  }
  if (answer === null || answer === undefined) return { counted: true, earned: 0, max }
  return { counted: true, earned: Math.min(max, Math.max(0, earnedPoints(item, answer))), max }
}

/** Points of a real answer; an answer of the wrong shape (never stored by the workspace) earns nothing. */
function earnedPoints(item: Item, answer: Answer): number {
  switch (item.kind) {
    case 'yes-no':
      return typeof answer === 'boolean' ? (answer ? item.points.yes : item.points.no) : 0
    case 'single-choice':
      return typeof answer === 'string' ? (item.options.find((o) => o.id === answer)?.points ?? 0) : 0
    case 'multiple-choice': {
      if (!Array.isArray(answer)) return 0
      const ticked = new Set(answer as readonly string[])
      const sum = item.options.filter((o) => ticked.has(o.id)).reduce((total, o) => total + o.points, 0)
      return item.cap === undefined ? sum : Math.min(item.cap, sum)
    }
    case 'number':
      return typeof answer === 'number' && item.bands ? bandPoints(item.bands, answer) : 0
    case 'likert':
      return typeof answer === 'number' ? answer : 0
    case 'table': {
      if (!item.ratio || typeof answer !== 'object' || Array.isArray(answer)) return 0
      const cells = answer as Readonly<Record<string, number>>
      const total = (keys: readonly string[]) => keys.reduce((sum, key) => sum + (cells[key] ?? 0), 0)
      const denominator = total(item.ratio.denominator)
      // Nothing to divide by: the school reported no one in the base group, so the ratio cannot earn points.
      return denominator > 0 ? bandPoints(item.ratio.bands, (100 * total(item.ratio.numerator)) / denominator) : 0
    }
    case 'free-text':
      return 0
  }
}
