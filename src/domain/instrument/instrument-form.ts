import type { FieldReader, FormItem } from './answer-form'
import { answerFromForm } from './answer-form'
import { itemsReadBy, parseCondition, type Condition } from './condition-language'
import { visibleItemIds, type ConditionalItem } from './condition-visibility'
import { tableCells, validateAnswer, type Answer } from './instrument-answers'
import { itemsOf, type Instrument, type Item } from './instrument-model'

export type FormRead = {
  answers: Map<string, Answer>
  /** Plain-English problems by item id, for answers that were given but are not acceptable. */
  errors: Map<string, string>
  visible: Set<string>
}

export const formItemOf = (item: Item): FormItem => ({ id: item.id, kind: item.kind, cells: item.kind === 'table' ? tableCells(item) : [] })

/** The parsed condition of an item (validated at load, so a failure here is a bug, not bad input). */
export function conditionOf(item: Item): Condition | undefined {
  if (item.showIf === undefined) return undefined
  const parsed = parseCondition(item.showIf)
  if (!parsed.ok) throw new Error(`item ${item.id} has an invalid condition: ${parsed.message}`)
  return parsed.condition
}

// Parsed once per instrument object: scoring a cycle and every autosave ask for these again and again, and
// re-parsing every condition each time was most of the cost of scoring a response (docs/benchmarks.md).
const parsedConditions = new WeakMap<Instrument, ConditionalItem[]>()

export function conditionalItems(instrument: Instrument): ConditionalItem[] {
  let items = parsedConditions.get(instrument)
  if (!items) parsedConditions.set(instrument, (items = itemsOf(instrument).map(({ item }) => ({ id: item.id, showIf: conditionOf(item) }))))
  return items
}

const readBySkipLogic = new WeakMap<Instrument, readonly string[]>()

/** The items whose answers some condition of the instrument reads: all that decides which items show. */
export function itemsReadBySkipLogic(instrument: Instrument): readonly string[] {
  let ids = readBySkipLogic.get(instrument)
  if (!ids) readBySkipLogic.set(instrument, (ids = [...new Set(conditionalItems(instrument).flatMap((item) => (item.showIf ? itemsReadBy(item.showIf) : [])))]))
  return ids
}

/** Reads every answer of a questionnaire form, checks each against its item and works out which items show. */
export function readInstrumentForm(instrument: Instrument, field: FieldReader): FormRead {
  const answers = new Map<string, Answer>()
  const errors = new Map<string, string>()
  for (const { item } of itemsOf(instrument)) {
    const read = answerFromForm(formItemOf(item), field)
    if (!read.ok) errors.set(item.id, read.message)
    else if (read.answer !== undefined) {
      const checked = validateAnswer(item, read.answer)
      if (checked.ok) answers.set(item.id, checked.answer)
      else errors.set(item.id, checked.message)
    }
  }
  return { answers, errors, visible: visibleItemIds(conditionalItems(instrument), (id) => answers.get(id)) }
}
