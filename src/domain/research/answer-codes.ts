import { isEscape, tableCells, type Answer } from '../instrument/instrument-answers'
import type { Item } from '../instrument/instrument-model'

// How an item's answer becomes numbers in a research file (decision 134). Each item gives one variable, except
// multiple-choice (one 0/1 variable per option) and tables (one per cell); free text gives none (left out of
// exports: a school's own words can name it). Answers that are not substantive take distinct codes, the same as
// the file writers' MISSING_CODES (kept equal by a test), so a reader never mistakes "don't know" for "no".

export const ANSWER_MISSING_CODES = { missing: -9, dontKnow: -8, notApplicable: -7, skipped: -6 } as const

export const MISSING_CODE_LABELS: Record<number, string> = {
  [ANSWER_MISSING_CODES.missing]: 'Missing: shown, not answered',
  [ANSWER_MISSING_CODES.dontKnow]: 'Don’t know',
  [ANSWER_MISSING_CODES.notApplicable]: 'Not applicable',
  [ANSWER_MISSING_CODES.skipped]: 'Skipped: not asked (skip condition or discipline)',
}

/** What a school's response says about one item. */
export type ItemState = { kind: 'skipped' } | { kind: 'missing' } | { kind: 'answered'; answer: Answer }

/** The parts of an item that each become a variable: none for free text, options, cells, or the item itself. */
export type ItemPart = { key: string | null; label: string | null }

// Items are immutable once loaded: each works out its parts once, not once per row of an export.
const partsOf = new WeakMap<Item, ItemPart[]>()

export function itemParts(item: Item): ItemPart[] {
  let parts = partsOf.get(item)
  if (!parts) partsOf.set(item, (parts = partsFor(item)))
  return parts
}

function partsFor(item: Item): ItemPart[] {
  switch (item.kind) {
    case 'free-text':
      return []
    case 'multiple-choice':
      return item.options.map((o) => ({ key: o.id, label: o.label }))
    case 'table':
      return item.rows.flatMap((row) => item.columns.map((column) => ({ key: `${row.id}.${column.id}`, label: `${row.label} — ${column.label}` })))
    default:
      return [{ key: null, label: null }]
  }
}

/** The missing codes an item's variables may hold: always "missing" and "skipped", escapes where offered. */
export function missingCodesOf(item: Item): number[] {
  return [
    ANSWER_MISSING_CODES.missing,
    ...(item.dontKnow ? [ANSWER_MISSING_CODES.dontKnow] : []),
    ...(item.notApplicable ? [ANSWER_MISSING_CODES.notApplicable] : []),
    ANSWER_MISSING_CODES.skipped,
  ]
}

/** The substantive codes of an item's variables with their labels (none for numbers and table cells). */
export function valueCodesOf(item: Item): { value: number; label: string }[] {
  switch (item.kind) {
    case 'yes-no':
      return [{ value: 1, label: 'Yes' }, { value: 0, label: 'No' }]
    case 'single-choice':
      return item.options.map((o, i) => ({ value: i + 1, label: o.label }))
    case 'multiple-choice':
      return [{ value: 1, label: 'Ticked' }, { value: 0, label: 'Not ticked' }]
    case 'likert':
      return item.anchors.map((anchor, i) => ({ value: i + 1, label: anchor }))
    default:
      return []
  }
}

/** `count` copies of one code (module level: this runs for every item of every exported row). */
function repeat(count: number, code: number): number[] {
  return new Array<number>(count).fill(code)
}

/** One number per part of the item, in `itemParts` order. */
export function encodeItem(item: Item, state: ItemState): number[] {
  const count = itemParts(item).length
  if (state.kind === 'skipped') return repeat(count, ANSWER_MISSING_CODES.skipped)
  if (state.kind === 'missing') return repeat(count, ANSWER_MISSING_CODES.missing)
  const answer = state.answer
  if (isEscape(answer)) return repeat(count, answer.escape === 'dont-know' ? ANSWER_MISSING_CODES.dontKnow : ANSWER_MISSING_CODES.notApplicable)
  switch (item.kind) {
    case 'yes-no':
      return [typeof answer === 'boolean' ? (answer ? 1 : 0) : ANSWER_MISSING_CODES.missing]
    case 'single-choice': {
      const index = item.options.findIndex((o) => o.id === answer)
      return [index >= 0 ? index + 1 : ANSWER_MISSING_CODES.missing]
    }
    case 'multiple-choice': {
      if (!Array.isArray(answer)) return repeat(count, ANSWER_MISSING_CODES.missing)
      const ticked = answer as readonly string[]
      return item.options.map((o) => (ticked.includes(o.id) ? 1 : 0))
    }
    case 'likert':
      return [typeof answer === 'number' ? answer + 1 : ANSWER_MISSING_CODES.missing]
    case 'number':
      return [typeof answer === 'number' ? answer : ANSWER_MISSING_CODES.missing]
    case 'table': {
      const cells = typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? (answer as Readonly<Record<string, number>>) : {}
      return tableCells(item).map((cell) => (typeof cells[cell] === 'number' ? cells[cell] : ANSWER_MISSING_CODES.missing))
    }
    case 'free-text':
      return []
  }
}
