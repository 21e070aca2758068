import type { Db } from '../../db/client'
import { certifiedResponsesWithDiscipline } from '../../db/queries/research-analyses'
import { answersOfResponses } from '../../db/queries/scoring'
import type { Instrument } from '../../domain/instrument/instrument-model'
import type { Actor } from '../../domain/policy/roles'
import { analysisAvailability, type AnalysisAvailability } from '../../domain/research/analysis-availability'
import { instrumentQuality, type InstrumentQuality } from '../../domain/research/item-quality'
import { storedInstrument } from '../instruments/instrument-content'
import { researchCycle, type ResearchCycle } from './research-cycles'

// How the cycle's instrument version worked: per item answers, don't-know and missing rates, item–rest
// correlation and per area Cronbach's alpha, over the certified responses (decision 139).

export type QualityView = { cycle: ResearchCycle; availability: AnalysisAvailability; instrument: Instrument | null; quality: InstrumentQuality | null }

export async function researchQuality(db: Db, actor: Actor, cycleId: string): Promise<QualityView> {
  const cycle = await researchCycle(db, actor, cycleId)
  const availability = analysisAvailability('quality', cycle.status, cycle.certified)
  if (!availability.ok) return { cycle, availability, instrument: null, quality: null }
  const instrument = await storedInstrument(db, cycle.instrumentVersion)
  const rows = await certifiedResponsesWithDiscipline(db, cycleId)
  const answers = await answersOfResponses(db, rows.map((r) => r.responseId))
  const responses = rows.map((r) => ({ discipline: r.discipline, answers: answers.get(r.responseId)! }))
  return { cycle, availability, instrument, quality: instrumentQuality(instrument, responses) }
}
