import type { TopLevelSpec } from 'vega-lite'
import { CHART_DATA, vegaLiteShape } from './vega-svg'

// How the schools asked answered each question of an area, as one stacked bar per question (decision 139): the most
// common answer, the other answers, "don't know", "not applicable", not answered, and the small counts the rule
// hides, lumped together so no single hidden count can be read off the bar.

export const SHARE_SEGMENTS = ['Most common answer', 'Other answers', 'Don’t know', 'Not applicable', 'Not answered', 'Skipped', 'Small counts (not shown)'] as const
export type ShareSegment = (typeof SHARE_SEGMENTS)[number]
export type ShareRow = { item: string; segment: ShareSegment; share: number }

const INK = '#1f2933'
const COLORS = ['#1d4ed8', '#93c5fd', '#b45309', '#9ca3af', '#e5e7eb', '#f3f4f6', '#ffffff']

export const itemSharesSpec = (data: TopLevelSpec['data']): TopLevelSpec => ({
  width: 300,
  height: { step: 34 },
  data,
  layer: [
    {
      mark: { type: 'bar', height: 14, yOffset: 8, stroke: INK, strokeWidth: 0.5 },
      encoding: {
        y: { field: 'item', type: 'nominal', sort: { field: 'order', op: 'min' }, axis: null },
        x: { field: 'share', type: 'quantitative', stack: 'zero', scale: { domain: [0, 1] }, axis: { format: '.0%', title: 'Share of schools the question applies to', labelColor: INK, titleColor: INK } },
        color: { field: 'segment', type: 'nominal', scale: { domain: [...SHARE_SEGMENTS], range: COLORS }, legend: { orient: 'bottom', columns: 1, title: null, labelColor: INK, labelLimit: 220 } },
        order: { field: 'segmentOrder' },
      },
    },
    {
      mark: { type: 'text', align: 'left', baseline: 'middle', yOffset: -8, fontSize: 12, color: INK },
      encoding: { y: { field: 'item', type: 'nominal', sort: { field: 'order', op: 'min' }, axis: null }, x: { datum: 0, type: 'quantitative' }, text: { field: 'item' } },
      transform: [{ filter: 'datum.segmentOrder === 0' }],
    },
  ],
  autosize: { type: 'none' },
  padding: { top: 6, left: 6, right: 24, bottom: 170 },
  config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null } },
})

const draw = vegaLiteShape(itemSharesSpec({ name: CHART_DATA }))

/** Rows: every item's segments (a zero share may be left out); items in the order given. */
export function itemSharesSvg(rows: readonly ShareRow[]): Promise<string> {
  const itemOrder = new Map<string, number>()
  for (const r of rows) if (!itemOrder.has(r.item)) itemOrder.set(r.item, itemOrder.size)
  // Every item gets a first segment (share 0 if need be) to carry its label.
  const first = [...itemOrder.keys()].map((item) => ({ item, segment: SHARE_SEGMENTS[0], share: 0, segmentOrder: 0, order: itemOrder.get(item)! }))
  return draw([...first, ...rows.map((r) => ({ ...r, segmentOrder: SHARE_SEGMENTS.indexOf(r.segment) + 1, order: itemOrder.get(r.item)! }))])
}
