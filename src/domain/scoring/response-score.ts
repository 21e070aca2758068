import { visibleItemIds } from '../instrument/condition-visibility'
import type { Answer } from '../instrument/instrument-answers'
import { appliesTo } from '../instrument/instrument-applicability'
import { conditionalItems } from '../instrument/instrument-form'
import { itemsOf, type Instrument } from '../instrument/instrument-model'
import type { Discipline } from '../school/school-facts'
import { indicatorResult, type IndicatorResult } from './item-points'

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

export function scoreResponse(instrument: Instrument, discipline: Discipline, answers: ReadonlyMap<string, Answer | null>): ResponseScore {
  // Hidden by skip logic (decided on the answers as given) or not for this discipline: the item was never asked.
  const visible = visibleItemIds(conditionalItems(instrument), (id) => answers.get(id) ?? undefined)
  const byArea = new Map<string, IndicatorResult[]>()
  for (const { item, area } of itemsOf(instrument)) {
    const list = byArea.get(area.id) ?? []
    if (visible.has(item.id) && appliesTo(item, discipline)) list.push(indicatorResult(item, answers.get(item.id)))
    byArea.set(area.id, list)
  }
  const areas: Record<string, number | null> = {}
  const domains: Record<string, number | null> = {}
  for (const domain of instrument.domains) {
    for (const area of domain.areas) areas[area.id] = areaScore(byArea.get(area.id) ?? [])
    domains[domain.id] = weightedMean(domain.areas.map((a) => ({ score: areas[a.id] ?? null, weight: a.weight })))
  }
  const overall = weightedMean(instrument.domains.map((d) => ({ score: domains[d.id] ?? null, weight: d.weight })))
  return { areas, domains, overall }
}
