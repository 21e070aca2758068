// The 0–100 score axis every score chart draws on (the report's area chart, the research box plots).

export const CHART_INK = '#1f2933'

/** A quantitative 0–100 position for `field`, titled and gridded the same on every score chart. */
export const scoreX = (field: string) => ({
  field,
  type: 'quantitative' as const,
  scale: { domain: [0, 100] },
  title: 'Score (0–100)',
  axis: { labelColor: CHART_INK, titleColor: CHART_INK, grid: true, gridColor: '#e5e7eb' },
})
