import type { Instrument } from '../instrument/instrument-model'
import { weightedMean, type ResponseScore } from '../scoring/response-score'

/**
 * Domain and overall scores from area scores alone, for a past round where only those survive. As INSTRUMENT.md
 * says: a domain is the weighted mean of its areas; the overall score is the weighted mean of ALL area scores
 * taken directly (an area's weight times its domain's weight), never a mean of domain scores. An area without a
 * score (null or absent) is left out of both.
 */
export function scoresFromAreas(instrument: Instrument, given: Readonly<Record<string, number | null>>): ResponseScore {
  const areas: Record<string, number | null> = {}
  const domains: Record<string, number | null> = {}
  const all: { score: number | null; weight: number }[] = []
  for (const domain of instrument.domains) {
    for (const area of domain.areas) {
      areas[area.id] = given[area.id] ?? null
      all.push({ score: areas[area.id]!, weight: area.weight * domain.weight })
    }
    domains[domain.id] = weightedMean(domain.areas.map((area) => ({ score: areas[area.id]!, weight: area.weight })))
  }
  return { areas, domains, overall: weightedMean(all) }
}
