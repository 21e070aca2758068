import type { Answer } from '../instrument/instrument-answers'
import type { Instrument } from '../instrument/instrument-model'
import type { Discipline } from '../school/school-facts'
import { NOT_COUNTED } from './item-points'
import { scoringPlan } from './scoring-plan'

// What each answer earned, so a report can show which answers drove an area's score. It walks the same scoring plan
// as `scoreResponse` (same items, same skip logic, same "not applicable" rule), so the points it lists add up to
// exactly the area scores the report shows.

/** One indicator that counted in its area's score: the points its answer earned of the most it could. */
export type IndicatorOutcome = { itemId: string; earned: number; max: number }

/** Per area id, in reading order, the indicators that counted for this response. */
export function indicatorOutcomes(instrument: Instrument, discipline: Discipline, answers: ReadonlyMap<string, Answer | null>): Map<string, IndicatorOutcome[]> {
  const plan = scoringPlan(instrument, discipline)
  const visible = plan.visibility(answers)
  const outcomes = new Map<string, IndicatorOutcome[]>()
  for (const area of plan.areas) {
    const counted: IndicatorOutcome[] = []
    for (const indicator of area.indicators) {
      if (!visible[indicator.slot]) continue
      const earned = indicator.earned(answers.get(indicator.id))
      if (earned !== NOT_COUNTED) counted.push({ itemId: indicator.id, earned, max: indicator.max })
    }
    outcomes.set(area.id, counted)
  }
  return outcomes
}
