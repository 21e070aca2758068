import { mean, sampleStandardDeviation } from 'simple-statistics'
import { quantile } from '../benchmark/percentile-rank'

// The descriptive statistics of one group's scores, as analysts read them in the published tables. Quartiles use
// the same definition as the schools' reports (`quantile` in benchmark: linear interpolation, R's default "type 7",
// spreadsheets' QUARTILE.INC), so a median here and in a report's chart are the same number. No minimum or
// maximum: the extreme of a group is one school's score (decision 137).

export type Descriptives = {
  n: number
  mean: number
  /** Sample standard deviation (n − 1); null for a single score. */
  sd: number | null
  median: number
  q1: number
  q3: number
}

/** Descriptives of a non-empty list of scores; null for none. */
export function describeScores(scores: readonly number[]): Descriptives | null {
  if (scores.length === 0) return null
  const sorted = [...scores].sort((a, b) => a - b)
  return {
    n: sorted.length,
    mean: mean(sorted),
    sd: sorted.length > 1 ? sampleStandardDeviation(sorted) : null,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  }
}
