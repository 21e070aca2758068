import type { Answer } from '../instrument/instrument-answers'
import type { Discipline } from '../school/school-facts'
import type { Instrument } from '../instrument/instrument-model'
import { NOT_COUNTED, type IndicatorResult } from './item-points'
import { scoringPlan } from './scoring-plan'

// The one function that turns a submitted response into scores. Pure: the same instrument, discipline and answers
// always give the same numbers, which is what lets a report be rebuilt and audited.

/** Scores 0–100, or null where nothing applicable was there to score. */
export type ResponseScore = {
  areas: Record<string, number | null>
  domains: Record<string, number | null>
  overall: number | null
}

/** 100 × earned ÷ max over the counted indicators; null when none counts. */
export function areaScore(indicators: readonly IndicatorResult[]): number | null {
  let earned = 0
  let max = 0
  for (const i of indicators) {
    if (!i.counted) continue
    earned += i.earned
    max += i.max
  }
  return max > 0 ? (100 * earned) / max : null
}

/** The weighted mean of the scores that exist; null when none does (a missing part does not count as zero). */
export function weightedMean(parts: readonly { score: number | null; weight: number }[]): number | null {
  let sum = 0
  let weights = 0
  for (const p of parts) {
    if (p.score === null) continue
    sum += p.score * p.weight
    weights += p.weight
  }
  return weights > 0 ? sum / weights : null
}

/**
 * Items hidden by skip logic (decided on the answers as given) or not for this discipline were never asked and are
 * not scored; an area is `areaScore` of the rest; domains and overall follow from the areas (`scoresFromAreas`).
 * The arithmetic runs inline over a plan worked out once per instrument and discipline, since a cycle scores
 * thousands of responses against one plan.
 */
export function scoreResponse(instrument: Instrument, discipline: Discipline, answers: ReadonlyMap<string, Answer | null>): ResponseScore {
  const plan = scoringPlan(instrument, discipline)
  const visible = plan.visibility(answers)
  const byArea = new Map<string, number | null>()
  for (const area of plan.areas) {
    let earned = 0
    let max = 0
    for (const indicator of area.indicators) {
      if (!visible[indicator.slot]) continue
      const points = indicator.earned(answers.get(indicator.id))
      if (points === NOT_COUNTED) continue
      earned += points
      max += indicator.max
    }
    byArea.set(area.id, max > 0 ? (100 * earned) / max : null)
  }
  return scoresFromAreas(instrument, (id) => byArea.get(id) ?? null)
}

/**
 * Domain and overall scores from the area scores: a domain is the weighted mean of its areas; the overall score is
 * the weighted mean of every area taken directly (INSTRUMENT.md; an area's weight there is its own times its
 * domain's), never a mean of the domain means, which would let an area of a small domain count more than one of a
 * large domain. Areas without a score are left out of both. Also used alone for past rounds where only area scores
 * survive.
 */
export function scoresFromAreas(instrument: Instrument, areaScoreOf: (areaId: string) => number | null): ResponseScore {
  const areas: Record<string, number | null> = {}
  const domains: Record<string, number | null> = {}
  let overallSum = 0
  let overallWeights = 0
  for (const domain of instrument.domains) {
    let sum = 0
    let weights = 0
    for (const area of domain.areas) {
      const score = (areas[area.id] = areaScoreOf(area.id))
      if (score === null) continue
      sum += score * area.weight
      weights += area.weight
      const overallWeight = area.weight * domain.weight
      overallSum += score * overallWeight
      overallWeights += overallWeight
    }
    domains[domain.id] = weights > 0 ? sum / weights : null
  }
  return { areas, domains, overall: overallWeights > 0 ? overallSum / overallWeights : null }
}
