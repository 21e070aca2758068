import type { TopLevelSpec } from 'vega-lite'
import { vegaLiteToSvg } from './vega-svg'

export type DailyPoint = { day: string; accepted: number; submitted: number }

/** Cumulative accepted and submitted schools per day, as two lines, in colours that pass contrast on white. */
export function dailyProgressSvg(points: readonly DailyPoint[], invited: number): Promise<string> {
  const values = points.flatMap((p) => [
    { day: p.day, series: 'Accepted', schools: p.accepted },
    { day: p.day, series: 'Submitted', schools: p.submitted },
  ])
  const spec: TopLevelSpec = {
    width: 640,
    height: 220,
    data: { values },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'day', type: 'temporal', title: 'Day', axis: { format: '%b %d', labelColor: '#1f2933', titleColor: '#1f2933' } },
      y: {
        field: 'schools', type: 'quantitative', title: 'Schools',
        scale: { domain: [0, Math.max(1, invited)] }, axis: { tickMinStep: 1, labelColor: '#1f2933', titleColor: '#1f2933' },
      },
      color: {
        field: 'series', type: 'nominal', title: null,
        scale: { domain: ['Accepted', 'Submitted'], range: ['#1d4ed8', '#047857'] },
        legend: { orient: 'top', labelColor: '#1f2933' },
      },
      strokeDash: { field: 'series', type: 'nominal', scale: { domain: ['Accepted', 'Submitted'], range: [[1, 0], [6, 3]] }, legend: null },
    },
    config: { font: 'sans-serif', view: { stroke: null } },
  }
  return vegaLiteToSvg(spec)
}
