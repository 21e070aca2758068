import type { NormsMember } from '../benchmark/group-keys'
import { BREAKDOWNS, GROUPS, groupOf, type Breakdown } from './breakdowns'
import { publishCountList, type PublishedCount, K_MIN_COUNT } from '../privacy/small-counts'
import { describeScores, type Descriptives } from './descriptives'
import { compareGroups, type GroupComparison } from './group-comparison'

// A closed cycle's results as analysts may see them: for every metric (overall, each domain, each area) the
// descriptives of all schools and of each group of each breakdown (discipline, control, Carnegie group), under the
// small-count rule. A group's count goes through `publishCountList`, the rule every published count follows, so a
// group under k is "fewer than 5" and, when one hidden group could be worked out from the total and the others, the
// next smallest is withheld too; every statistic of a hidden group is dropped with its count (decision 138).

export { BREAKDOWNS, BREAKDOWN_LABELS, type Breakdown } from './breakdowns'

/** A published row: its count as the small-count rule publishes it and its statistics only when the count is shown. */
export type PublishedRow = { key: string; label: string; n: PublishedCount; stats: Descriptives | null }

export type BreakdownTable = {
  breakdown: Breakdown
  /** Only groups with at least one school: an empty group is no one's secret and would only pad the table. */
  rows: PublishedRow[]
  /** On the shown groups only, when two or more are shown. */
  comparison: GroupComparison | null
}

export type MetricResults = { metric: string; all: PublishedRow; breakdowns: BreakdownTable[] }

export function publishRow(key: string, label: string, n: PublishedCount, scores: readonly number[]): PublishedRow {
  return { key, label, n, stats: n.kind === 'shown' ? describeScores(scores) : null }
}

/** One metric's table for one breakdown. */
export function breakdownTable(breakdown: Breakdown, members: readonly NormsMember[], metric: string, k = K_MIN_COUNT): BreakdownTable {
  const scoresByGroup = new Map<string, number[]>()
  for (const m of members) {
    const score = m.scores[metric]
    if (score === null || score === undefined) continue
    const key = groupOf(breakdown, m.facts)
    const list = scoresByGroup.get(key)
    if (list) list.push(score)
    else scoresByGroup.set(key, [score])
  }
  const present = GROUPS[breakdown].filter((g) => scoresByGroup.has(g.key))
  const published = publishCountList(present.map((g) => scoresByGroup.get(g.key)!.length), k)
  const rows = present.map((g, i) => publishRow(g.key, g.label, published.counts[i]!, scoresByGroup.get(g.key)!))
  const shown = present.filter((_, i) => published.counts[i]!.kind === 'shown').map((g) => scoresByGroup.get(g.key)!)
  return { breakdown, rows, comparison: shown.length >= 2 ? compareGroups(shown) : null }
}

/** Every metric's results: all schools, then each breakdown. `metrics` in the order the page lists them. */
export function aggregateResults(members: readonly NormsMember[], metrics: readonly string[], k = K_MIN_COUNT): MetricResults[] {
  return metrics.map((metric) => {
    const scores = members.map((m) => m.scores[metric]).filter((s): s is number => s !== null && s !== undefined)
    const n: PublishedCount = scores.length >= k ? { kind: 'shown', value: scores.length } : { kind: 'fewer-than-k' }
    return {
      metric,
      all: publishRow('all', 'All schools', n, scores),
      breakdowns: BREAKDOWNS.map((b) => (n.kind === 'shown' ? breakdownTable(b, members, metric, k) : { breakdown: b, rows: [], comparison: null })),
    }
  })
}
