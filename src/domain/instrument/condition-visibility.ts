import { evaluateCondition } from './condition-evaluate'
import type { Condition } from './condition-language'
import type { Answer } from './instrument-answers'

export type ConditionalItem = { id: string; showIf?: Condition | undefined }

/**
 * Which items a respondent sees, given the answers so far. Items are decided in reading order (conditions may only
 * read earlier items, the loader makes sure), and the answer to a hidden item counts as not given, so hiding a
 * question also hides the follow-ups that hang on it. Shared by the server and the preview's client script.
 */
export function visibleItemIds(items: readonly ConditionalItem[], answerOf: (itemId: string) => Answer | undefined): Set<string> {
  const visible = new Set<string>()
  const seen = (id: string) => (visible.has(id) ? answerOf(id) : undefined)
  for (const item of items) {
    if (!item.showIf || evaluateCondition(item.showIf, seen)) visible.add(item.id)
  }
  return visible
}
