import type { Db } from '../../db/client'
import { certifiedScores } from '../../db/queries/research-analyses'
import { OVERALL, type NormsMember } from '../../domain/benchmark/group-keys'
import type { Actor } from '../../domain/policy/roles'
import type { MetricResults } from '../../domain/research/aggregate-results'
import { analysisAvailability, type AnalysisAvailability } from '../../domain/research/analysis-availability'
import { storedInstrument } from '../instruments/instrument-content'
import { researchCycle, type ResearchCycle } from './research-cycles'

// A closed, scored cycle's aggregate results for analysts: every metric's descriptives for all schools and by
// discipline, control and Carnegie group, under the small-count rule (decision 138), with group comparisons.

export type MetricInfo = { id: string; label: string; level: 'overall' | 'domain' | 'area'; domain: string | null }
export type ResultsView = { cycle: ResearchCycle; availability: AnalysisAvailability; metrics: MetricInfo[]; results: MetricResults[] }

/** Overall first, then each domain followed by its areas, in the instrument's order. */
function metricsOf(instrument: Awaited<ReturnType<typeof storedInstrument>>): MetricInfo[] {
  return [
    { id: OVERALL, label: 'Overall score', level: 'overall', domain: null },
    ...instrument.domains.flatMap((d) => [
      { id: d.id, label: d.title, level: 'domain' as const, domain: null },
      ...d.areas.map((a) => ({ id: a.id, label: a.title, level: 'area' as const, domain: d.title })),
    ]),
  ]
}

export async function researchResults(db: Db, actor: Actor, cycleId: string): Promise<ResultsView> {
  const cycle = await researchCycle(db, actor, cycleId)
  const availability = analysisAvailability('results', cycle.status, cycle.certified)
  if (!availability.ok) return { cycle, availability, metrics: [], results: [] }
  const metrics = metricsOf(await storedInstrument(db, cycle.instrumentVersion))
  const members: NormsMember[] = (await certifiedScores(db, cycleId)).map((r) => ({
    responseId: r.responseId,
    facts: { discipline: r.discipline, control: r.control, carnegieGroup: r.carnegieGroup },
    scores: { ...r.areas, ...r.domains, [OVERALL]: r.overall },
  }))
  // Loaded at the first results page, not at start: the group tests' library takes ~0.2 s to load (decision 076).
  const { aggregateResults } = await import('../../domain/research/aggregate-results')
  return { cycle, availability, metrics, results: aggregateResults(members, metrics.map((m) => m.id)) }
}
