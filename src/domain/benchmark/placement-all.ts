import { K_MIN_COUNT } from '../privacy/small-counts'
import type { Placement } from './comparison-groups'
import type { GroupKind, NormsMember } from './group-keys'
import { membership, metricScores, sortedScoresByGroup, type Membership } from './member-groups'
import { distributionOfSorted, roundScore, starsFor, type Distribution } from './percentile-rank'

// Placing every member of the norms at once gives the same answer as `placeSchool` for each, in O(n log n) rather
// than O(n²): each group's rounded scores are sorted once and a rank is two binary searches. At 10,000 schools the
// one-by-one way took seconds per metric (docs/benchmarks.md, "scoring at scale"). Members' groups are named once
// for all metrics, and a placement is worked out once per group and rounded score: members tied in a group share
// that one placement object (a placement is a value; nothing changes it once made).

/** The first index in ascending `sorted` whose value is not below `x` (strictly above, when `after`). */
function bound(sorted: ArrayLike<number>, x: number, after: boolean): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < x || (after && sorted[mid] === x)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** One metric's groups of one kind: sorted scores, and per group its distribution and placements once made. */
class MetricGroups {
  private readonly distributions: (Distribution | undefined)[]
  private readonly placed: Map<number, Placement>[]
  private readonly notEnough: (Placement | undefined)[]
  constructor(readonly groups: Membership, readonly sorted: ArrayLike<number>[], private readonly requested: GroupKind) {
    this.distributions = sorted.map(() => undefined)
    this.placed = sorted.map(() => new Map())
    this.notEnough = sorted.map(() => undefined)
  }

  size(g: number): number {
    return this.sorted[g]!.length
  }

  notEnoughIn(g: number): Placement {
    return (this.notEnough[g] ??= { kind: 'not-enough', n: this.size(g) })
  }

  placementIn(g: number, score: number): Placement {
    const rounded = roundScore(score)
    let placement = this.placed[g]!.get(rounded)
    if (!placement) {
      const sorted = this.sorted[g]!
      const below = bound(sorted, rounded, false)
      const tied = bound(sorted, rounded, true) - below
      const rank = (100 * (below + tied / 2)) / sorted.length
      const distribution = (this.distributions[g] ??= distributionOfSorted(sorted))
      const kind = this.groups.kind
      placement = { kind: 'placed', group: kind, fellBack: kind !== this.requested, rank, stars: starsFor(rank), distribution }
      this.placed[g]!.set(rounded, placement)
    }
    return placement
  }
}

/** Every member's placement on each metric in the requested group: by metric, then by response id (k = 5 and its fall-backs apply). */
export function placeEveryMemberOnEach(
  members: readonly NormsMember[], metrics: readonly string[], requested: GroupKind, k = K_MIN_COUNT,
): Map<string, Map<string, Placement>> {
  const mine = membership(members, requested)
  const fallback = requested === 'similar' ? membership(members, 'discipline') : null
  const byMetric = new Map<string, Map<string, Placement>>()
  for (const metric of metrics) {
    const scores = metricScores(members, metric)
    const first = new MetricGroups(mine, sortedScoresByGroup(mine, scores), requested)
    const second = fallback && new MetricGroups(fallback, sortedScoresByGroup(fallback, scores), requested)
    const placements = new Map<string, Placement>()
    const noScore: Placement = { kind: 'no-score' }
    for (let i = 0; i < members.length; i++) {
      const id = members[i]!.responseId
      if (!scores.has[i]) {
        placements.set(id, noScore)
        continue
      }
      let groups = first
      let g = mine.groupOf[i]!
      if (groups.size(g) < k && second) {
        groups = second
        g = second.groups.groupOf[i]!
      }
      placements.set(id, groups.size(g) < k ? groups.notEnoughIn(g) : groups.placementIn(g, scores.values[i]!))
    }
    byMetric.set(metric, placements)
  }
  return byMetric
}

/** Every member's placement for one metric in the requested group, by response id (k = 5 and its fall-backs apply). */
export function placeEveryMember(members: readonly NormsMember[], metric: string, requested: GroupKind, k = K_MIN_COUNT): Map<string, Placement> {
  return placeEveryMemberOnEach(members, [metric], requested, k).get(metric)!
}
