import { sampleCorrelation, sampleVariance } from 'simple-statistics'

// Reliability measures of an area's indicators, from the points each school earned on each one (decision 139).

/**
 * Cronbach's alpha of k items over complete cases (rows holding every item): k ÷ (k − 1) × (1 − Σ item variances ÷
 * variance of the row totals), sample variances. Null with fewer than two items or two rows, or no spread in totals.
 */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  if (rows.length < 2) return null
  const k = rows[0]!.length
  if (k < 2) return null
  const itemVariances = Array.from({ length: k }, (_, j) => sampleVariance(rows.map((r) => r[j]!)))
  const totalVariance = sampleVariance(rows.map((r) => r.reduce((a, b) => a + b, 0)))
  if (totalVariance === 0) return null
  return (k / (k - 1)) * (1 - itemVariances.reduce((a, b) => a + b, 0) / totalVariance)
}

/** Pearson's r of paired values; null with fewer than three pairs or when either side does not vary. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length || x.length < 3) return null
  const varies = (v: readonly number[]) => v.some((a) => a !== v[0])
  if (!varies(x) || !varies(y)) return null
  return sampleCorrelation([...x], [...y])
}
