import { K_MIN_COUNT } from '../privacy/small-counts'
import type { CarnegieGroup, Control, Discipline } from '../school/school-facts'
import { distributionOf, percentileRank, starsFor, type Distribution, type Stars } from './percentile-rank'

// Comparison groups within one cycle and one instrument version, the k = 5 rule and its fall-backs, and the
// placement of one school in a group. The same function places an on-time school and a late one against a frozen
// snapshot: the school's own frozen entry (if any) is replaced by its current scores.

export type GroupKind = 'all' | 'discipline' | 'similar'
export type SchoolFacts = { discipline: Discipline; control: Control; carnegieGroup: CarnegieGroup }
/** One scored response as the norms know it: its school's facts and its scores by metric (area, domain or "overall"). */
export type NormsMember = { responseId: string; facts: SchoolFacts; scores: Readonly<Record<string, number | null>> }

export const OVERALL = 'overall'

export const inGroup = (kind: GroupKind, me: SchoolFacts, other: SchoolFacts): boolean =>
  kind === 'all' ||
  (other.discipline === me.discipline && (kind === 'discipline' || (other.control === me.control && other.carnegieGroup === me.carnegieGroup)))

/** A stable key naming the group a school of these facts belongs to. */
export const groupKey = (kind: GroupKind, facts: SchoolFacts): string =>
  kind === 'all' ? 'all' : kind === 'discipline' ? `discipline:${facts.discipline}` : `similar:${facts.discipline}/${facts.control}/${facts.carnegieGroup}`

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

/** Every group's distribution per metric, for the frozen snapshot; groups under k keep only their size. */
export function summarizeGroups(members: readonly NormsMember[], metrics: readonly string[], k = K_MIN_COUNT): GroupSummary[] {
  const groups = new Map<string, SchoolFacts & { kind: GroupKind }>()
  for (const m of members) for (const kind of ['all', 'discipline', 'similar'] as const) groups.set(groupKey(kind, m.facts), { ...m.facts, kind })
  const summaries: GroupSummary[] = []
  for (const [key, facts] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    for (const metric of metrics) {
      const scores = members
        .filter((m) => inGroup(facts.kind, facts, m.facts))
        .map((m) => m.scores[metric])
        .filter((s): s is number => s !== null && s !== undefined)
      summaries.push({ groupKey: key, metric, n: scores.length, distribution: scores.length >= k ? distributionOf(scores) : null })
    }
  }
  return summaries
}
