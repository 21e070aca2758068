import { isEscape, type Answer } from '../instrument/instrument-answers'
import { maxPoints, type Item } from '../instrument/instrument-model'

// Points one answer earns on one item. The instrument fixes the points per option and band; this file only reads
// them. An indicator either counts (earned of max, max > 0) or is excluded from the denominator altogether.

export type IndicatorResult = { counted: true; earned: number; max: number } | { counted: false; reason: 'unscored' | 'not-applicable' }

const EXCLUDED_UNSCORED: IndicatorResult = { counted: false, reason: 'unscored' }
const EXCLUDED_NOT_APPLICABLE: IndicatorResult = { counted: false, reason: 'not-applicable' }

/** Points by bands: the band with the largest `min` not above the value; below the first band earns 0. */
export function bandPoints(bands: readonly { min: number; points: number }[], value: number): number {
  let points = 0
  for (const band of bands) if (value >= band.min) points = band.points
  return points
}

/**
 * One item's scoring rule worked out once: its maximum and, per answer, the points earned (0 to max) or
 * NOT_COUNTED when the answer takes the item out of the denominator. Scoring a cycle applies the same 77 items to
 * every response, so the maximum and the option-points lookups are not rebuilt for each answer.
 */
export type CompiledIndicator = { max: number; earned: (answer: Answer | null | undefined) => number }
export const NOT_COUNTED = -1

/**
 * The indicator rule of one item, or null for an item that never counts (unscored, free text, nothing to earn).
 * "Don't know" and a missing answer earn 0 and stay in the denominator (not knowing is itself a finding); "Not
 * applicable" leaves the denominator where the item offers it.
 */
export function compileIndicator(item: Item): CompiledIndicator | null {
  const max = maxPoints(item)
  if (!item.scored || item.kind === 'free-text' || max <= 0) return null
  const points = pointsOf(item)
  const notApplicable = item.notApplicable
  return {
    max,
    earned(answer) {
      if (isEscape(answer)) return answer.escape === 'not-applicable' && notApplicable ? NOT_COUNTED : 0
      if (answer === null || answer === undefined) return 0
      return Math.min(max, Math.max(0, points(answer)))
    },
  }
}

/** The indicator result of one item (the readable form of `compileIndicator`, for one answer at a time). */
export function indicatorResult(item: Item, answer: Answer | null | undefined): IndicatorResult {
  const compiled = compileIndicator(item)
  if (!compiled) return EXCLUDED_UNSCORED
  const earned = compiled.earned(answer)
  return earned === NOT_COUNTED ? EXCLUDED_NOT_APPLICABLE : { counted: true, earned, max: compiled.max }
}

/** Points of a real answer; an answer of the wrong shape (never stored by the workspace) earns nothing. */
function pointsOf(item: Item): (answer: Answer) => number {
  switch (item.kind) {
    case 'yes-no': {
      const { yes, no } = item.points
      return (answer) => (typeof answer === 'boolean' ? (answer ? yes : no) : 0)
    }
    case 'single-choice': {
      // The first option of an id wins, as a search through the options would find it.
      const byId = new Map<string, number>()
      for (const o of item.options) if (!byId.has(o.id)) byId.set(o.id, o.points)
      return (answer) => (typeof answer === 'string' ? (byId.get(answer) ?? 0) : 0)
    }
    case 'multiple-choice': {
      const { options, cap } = item
      return (answer) => {
        if (!Array.isArray(answer)) return 0
        // Options few, ticks fewer: a scan beats building a set per answer. Summed in the options' order.
        let sum = 0
        for (const o of options) if ((answer as readonly unknown[]).includes(o.id)) sum += o.points
        return cap === undefined ? sum : Math.min(cap, sum)
      }
    }
    case 'number': {
      const { bands } = item
      return (answer) => (typeof answer === 'number' && bands ? bandPoints(bands, answer) : 0)
    }
    case 'likert':
      return (answer) => (typeof answer === 'number' ? answer : 0)
    case 'table': {
      const { ratio } = item
      return (answer) => {
        if (!ratio || typeof answer !== 'object' || Array.isArray(answer)) return 0
        const cells = answer as Readonly<Record<string, number>>
        const total = (keys: readonly string[]) => keys.reduce((sum, key) => sum + (cells[key] ?? 0), 0)
        const denominator = total(ratio.denominator)
        // Nothing to divide by: the school reported no one in the base group, so the ratio cannot earn points.
        return denominator > 0 ? bandPoints(ratio.bands, (100 * total(ratio.numerator)) / denominator) : 0
      }
    }
    case 'free-text':
      return () => 0
  }
}
