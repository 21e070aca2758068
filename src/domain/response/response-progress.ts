import { visibleItemIds } from '../instrument/condition-visibility'
import type { Answer } from '../instrument/instrument-answers'
import { appliesTo } from '../instrument/instrument-applicability'
import { conditionalItems } from '../instrument/instrument-form'
import { findItem, type Instrument } from '../instrument/instrument-model'
import type { Discipline } from '../school/school-facts'

// Progress and what still blocks submission. Only items a school actually sees count: an item hidden by skip
// logic, or not asked of the school's discipline, is neither "to do" nor "done".

export type StoredAnswer = { value: Answer | null; prefilled: boolean }
export type AreaProgress = { areaId: string; answered: number; total: number }
export type Blockers = { areaId: string; areaTitle: string; unanswered: string[]; unconfirmed: string[] }

const given = (a: StoredAnswer | undefined): a is StoredAnswer & { value: Answer } => a !== undefined && a.value !== null

/** Visible items, given the answers so far (the instrument must already be narrowed to the discipline). */
export function visibleItems(instrument: Instrument, answers: ReadonlyMap<string, StoredAnswer>): Set<string> {
  return visibleItemIds(conditionalItems(instrument), (id) => {
    const a = answers.get(id)
    return given(a) ? a.value : undefined
  })
}

export function progressByArea(instrument: Instrument, answers: ReadonlyMap<string, StoredAnswer>): AreaProgress[] {
  const visible = visibleItems(instrument, answers)
  return instrument.domains.flatMap((d) =>
    d.areas.map((area) => {
      const shown = area.items.filter((i) => visible.has(i.id))
      return { areaId: area.id, total: shown.length, answered: shown.filter((i) => given(answers.get(i.id))).length }
    }),
  )
}

export function overallProgress(areas: readonly AreaProgress[]): { answered: number; total: number } {
  return areas.reduce((sum, a) => ({ answered: sum.answered + a.answered, total: sum.total + a.total }), { answered: 0, total: 0 })
}

/** By area: required visible items without an answer, and carried-forward answers nobody has confirmed yet. */
export function submissionBlockers(instrument: Instrument, answers: ReadonlyMap<string, StoredAnswer>): Blockers[] {
  const visible = visibleItems(instrument, answers)
  return instrument.domains
    .flatMap((d) => d.areas)
    .map((area) => {
      const shown = area.items.filter((i) => visible.has(i.id))
      return {
        areaId: area.id,
        areaTitle: area.title,
        unanswered: shown.filter((i) => i.required && !given(answers.get(i.id))).map((i) => i.id),
        unconfirmed: shown.filter((i) => answers.get(i.id)?.prefilled === true).map((i) => i.id),
      }
    })
    .filter((b) => b.unanswered.length > 0 || b.unconfirmed.length > 0)
}

export type Answerability = 'ok' | 'unknown' | 'not-applicable' | 'hidden'

/**
 * Whether this school may answer this item now: it must exist, apply to the school's discipline and be shown by
 * skip logic given the other answers (a hidden item's answer would count for nothing and confuse the reader).
 */
export function answerability(full: Instrument, narrowed: Instrument, discipline: Discipline, itemId: string, answers: ReadonlyMap<string, StoredAnswer>): Answerability {
  const found = findItem(full, itemId)
  if (!found) return 'unknown'
  if (!appliesTo(found.item, discipline)) return 'not-applicable'
  return visibleItems(narrowed, answers).has(itemId) ? 'ok' : 'hidden'
}

export const ANSWERABILITY_MESSAGES: Record<Exclude<Answerability, 'ok'>, string> = {
  unknown: 'There is no such question in this questionnaire.',
  'not-applicable': 'This question is not asked of schools of your discipline.',
  hidden: 'This question does not apply given your earlier answers, so it cannot be answered.',
}
