/** The p-th percentile of latencies sorted ascending (nearest rank); NaN for none. */
export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
