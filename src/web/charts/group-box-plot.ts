import type { TopLevelSpec } from 'vega-lite'
import { CHART_INK, scoreX } from './score-axis'
import { CHART_DATA, vegaLiteShape } from './vega-svg'

// Box plots of one metric by group (decision 137): each group's middle half (Q1 to Q3) as a box, its median as a dark
// tick and its mean as a ring, on a 0–100 scale. No whiskers: their ends would be single schools' scores. A group
// hidden by the small-count rule is named with the reason and nothing drawn.

/** One group: its statistics when shown, else the note that replaces them ("fewer than 5 schools: not drawn"). */
export type BoxPlotRow = { group: string; q1: number | null; median: number | null; q3: number | null; mean: number | null; note: string | null }

const INK = CHART_INK
const WIDTH = 330
const ROW_HEIGHT = 40
const BELOW_NAME = 8

const y = { field: 'group', type: 'nominal', title: null, sort: { field: 'order' }, axis: null } as const
const x = scoreX
const at0 = { datum: 0, type: 'quantitative' as const, scale: { domain: [0, 100] } }

export const groupBoxPlotSpec = (data: TopLevelSpec['data']): TopLevelSpec => ({
  width: WIDTH,
  height: { step: ROW_HEIGHT },
  data,
  layer: [
    { mark: { type: 'text', align: 'left', baseline: 'middle', yOffset: -10, fontSize: 12, color: INK }, encoding: { y, x: at0, text: { field: 'group' } } },
    { mark: { type: 'bar', height: 12, color: '#b8c2cc', yOffset: BELOW_NAME }, encoding: { y, x: x('q1'), x2: { field: 'q3' } } },
    { mark: { type: 'tick', thickness: 3, size: 18, color: INK, yOffset: BELOW_NAME }, encoding: { y, x: x('median') } },
    { mark: { type: 'point', shape: 'circle', filled: false, size: 60, strokeWidth: 2, color: '#1d4ed8', opacity: 1, yOffset: BELOW_NAME }, encoding: { y, x: x('mean') } },
    { mark: { type: 'text', align: 'left', baseline: 'middle', yOffset: BELOW_NAME, fontSize: 12, fontStyle: 'italic', color: '#4b5563' }, encoding: { y, x: at0, text: { field: 'note' } } },
  ],
  // Sized by hand, as the report's area chart (area-benchmark-chart.ts): narrow enough for a phone.
  autosize: { type: 'none' },
  padding: { top: 6, left: 6, right: 14, bottom: 40 },
  config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null } },
})

const draw = vegaLiteShape(groupBoxPlotSpec({ name: CHART_DATA }))

export function groupBoxPlotSvg(rows: readonly BoxPlotRow[]): Promise<string> {
  return draw(rows.map((r, order) => ({ ...r, note: r.note ?? '', order })))
}
