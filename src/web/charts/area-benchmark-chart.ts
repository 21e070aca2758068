import type { TopLevelSpec } from 'vega-lite'
import { CHART_DATA, vegaLiteShape } from './vega-svg'

/** One row of the chart: the school's area score and, where the group is big enough, its quartile range and median. */
export type AreaBenchmarkRow = { area: string; score: number | null; q1: number | null; median: number | null; q3: number | null }

const INK = '#1f2933'

const y = { field: 'area', type: 'nominal', title: null, sort: { field: 'order' }, axis: { labelLimit: 320, labelColor: INK, labelFontSize: 11 } } as const
const x = (field: string) => ({
  field,
  type: 'quantitative' as const,
  scale: { domain: [0, 100] },
  title: 'Score (0–100)',
  axis: { labelColor: INK, titleColor: INK, grid: true, gridColor: '#e5e7eb' },
})

/**
 * Each area on its own line: the comparison group's middle half as a grey band, its median as a dark tick and the
 * school as a blue diamond, all on a 0–100 scale. Rows without a group (under 5 schools) show the school alone.
 * Only the rows differ from one report to the next, so the spec is compiled once (`vegaLiteShape`).
 */
export const areaBenchmarkSpec = (data: TopLevelSpec['data']): TopLevelSpec => ({
  width: 320,
  height: { step: 22 },
  data,
  layer: [
    { mark: { type: 'bar', height: 10, color: '#b8c2cc' }, encoding: { y, x: x('q1'), x2: { field: 'q3' } } },
    { mark: { type: 'tick', thickness: 3, size: 16, color: INK }, encoding: { y, x: x('median') } },
    { mark: { type: 'point', shape: 'diamond', filled: true, size: 110, color: '#1d4ed8', opacity: 1 }, encoding: { y, x: x('score') } },
  ],
  config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null } },
})

const drawAreaBenchmark = vegaLiteShape(areaBenchmarkSpec({ name: CHART_DATA }))

/** The chart of one report, as SVG. */
export function areaBenchmarkSvg(rows: readonly AreaBenchmarkRow[]): Promise<string> {
  return drawAreaBenchmark(rows.map((r, order) => ({ ...r, order })))
}
