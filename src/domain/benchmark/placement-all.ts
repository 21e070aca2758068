import { K_MIN_COUNT } from '../privacy/small-counts'
import { groupKey, type GroupKind, type NormsMember, type Placement } from './comparison-groups'
import { distributionOf, roundScore, starsFor, type Distribution } from './percentile-rank'

// Placing every member of the norms at once gives the same answer as `placeSchool` for each, in O(n log n) rather
// than O(n²): each group's rounded scores are sorted once and a school's rank is two binary searches. At 10,000
// schools the one-by-one way took seconds per metric (docs/benchmarks.md, "scoring at scale").

type Group = { sorted: number[]; distribution: Distribution | null }

/** The first index in ascending `sorted` whose value is not below `x` (strictly above, when `after`). */
function bound(sorted: readonly number[], x: number, after: boolean): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < x || (after && sorted[mid] === x)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Every member's placement for one metric in the requested group, by response id (k = 5 and its fall-backs apply). */
export function placeEveryMember(members: readonly NormsMember[], metric: string, requested: GroupKind, k = K_MIN_COUNT): Map<string, Placement> {
  const kinds: GroupKind[] = requested === 'similar' ? ['similar', 'discipline'] : [requested]
  const groups = new Map<string, Group>()
  for (const kind of kinds) {
    const scores = new Map<string, number[]>()
    for (const m of members) {
      const s = m.scores[metric]
      if (s === null || s === undefined) continue
      const key = groupKey(kind, m.facts)
      const list = scores.get(key)
      if (list) list.push(s)
      else scores.set(key, [s])
    }
    for (const [key, list] of scores) {
      groups.set(key, { sorted: list.map(roundScore).sort((a, b) => a - b), distribution: list.length >= k ? distributionOf(list) : null })
    }
  }
  const placements = new Map<string, Placement>()
  for (const m of members) {
    const score = m.scores[metric]
    if (score === null || score === undefined) {
      placements.set(m.responseId, { kind: 'no-score' })
      continue
    }
    let kind = requested
    let group = groups.get(groupKey(kind, m.facts))!
    if (group.sorted.length < k && kind === 'similar') {
      kind = 'discipline'
      group = groups.get(groupKey(kind, m.facts))!
    }
    if (group.sorted.length < k || !group.distribution) {
      placements.set(m.responseId, { kind: 'not-enough', n: group.sorted.length })
      continue
    }
    const mine = roundScore(score)
    const below = bound(group.sorted, mine, false)
    const tied = bound(group.sorted, mine, true) - below
    const rank = (100 * (below + tied / 2)) / group.sorted.length
    placements.set(m.responseId, { kind: 'placed', group: kind, fellBack: kind !== requested, rank, stars: starsFor(rank), distribution: group.distribution })
  }
  return placements
}
