import fc from 'fast-check'
import { expect, test } from 'vitest'
import { placeSchool, type NormsMember } from '../../domain/benchmark/comparison-groups'
import { CARNEGIE_GROUPS, CONTROLS, DISCIPLINES } from '../../domain/school/school-facts'
import { placeInFrozenSnapshot } from './snapshot-placements'

const facts = fc.record({
  discipline: fc.constantFrom(...DISCIPLINES.slice(0, 2)),
  control: fc.constantFrom(...CONTROLS),
  carnegieGroup: fc.constantFrom(...CARNEGIE_GROUPS.slice(0, 2)),
})
// Few distinct values, some within rounding of each other, and some missing: ties and gaps are the hard part.
const score = fc.option(fc.constantFrom(0, 20, 40, 40.004, 60, 59.996, 80, 100, 33.3333), { nil: null })
const member = fc.record({ facts, a: score, b: score })

// How the school being placed may differ from its frozen entry: not at all, a score changed, its facts changed, or
// it is not in the snapshot (a late school).
const target = fc.record({ index: fc.nat(), change: fc.constantFrom('none', 'score', 'facts', 'late'), score, facts })

test('placing against a frozen snapshot gives exactly what placeSchool gives, whatever changed since the freeze', () => {
  fc.assert(fc.property(fc.array(member, { maxLength: 40 }), fc.array(target, { minLength: 1, maxLength: 8 }), (drawn, targets) => {
    const members: NormsMember[] = drawn.map((d, i) => ({ responseId: `r${i}`, facts: d.facts, scores: { a: d.a, b: d.b } }))
    // Several schools against the same snapshot: later ones are answered from what the earlier ones placed.
    for (const t of targets) {
      const frozen = members.length > 0 ? members[t.index % members.length]! : undefined
      const me: NormsMember =
        !frozen || t.change === 'late' ? { responseId: 'late', facts: t.facts, scores: { a: t.score, b: t.score } }
          : t.change === 'score' ? { ...frozen, scores: { ...frozen.scores, a: t.score } }
            : t.change === 'facts' ? { ...frozen, facts: t.facts }
              : { ...frozen }
      for (const metric of ['a', 'b']) {
        for (const group of ['all', 'discipline', 'similar'] as const) {
          expect(placeInFrozenSnapshot(me, members, metric, group)).toEqual(placeSchool(me, members, metric, group))
        }
      }
    }
  }))
})

test('schools of several snapshots, more than are kept, placed in turn', () => {
  const snapshot = (offset: number): NormsMember[] =>
    Array.from({ length: 12 }, (_, i) => ({ responseId: `r${i}`, facts: { discipline: 'md', control: 'public', carnegieGroup: i % 2 ? 'r1' : 'r2' }, scores: { a: (i * 7 + offset) % 10 } }))
  const snapshots = [snapshot(0), snapshot(3), snapshot(5)]
  for (const members of [...snapshots, ...snapshots, snapshots[0]!]) {
    for (const me of members) expect(placeInFrozenSnapshot(me, members, 'a', 'similar')).toEqual(placeSchool(me, members, 'a', 'similar'))
  }
})
