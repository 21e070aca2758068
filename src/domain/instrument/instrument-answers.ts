import { z } from 'zod'
import type { Item } from './instrument-model'

// What a respondent's answer to one item looks like, and whether it is acceptable for that item. The school
// workspace validates every save with `validateAnswer`; messages are written for the person who typed the value.

export type Escape = { escape: 'dont-know' | 'not-applicable' }
/** yes-no: boolean · single choice: option id · multiple choice: option ids · number/likert: number ·
 * free text: string · table: { "row.column": count } · or an escape ("Don't know" / "Not applicable"). */
export type Answer = boolean | number | string | readonly string[] | Readonly<Record<string, number>> | Escape

export const isEscape = (answer: unknown): answer is Escape =>
  typeof answer === 'object' && answer !== null && !Array.isArray(answer) && 'escape' in answer

export const tableCells = (item: Extract<Item, { kind: 'table' }>) =>
  item.rows.flatMap((row) => item.columns.map((column) => `${row.id}.${column.id}`))

/** The schema of a real (non-escape) answer to this item. */
export function answerSchemaFor(item: Item): z.ZodType<Answer> {
  switch (item.kind) {
    case 'yes-no':
      return z.boolean({ error: 'Choose yes or no.' })
    case 'single-choice':
      return z.enum(item.options.map((o) => o.id) as [string, ...string[]], { error: 'Choose one of the options.' })
    case 'multiple-choice': {
      const option = z.enum(item.options.map((o) => o.id) as [string, ...string[]], { error: 'Choose among the options shown.' })
      return z.array(option).refine((ids) => new Set(ids).size === ids.length, 'Each option can be ticked once.')
    }
    case 'number':
      return numberSchema(item)
    case 'likert':
      return z.number({ error: 'Choose a point on the scale.' }).int('Choose a point on the scale.').min(0, 'Choose a point on the scale.').max(4, 'Choose a point on the scale.')
    case 'free-text':
      return z.string({ error: 'Enter some text.' }).trim().min(1, 'Enter some text.').max(item.maxLength, `Keep it under ${item.maxLength} characters.`)
    case 'table': {
      const cell = z.number({ error: 'Enter a whole number in each cell.' }).int('Enter whole numbers only.').min(0, 'Counts cannot be negative.')
        .max(LARGEST_COUNT, `Enter ${LARGEST_COUNT.toLocaleString('en-US')} or less in each cell.`)
      return z.strictObject(Object.fromEntries(tableCells(item).map((key) => [key, cell.optional()]))) as z.ZodType<Answer>
    }
  }
}

/**
 * Bounds for numbers an item leaves open. No school counts a million of anything this instrument asks about, so a
 * larger count is a typing slip; and beyond these, JSON and the database could no longer keep the number exactly.
 */
export const LARGEST_COUNT = 1_000_000
const LARGEST_DECIMAL = 1_000_000_000

function numberSchema(item: Extract<Item, { kind: 'number' }>) {
  let schema = z.number({ error: 'Enter a number, e.g. 42.' }).refine(Number.isFinite, 'Enter a number, e.g. 42.')
  const min = item.min ?? (item.unit === 'decimal' ? -LARGEST_DECIMAL : 0)
  const max = item.max ?? (item.unit === 'percent' ? 100 : item.unit === 'count' ? LARGEST_COUNT : LARGEST_DECIMAL)
  if (item.unit === 'count') schema = schema.refine(Number.isInteger, 'Enter a whole number (a count).')
  if (min !== undefined) schema = schema.refine((n) => n >= min, item.unit === 'percent' ? 'A percentage is between 0 and 100.' : `Enter ${min.toLocaleString('en-US')} or more.`)
  if (max !== undefined) schema = schema.refine((n) => n <= max, item.unit === 'percent' ? 'A percentage is between 0 and 100.' : `Enter ${max.toLocaleString('en-US')} or less.`)
  return schema
}

export type AnswerCheck = { ok: true; answer: Answer } | { ok: false; message: string }

/** Whether `value` is an acceptable answer to `item`, escapes included only where the item offers them. */
// Items are immutable once loaded, so each builds its zod schema once, not on every autosave (decision 075).
const schemas = new WeakMap<Item, z.ZodType<Answer>>()
function cachedSchemaFor(item: Item) {
  let schema = schemas.get(item)
  if (!schema) schemas.set(item, (schema = answerSchemaFor(item)))
  return schema
}

export function validateAnswer(item: Item, value: unknown): AnswerCheck {
  if (isEscape(value)) {
    if (value.escape === 'dont-know' && item.dontKnow) return { ok: true, answer: { escape: 'dont-know' } }
    if (value.escape === 'not-applicable' && item.notApplicable) return { ok: true, answer: { escape: 'not-applicable' } }
    return { ok: false, message: value.escape === 'dont-know' ? '“Don’t know” is not offered for this question.' : '“Not applicable” is not offered for this question.' }
  }
  const result = cachedSchemaFor(item).safeParse(value)
  return result.success ? { ok: true, answer: result.data } : { ok: false, message: result.error.issues[0]?.message ?? 'This answer is not valid.' }
}
