import { isEscape, type Answer } from '../../../domain/instrument/instrument-answers'
import type { Item } from '../../../domain/instrument/instrument-model'

/** An answer in words, for conflicts, history and the review page. */
export function answerText(item: Item | undefined, value: Answer | null | undefined): string {
  if (value === null || value === undefined) return '(no answer)'
  if (isEscape(value)) return value.escape === 'dont-know' ? 'Don’t know' : 'Not applicable'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  const label = (id: string) => (item && 'options' in item ? item.options.find((o) => o.id === id)?.label : undefined) ?? id
  if (typeof value === 'string') return item?.kind === 'single-choice' ? label(value) : value
  if (typeof value === 'number') return item?.kind === 'likert' ? `${value} · ${item.anchors[value] ?? ''}` : String(value)
  if (Array.isArray(value)) return value.length === 0 ? '(none ticked)' : value.map(label).join(', ')
  return Object.entries(value as Record<string, number>).map(([cell, n]) => `${cell}: ${n}`).join('; ')
}

/** The form fields that draw a stored answer back into the questionnaire (the inverse of answer-form.ts). */
export function fieldsOfAnswer(item: Item, value: Answer | null | undefined): [string, string][] {
  if (value === null || value === undefined) return []
  const radio = item.kind === 'yes-no' || item.kind === 'single-choice' || item.kind === 'likert'
  if (isEscape(value)) return [[radio ? item.id : `${item.id}.escape`, value.escape]]
  if (typeof value === 'boolean') return [[item.id, value ? 'yes' : 'no']]
  if (typeof value === 'string' || typeof value === 'number') return [[item.id, String(value)]]
  if (Array.isArray(value)) return value.map((v) => [item.id, String(v)])
  return Object.entries(value as Record<string, number>).map(([cell, n]) => [`${item.id}.${cell}`, String(n)])
}
