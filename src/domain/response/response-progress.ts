import { visibleItemIds } from '../instrument/condition-visibility'
import type { Answer } from '../instrument/instrument-answers'
import { appliesTo } from '../instrument/instrument-applicability'
import { conditionalItems } from '../instrument/instrument-form'
import { findItem, type Instrument, type Item } from '../instrument/instrument-model'
import type { Discipline } from '../school/school-facts'
import { settledItemIds } from './settled-items'

// Progress and what still blocks submission. Only items a school actually sees count: an item hidden by skip
// logic, or not asked of the school's discipline, is neither "to do" nor "done".

export type StoredAnswer = { value: Answer | null; prefilled: boolean }
/**
 * `answered` of the `total` questions that apply now; `settled` also counts the questions earlier answers have ruled
 * out, of `all` the area asks of this discipline (settled-items.ts). settled/all is the bar: answering never moves
 * it backwards (a follow-up that opens was counted in `all` all along), while answered/total is the count a
 * person reads.
 */
export type AreaProgress = { areaId: string; answered: number; total: number; settled: number; all: number }
export type AreaStatus = 'not-started' | 'in-progress' | 'done'
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
  const settled = settledItemIds(conditionalItems(instrument), visible, (id) => given(answers.get(id)))
  return instrument.domains.flatMap((d) =>
    d.areas.map((area) => {
      const shown = area.items.filter((i) => visible.has(i.id))
      return {
        areaId: area.id,
        total: shown.length,
        answered: shown.filter((i) => given(answers.get(i.id))).length,
        settled: area.items.filter((i) => settled.has(i.id)).length,
        all: area.items.length,
      }
    }),
  )
}

export function overallProgress(areas: readonly AreaProgress[]): Omit<AreaProgress, 'areaId'> {
  const sum = { answered: 0, total: 0, settled: 0, all: 0 }
  for (const a of areas) for (const k of ['answered', 'total', 'settled', 'all'] as const) sum[k] += a[k]
  return sum
}

/** Not started until something is answered; done when every question that applies has an answer. */
export function areaStatus(p: Pick<AreaProgress, 'answered' | 'total'>): AreaStatus {
  if (p.answered >= p.total) return 'done'
  return p.answered === 0 ? 'not-started' : 'in-progress'
}

// Rough seconds per question, by kind, for someone who has the facts at hand: ticking a box is quick, a figure
// usually has to be looked up, a table or a paragraph takes longest. Used only to say "about N minutes".
const SECONDS_PER_KIND: Record<Item['kind'], number> = {
  'yes-no': 20, 'single-choice': 30, likert: 30, 'multiple-choice': 45, number: 90, 'free-text': 180, table: 300,
}

/** Minutes still needed for the unanswered questions that apply, rounded up; 0 when nothing is left. */
export function minutesLeft(instrument: Instrument, answers: ReadonlyMap<string, StoredAnswer>, areaId?: string): number {
  const visible = visibleItems(instrument, answers)
  const seconds = instrument.domains
    .flatMap((d) => d.areas)
    .filter((a) => areaId === undefined || a.id === areaId)
    .flatMap((a) => a.items)
    .filter((i) => visible.has(i.id) && !given(answers.get(i.id)))
    .reduce((sum, i) => sum + SECONDS_PER_KIND[i.kind], 0)
  return Math.ceil(seconds / 60)
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
