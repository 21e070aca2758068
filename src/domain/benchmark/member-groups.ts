import { groupKey, type GroupKind, type NormsMember } from './group-keys'
import { sortedRoundScores } from './percentile-rank'

// The bookkeeping shared by the norms summary and the placement of every member: which group of a kind each member
// is in (named once per member, not once per metric and lookup), one metric's scores read once into an array, and
// each group's scores rounded and sorted.

/** The groups of one kind: `groupOf[i]` is member i's group, an index into `keys`. */
export type Membership = { kind: GroupKind; keys: string[]; groupOf: Int32Array }

export function membership(members: readonly NormsMember[], kind: GroupKind): Membership {
  const index = new Map<string, number>()
  const groupOf = new Int32Array(members.length)
  for (let i = 0; i < members.length; i++) {
    const key = groupKey(kind, members[i]!.facts)
    let g = index.get(key)
    if (g === undefined) index.set(key, (g = index.size))
    groupOf[i] = g
  }
  return { kind, keys: [...index.keys()], groupOf }
}

/** One metric's score of every member, by member index (`has[i]` says whether member i has one). */
export type MetricScores = { values: Float64Array; has: Uint8Array }

export function metricScores(members: readonly NormsMember[], metric: string): MetricScores {
  const values = new Float64Array(members.length)
  const has = new Uint8Array(members.length)
  for (let i = 0; i < members.length; i++) {
    const s = members[i]!.scores[metric]
    if (s === null || s === undefined) continue
    values[i] = s
    has[i] = 1
  }
  return { values, has }
}

/** Each group's scores on the metric, rounded and sorted (`sortedRoundScores` of them in member order). */
export function sortedScoresByGroup(groups: Membership, scores: MetricScores): ArrayLike<number>[] {
  const size = new Int32Array(groups.keys.length)
  for (let i = 0; i < groups.groupOf.length; i++) if (scores.has[i]) size[groups.groupOf[i]!]!++
  const lists = Array.from(size, (n) => new Float64Array(n))
  const filled = new Int32Array(size.length)
  for (let i = 0; i < groups.groupOf.length; i++) {
    if (!scores.has[i]) continue
    const g = groups.groupOf[i]!
    lists[g]![filled[g]!++] = scores.values[i]!
  }
  return lists.map(sortedRoundScores)
}
