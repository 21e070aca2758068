import anova1 from '@stdlib/stats-anova1'
import kruskalTest from '@stdlib/stats-kruskal-test'

// Whether a breakdown's groups differ, with the usual tests from a maintained library (stdlib), never hand-rolled
// distributions. Kruskal–Wallis is the primary test: scores are bounded 0–100, often skewed and piled at the ends
// of the scale, and groups differ in size and spread, which one-way ANOVA assumes away. ANOVA's F is reported
// beside it because analysts reading older publications expect it (decision 137).

export type KruskalWallis = { h: number; df: number; p: number; /** ε² = H ÷ (n − 1), 0–1. */ epsilonSquared: number }
export type OneWayAnova = { f: number; dfBetween: number; dfWithin: number; p: number; /** η² = SS between ÷ SS total. */ etaSquared: number }
export type GroupComparison = { groups: number; n: number; kruskalWallis: KruskalWallis; anova: OneWayAnova | null }

/**
 * Compares two or more groups of scores; null with fewer than two groups or when every score is the same (no test
 * says anything then). ANOVA is null when no group has any spread within it (its F is undefined).
 */
export function compareGroups(groups: readonly (readonly number[])[]): GroupComparison | null {
  const used = groups.filter((g) => g.length > 0)
  if (used.length < 2) return null
  const all = used.flat()
  if (all.every((x) => x === all[0])) return null
  const n = all.length
  const kw = kruskalTest(all, { groups: used.flatMap((g, i) => g.map(() => i)) })
  const kruskalWallis = { h: kw.statistic, df: kw.df, p: kw.pValue, epsilonSquared: kw.statistic / (n - 1) }
  return { groups: used.length, n, kruskalWallis, anova: oneWayAnova(used) }
}

function oneWayAnova(groups: readonly (readonly number[])[]): OneWayAnova | null {
  const x = groups.flat()
  const factor = groups.flatMap((g, i) => g.map(() => `g${i}`))
  const out = anova1(x, factor) as unknown as { statistic: number; pValue: number; treatment: { df: number; ss: number }; error: { df: number; ss: number } }
  if (out.error.ss <= 0 || out.error.df <= 0 || !Number.isFinite(out.statistic)) return null
  return {
    f: out.statistic,
    dfBetween: out.treatment.df,
    dfWithin: out.error.df,
    p: out.pValue,
    etaSquared: out.treatment.ss / (out.treatment.ss + out.error.ss),
  }
}
