import { evaluateCondition } from '../instrument/condition-evaluate'
import { perInstrumentAndDiscipline } from '../instrument/instrument-memo'
import type { Answer } from '../instrument/instrument-answers'
import { appliesTo } from '../instrument/instrument-applicability'
import { conditionalItems } from '../instrument/instrument-form'
import { itemsOf, type Instrument } from '../instrument/instrument-model'
import type { Discipline } from '../school/school-facts'
import { compileIndicator, type CompiledIndicator } from './item-points'

// What scoring a response needs from the instrument, worked out once per instrument object and discipline: the
// parsed skip conditions, the items that apply to the discipline and can earn points, grouped by area, with their
// rules compiled. Memoised in a WeakMap like the parsed conditions (instruments are never mutated once validated).

/** An item that can count for this discipline; `slot` says where its visibility is kept. */
export type PlannedIndicator = CompiledIndicator & { id: string; slot: number }
export type PlannedArea = { id: string; indicators: PlannedIndicator[] }

export type ScoringPlan = {
  /** Areas in reading order (by id: an id met twice gathers the items of both, as scoring always has). */
  areas: PlannedArea[]
  /** Per slot, whether the item of that id is shown, given the answers (see `visibleItemIds`, which this mirrors). */
  visibility: (answers: ReadonlyMap<string, Answer | null>) => Uint8Array
}

export const scoringPlan = perInstrumentAndDiscipline(planFor)

function planFor(instrument: Instrument, discipline: Discipline): ScoringPlan {
  const conditional = conditionalItems(instrument)
  // One slot per item id, so visibility is a flag in a small array rather than a set of strings per response.
  const slots = new Map<string, number>()
  for (const { id } of conditional) if (!slots.has(id)) slots.set(id, slots.size)
  const order = conditional.map(({ id, showIf }) => ({ id, slot: slots.get(id)!, showIf }))
  const areas = new Map<string, PlannedArea>()
  for (const { item, area } of itemsOf(instrument)) {
    let planned = areas.get(area.id)
    if (!planned) areas.set(area.id, (planned = { id: area.id, indicators: [] }))
    const compiled = appliesTo(item, discipline) ? compileIndicator(item) : null
    if (compiled) planned.indicators.push({ ...compiled, id: item.id, slot: slots.get(item.id)! })
  }
  const size = slots.size
  return {
    areas: [...areas.values()],
    visibility(answers) {
      // Decided in reading order; an item's answer is seen only once that item has been shown (a hidden question
      // hides its follow-ups), exactly as `visibleItemIds` decides for the form.
      const visible = new Uint8Array(size)
      const seen = (id: string): Answer | undefined => {
        const slot = slots.get(id)
        return slot !== undefined && visible[slot] ? (answers.get(id) ?? undefined) : undefined
      }
      for (const { slot, showIf } of order) if (!showIf || evaluateCondition(showIf, seen)) visible[slot] = 1
      return visible
    },
  }
}

