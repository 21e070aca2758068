import type { TopLevelSpec } from 'vega-lite'
import { CHART_DATA, vegaLiteShape } from './vega-svg'

// Item–rest correlations of an area's scored questions as dots on −1 to 1 (decision 139), with a line at 0.2, below
// which a question tells little about the rest of its area.

export type ItemRestRow = { item: string; r: number }
export const LOW_ITEM_REST = 0.2
const INK = '#1f2933'

export const itemRestSpec = (data: TopLevelSpec['data']): TopLevelSpec => ({
  width: 300,
  height: { step: 34 },
  data,
  layer: [
    {
      mark: { type: 'text', align: 'left', baseline: 'middle', yOffset: -8, fontSize: 12, color: INK },
      encoding: { y: { field: 'item', type: 'nominal', sort: { field: 'order' }, axis: null }, x: { datum: -1, type: 'quantitative', scale: { domain: [-1, 1] } }, text: { field: 'item' } },
    },
    { mark: { type: 'rule', color: '#b45309', strokeDash: [4, 3], aria: false }, encoding: { x: { datum: LOW_ITEM_REST, type: 'quantitative', scale: { domain: [-1, 1] } } } },
    {
      mark: { type: 'point', filled: true, size: 70, color: '#1d4ed8', opacity: 1, yOffset: 8 },
      encoding: {
        y: { field: 'item', type: 'nominal', sort: { field: 'order' }, axis: null },
        x: { field: 'r', type: 'quantitative', scale: { domain: [-1, 1] }, title: 'Item–rest correlation (r)', axis: { labelColor: INK, titleColor: INK, grid: true, gridColor: '#e5e7eb' } },
      },
    },
  ],
  autosize: { type: 'none' },
  padding: { top: 6, left: 6, right: 14, bottom: 40 },
  config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null } },
})

const draw = vegaLiteShape(itemRestSpec({ name: CHART_DATA }))

export function itemRestSvg(rows: readonly ItemRestRow[]): Promise<string> {
  return draw(rows.map((r, order) => ({ ...r, order })))
}
