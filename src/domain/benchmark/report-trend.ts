import type { Instrument } from '../instrument/instrument-model'

// A school's earlier results expressed in the areas of the current instrument, so a report can show its trend.

/**
 * Area scores of an earlier cycle in the current version's areas: as they are for the same version, through the
 * earlier version's crosswalk otherwise (an area fed by several earlier areas gets their mean), or null when no
 * crosswalk leads to the current version.
 */
export function areasInCurrentVersion(
  earlier: Pick<Instrument, 'id' | 'crosswalk'>,
  currentVersion: string,
  earlierAreas: Readonly<Record<string, number | null>>,
): Record<string, number | null> | null {
  if (earlier.id === currentVersion) return { ...earlierAreas }
  if (earlier.crosswalk?.to !== currentVersion) return null
  const collected = new Map<string, number[]>()
  for (const [from, targets] of Object.entries(earlier.crosswalk.areas)) {
    const score = earlierAreas[from]
    if (score === null || score === undefined) continue
    for (const to of targets) collected.set(to, [...(collected.get(to) ?? []), score])
  }
  return Object.fromEntries([...collected].map(([area, scores]) => [area, scores.reduce((a, b) => a + b, 0) / scores.length]))
}

/** The areas with the highest and the lowest scores (ties broken by instrument order), at most `n` each. */
export function strongestAndWeakest<T extends { score: number | null }>(areas: readonly T[], n = 3): { strongest: T[]; weakest: T[] } {
  const scored = areas.map((area, order) => ({ area, order })).filter((a) => a.area.score !== null)
  const take = Math.min(n, Math.floor(scored.length / 2))
  const byScore = [...scored].sort((a, b) => b.area.score! - a.area.score! || a.order - b.order)
  return {
    strongest: byScore.slice(0, take).map((a) => a.area),
    weakest: byScore.slice(byScore.length - take).reverse().map((a) => a.area),
  }
}
