// Where one score stands among a group's scores, exactly as INSTRUMENT.md defines it.

/** Scores are compared after rounding to two decimals, so floating-point noise never breaks a tie. */
export const roundScore = (score: number): number => Math.round(score * 100) / 100

/**
 * 100 × (schools below + ½ × schools tied) ÷ group size. `group` holds every school's score, this school's
 * included, so the school is counted among the tied.
 */
export function percentileRank(score: number, group: readonly number[]): number {
  const mine = roundScore(score)
  let below = 0
  let tied = 0
  for (const other of group) {
    const theirs = roundScore(other)
    if (theirs < mine) below++
    else if (theirs === mine) tied++
  }
  if (tied === 0) throw new Error('percentileRank: the school must be in its own group')
  return (100 * (below + tied / 2)) / group.length
}

export type Stars = 1 | 2 | 3 | 4
/** ≥ 75 top quartile ★★★★; ≥ 50 second ★★★; ≥ 25 third ★★; else fourth ★. */
export const starsFor = (rank: number): Stars => (rank >= 75 ? 4 : rank >= 50 ? 3 : rank >= 25 ? 2 : 1)

export const QUARTILE_LABELS: Record<Stars, string> = { 4: 'Top quartile', 3: 'Second quartile', 2: 'Third quartile', 1: 'Fourth quartile' }
export const starText = (stars: Stars) => '★'.repeat(stars) + '☆'.repeat(4 - stars)

export type Distribution = { n: number; median: number; q1: number; q3: number }

/** Quantile by linear interpolation between order statistics (the common "type 7", as spreadsheets' QUARTILE.INC). */
export function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!)
}

/** Median and quartile range of a group's (rounded) scores. */
export function distributionOf(scores: readonly number[]): Distribution {
  if (scores.length === 0) throw new Error('distributionOf: no scores')
  const sorted = scores.map(roundScore).sort((a, b) => a - b)
  return { n: sorted.length, median: roundScore(quantile(sorted, 0.5)), q1: roundScore(quantile(sorted, 0.25)), q3: roundScore(quantile(sorted, 0.75)) }
}
