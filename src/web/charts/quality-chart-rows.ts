import type { ItemQuality, PublishedCategory } from '../../domain/research/item-quality'
import type { ShareRow, ShareSegment } from './item-shares-chart'
import type { ItemRestRow } from './item-rest-chart'

// The rows of the quality page's charts, from published counts only: a hidden count is never drawn on its own, only
// in the one "small counts" segment (the applicable total less the shown counts), which the small-count rule already
// makes the sum of two or more hidden counts.

const SEGMENT_OF: Record<Exclude<PublishedCategory['kind'], 'answer'>, ShareSegment> = {
  'dont-know': 'Don’t know',
  'not-applicable': 'Not applicable',
  missing: 'Not answered',
  skipped: 'Skipped',
}

/** A question's label on a chart: its text, shortened so the chart stays phone-sized (the table beside it has it whole). */
export const chartLabel = (text: string) => (text.length > 48 ? `${text.slice(0, 46).trimEnd()}…` : text)

export function shareRows(items: readonly ItemQuality[]): ShareRow[] {
  return items.flatMap((q) => {
    if (q.applicable.kind !== 'shown' || q.applicable.value === 0) return []
    const total = q.applicable.value
    const item = chartLabel(q.text)
    const shown = q.categories.filter((c): c is PublishedCategory & { count: { kind: 'shown'; value: number } } => c.count.kind === 'shown' && c.count.value > 0)
    const answers = shown.filter((c) => c.kind === 'answer').sort((a, b) => b.count.value - a.count.value)
    const rows: ShareRow[] = answers.map((c, i) => ({ item, segment: i === 0 ? 'Most common answer' : 'Other answers', share: c.count.value / total }))
    for (const c of shown) if (c.kind !== 'answer') rows.push({ item, segment: SEGMENT_OF[c.kind], share: c.count.value / total })
    const hidden = total - shown.reduce((s, c) => s + c.count.value, 0)
    if (hidden > 0) rows.push({ item, segment: 'Small counts (not shown)', share: hidden / total })
    return rows
  })
}

export function itemRestRows(items: readonly ItemQuality[]): ItemRestRow[] {
  return items.flatMap((q) => (q.itemRest?.r === null || q.itemRest?.r === undefined ? [] : [{ item: chartLabel(q.text), r: q.itemRest.r }]))
}
