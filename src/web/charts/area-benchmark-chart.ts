import type { TopLevelSpec } from 'vega-lite'
import { CHART_INK, scoreX } from './score-axis'
import { CHART_DATA, vegaLiteShape } from './vega-svg'

/** One row of the chart: the school's area score and, where the group is big enough, its quartile range and median. */
export type AreaBenchmarkRow = { area: string; score: number | null; q1: number | null; median: number | null; q3: number | null }

const INK = CHART_INK
/** Narrow enough for a phone (390 px less the page margins) without scaling the text down; read at full width as is. */
const WIDTH = 330
/** Each area takes a row this tall: its name on the first line, its marks on the second. */
export const AREA_ROW_HEIGHT = 36

const y = { field: 'area', type: 'nominal', title: null, sort: { field: 'order' }, axis: null } as const
const x = scoreX
const BELOW_NAME = 7

/**
 * Each area on its own row: its name above, then the comparison group's middle half as a grey band, its median as
 * a dark tick and the school as a blue diamond, on a 0–100 scale. Names sit above the marks rather than beside
 * them, so the chart stays narrow enough for a phone and no name is cut (a long one widens the chart instead).
 * Rows without a group (under 5 schools) show the school alone. Only the rows differ from one report to the next,
 * so the spec is compiled once (`vegaLiteShape`).
 */
export const areaBenchmarkSpec = (data: TopLevelSpec['data']): TopLevelSpec => ({
  width: WIDTH,
  height: { step: AREA_ROW_HEIGHT },
  data,
  layer: [
    {
      mark: { type: 'text', align: 'left', baseline: 'middle', yOffset: -9, fontSize: 12, color: INK },
      encoding: { y, x: { datum: 0, type: 'quantitative', scale: { domain: [0, 100] } }, text: { field: 'area' } },
    },
    { mark: { type: 'bar', height: 10, color: '#b8c2cc', yOffset: BELOW_NAME }, encoding: { y, x: x('q1'), x2: { field: 'q3' } } },
    { mark: { type: 'tick', thickness: 3, size: 16, color: INK, yOffset: BELOW_NAME }, encoding: { y, x: x('median') } },
    { mark: { type: 'point', shape: 'diamond', filled: true, size: 110, color: '#1d4ed8', opacity: 1, yOffset: BELOW_NAME }, encoding: { y, x: x('score') } },
  ],
  // Sized by hand: vega measures text by estimate on the server (0.8 em a character, twice the real width), so
  // fitting the names would leave a wide empty margin and shrink the whole chart on a phone. 330 px holds names
  // of about 50 characters at 12 px, more than the instruments' longest area name.
  autosize: { type: 'none' },
  padding: { top: 4, left: 6, right: 14, bottom: 40 },
  config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null } },
})

const drawAreaBenchmark = vegaLiteShape(areaBenchmarkSpec({ name: CHART_DATA }))

/** The chart of one report, as SVG. */
export function areaBenchmarkSvg(rows: readonly AreaBenchmarkRow[]): Promise<string> {
  return drawAreaBenchmark(rows.map((r, order) => ({ ...r, order })))
}
