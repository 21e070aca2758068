import { K_MIN_COUNT } from '../privacy/small-counts'
import { inGroup, type GroupKind, type NormsMember } from './group-keys'
import { membership, metricScores, sortedScoresByGroup } from './member-groups'
import { distributionOf, distributionOfSorted, percentileRank, starsFor, type Distribution, type Stars } from './percentile-rank'

// Comparison groups within one cycle and one instrument version, the k = 5 rule and its fall-backs, and the
// placement of one school in a group. The same function places an on-time school and a late one against a frozen
// snapshot: the school's own frozen entry (if any) is replaced by its current scores.

export { groupKey, inGroup, OVERALL, type GroupKind, type NormsMember, type SchoolFacts } from './group-keys'

export type Placement =
  | { kind: 'placed'; group: GroupKind; fellBack: boolean; rank: number; stars: Stars; distribution: Distribution }
  | { kind: 'not-enough'; n: number }
  | { kind: 'no-score' }

/** The scores of a group for one metric, the target's current score in place of any frozen entry of its own. */
function groupScores(kind: GroupKind, target: NormsMember, members: readonly NormsMember[], metric: string): number[] {
  const scores = members
    .filter((m) => m.responseId !== target.responseId && inGroup(kind, target.facts, m.facts))
    .map((m) => m.scores[metric])
    .filter((s): s is number => s !== null && s !== undefined)
  const own = target.scores[metric]
  return own === null || own === undefined ? scores : [...scores, own]
}

/**
 * Places the target in the requested group for one metric. A group under k = 5 schools is never used: similar
 * falls back to discipline; a discipline (or all) under 5 gives "not enough schools to compare".
 */
export function placeSchool(target: NormsMember, members: readonly NormsMember[], metric: string, requested: GroupKind, k = K_MIN_COUNT): Placement {
  const score = target.scores[metric]
  if (score === null || score === undefined) return { kind: 'no-score' }
  let kind = requested
  let scores = groupScores(kind, target, members, metric)
  if (scores.length < k && kind === 'similar') {
    kind = 'discipline'
    scores = groupScores(kind, target, members, metric)
  }
  if (scores.length < k) return { kind: 'not-enough', n: scores.length }
  const rank = percentileRank(score, scores)
  return { kind: 'placed', group: kind, fellBack: kind !== requested, rank, stars: starsFor(rank), distribution: distributionOf(scores) }
}

export type GroupSummary = { groupKey: string; metric: string; n: number; distribution: Distribution | null }

const SUMMARY_KINDS: readonly GroupKind[] = ['all', 'discipline', 'similar']

/**
 * Every group's distribution per metric, for the frozen snapshot; groups under k keep only their size. Groups are
 * listed by key (ties, if the collation ever saw two keys as equal, in the order members first named them). A
 * member is in a group exactly when its key of that kind is the group's key (the key spells out the facts `inGroup`
 * compares), so members' keys are worked out once and each metric's scores dealt to the groups in one pass, rather
 * than filtering every member for every group and metric.
 */
export function summarizeGroups(members: readonly NormsMember[], metrics: readonly string[], k = K_MIN_COUNT): GroupSummary[] {
  const kinds = SUMMARY_KINDS.map((kind) => membership(members, kind))
  const groups = kinds.flatMap((groups, j) => {
    const firstNamed = new Array<number>(groups.keys.length).fill(-1)
    groups.groupOf.forEach((g, i) => {
      if (firstNamed[g] === -1) firstNamed[g] = i * SUMMARY_KINDS.length + j
    })
    return groups.keys.map((key, g) => ({ key, kind: j, g, firstNamed: firstNamed[g]!, summaries: [] as GroupSummary[] }))
  })
  const byKind = kinds.map((_, j) => groups.filter((group) => group.kind === j))
  for (const metric of metrics) {
    const scores = metricScores(members, metric)
    kinds.forEach((membership, j) => {
      sortedScoresByGroup(membership, scores).forEach((sorted, g) => {
        const n = sorted.length
        byKind[j]![g]!.summaries.push({ groupKey: membership.keys[g]!, metric, n, distribution: n >= k ? distributionOfSorted(sorted) : null })
      })
    })
  }
  return groups
    .sort((a, b) => a.firstNamed - b.firstNamed)
    .sort((a, b) => a.key.localeCompare(b.key))
    .flatMap((group) => group.summaries)
}
