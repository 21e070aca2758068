import { itemsReadBy } from '../instrument/condition-language'
import type { ConditionalItem } from '../instrument/condition-visibility'

/**
 * The questions that need nothing more: answered while shown, or hidden by answers already given (ruled out for
 * good). A follow-up whose gate is still unanswered is neither, so answering the gate never takes anything away:
 * the count of settled questions only grows as questions are answered for the first time. Items are in reading
 * order (conditions read earlier items only); an item read by a condition but not in `items` (another page's, in
 * the browser) counts as settled, since this page cannot change it.
 */
export function settledItemIds(items: readonly ConditionalItem[], visible: ReadonlySet<string>, answered: (itemId: string) => boolean): Set<string> {
  const ids = new Set(items.map((i) => i.id))
  const settled = new Set<string>()
  for (const item of items) {
    if (visible.has(item.id)) {
      if (answered(item.id)) settled.add(item.id)
    } else if (!item.showIf || itemsReadBy(item.showIf).every((id) => settled.has(id) || !ids.has(id))) {
      settled.add(item.id)
    }
  }
  return settled
}
