import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { K_MIN_COUNT } from '../privacy/small-counts'
import { CARNEGIE_GROUPS, CONTROLS, DISCIPLINES } from '../school/school-facts'
import { groupKey, inGroup, placeSchool, summarizeGroups, type GroupKind, type GroupSummary, type NormsMember, type SchoolFacts } from './comparison-groups'
import { distributionOf, roundScore, sortedRoundScores } from './percentile-rank'
import { placeEveryMember, placeEveryMemberOnEach } from './placement-all'

// The norms summary and the placement of every member now deal scores to groups once and sort them by counting or
// in typed arrays. These properties hold them to the straightforward versions they replaced (kept here as the
// reference): the same summaries in the same order, the same placements, the same sorted scores bit for bit.

function referenceSummaries(members: readonly NormsMember[], metrics: readonly string[], k = K_MIN_COUNT): GroupSummary[] {
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

const referenceSorted = (scores: readonly number[]) => scores.map(roundScore).sort((a, b) => a - b)
const bitForBit = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]))

const METRICS = ['overall', 'area-a', 'area-b']
// Few distinct values, some within rounding of each other, some missing: ties and gaps are the hard part.
const score = fc.option(fc.oneof(fc.constantFrom(0, 20, 40, 40.004, 60, 59.996, 80, 100, 33.3333), fc.double({ min: 0, max: 100, noNaN: true })), { nil: null })
const memberArb = fc.record({
  facts: fc.record({ discipline: fc.constantFrom(...DISCIPLINES.slice(0, 3)), control: fc.constantFrom(...CONTROLS), carnegieGroup: fc.constantFrom(...CARNEGIE_GROUPS.slice(0, 2)) }),
  scores: fc.record({ overall: score, 'area-a': score, 'area-b': fc.option(fc.constantFrom(10, 50, 90), { nil: undefined }) }, { requiredKeys: ['overall', 'area-a'] }),
})
const membersArb = fc.array(memberArb, { maxLength: 60 }).map((drawn) => drawn.map((d, i): NormsMember => ({ responseId: `r${i}`, ...d })))

describe('rounded, sorted scores', () => {
  test('exactly what map(roundScore).sort((a, b) => a - b) gives, for any numbers (NaN, −0, infinities, wide spans)', () => {
    const anyNumber = fc.oneof(fc.double(), fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, -0.001, 1e300), fc.double({ min: 0, max: 100, noNaN: true }))
    const narrow = fc.integer({ min: -30, max: 300 }).map((h) => h / 7) // a short span: sorted by counting
    const arrays = fc.oneof(fc.array(anyNumber, { maxLength: 200 }), fc.array(narrow, { maxLength: 200 }), fc.array(fc.oneof(narrow, anyNumber), { maxLength: 50 }))
    fc.assert(fc.property(arrays, (scores) => bitForBit(sortedRoundScores(scores), referenceSorted(scores))), { numRuns: 3000 })
  })
  test('for many scores in 0–100 too (the counting road)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 500, maxLength: 3000 }), (scores) => bitForBit(sortedRoundScores(scores), referenceSorted(scores))),
      { numRuns: 50 },
    )
  })
})

describe('norms summaries and placing everyone at once match the straightforward versions', () => {
  test('summarizeGroups: the same summaries in the same order, for k = 5 and other k', () => {
    fc.assert(
      fc.property(membersArb, fc.integer({ min: 1, max: 6 }), (members, k) => {
        expect(summarizeGroups(members, METRICS, k)).toEqual(referenceSummaries(members, METRICS, k))
      }),
      { numRuns: 300 },
    )
  })
  test('placeEveryMemberOnEach: on every metric, each member placed as placeSchool places it', () => {
    fc.assert(
      fc.property(membersArb, fc.constantFrom<GroupKind>('all', 'discipline', 'similar'), (members, group) => {
        const all = placeEveryMemberOnEach(members, METRICS, group)
        expect([...all.keys()]).toEqual(METRICS)
        for (const metric of METRICS) {
          expect([...all.get(metric)!.keys()]).toEqual(members.map((m) => m.responseId))
          for (const m of members) expect(all.get(metric)!.get(m.responseId)).toEqual(placeSchool(m, members, metric, group))
          expect(placeEveryMember(members, metric, group)).toEqual(all.get(metric))
        }
      }),
      { numRuns: 200 },
    )
  })
})
