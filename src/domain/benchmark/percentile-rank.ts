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
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!)
}

/**
 * The scores rounded (`roundScore`) and in ascending order, as `scores.map(roundScore).sort((a, b) => a - b)` gives
 * them. Norms sort thousands of scores per group and metric, so the common case takes a faster road: a rounded
 * score is a whole number of hundredths over 100, and hundredths spanning a short range (scores are 0–100) are
 * sorted by counting them. Otherwise a typed array's numeric sort, which orders real numbers exactly as the
 * comparator does; the two differ only on NaN and on −0 beside 0, which no score can be, and should one appear
 * the plain comparator sort runs instead, so the result is the same whatever comes in.
 */
export function sortedRoundScores(scores: ArrayLike<number>): ArrayLike<number> {
  const n = scores.length
  const hundredths = new Float64Array(n)
  let min = Infinity
  let max = -Infinity
  let plain = true
  for (let i = 0; i < n; i++) {
    const h = Math.round(scores[i]! * 100) // roundScore(x) is exactly this ÷ 100
    if (h !== h || (h === 0 && 1 / h < 0)) plain = false
    if (h < min) min = h
    if (h > max) max = h
    hundredths[i] = h
  }
  if (!plain) return Array.from(hundredths, (h) => h / 100).sort((a, b) => a - b)
  const sorted = new Float64Array(n)
  if (n > 0 && max - min <= COUNTING_SPAN_PER_SCORE * n && Number.isSafeInteger(min) && Number.isSafeInteger(max)) {
    const counts = new Int32Array(max - min + 1)
    for (let i = 0; i < n; i++) counts[hundredths[i]! - min]!++
    let at = 0
    for (let v = 0; v < counts.length; v++) for (let c = counts[v]!; c > 0; c--) sorted[at++] = (min + v) / 100
    return sorted
  }
  for (let i = 0; i < n; i++) sorted[i] = hundredths[i]! / 100
  return sorted.sort()
}

/** Counting pays while the range of hundredths is within this many slots per score (0–100 is 10,001 slots). */
const COUNTING_SPAN_PER_SCORE = 8

/** Median and quartile range of scores already rounded and sorted (`sortedRoundScores`). */
export function distributionOfSorted(sorted: ArrayLike<number>): Distribution {
  if (sorted.length === 0) throw new Error('distributionOf: no scores')
  return { n: sorted.length, median: roundScore(quantile(sorted, 0.5)), q1: roundScore(quantile(sorted, 0.25)), q3: roundScore(quantile(sorted, 0.75)) }
}

/** Median and quartile range of a group's (rounded) scores. */
export function distributionOf(scores: readonly number[]): Distribution {
  return distributionOfSorted(sortedRoundScores(scores))
}
