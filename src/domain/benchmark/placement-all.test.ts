import fc from 'fast-check'
import { expect, test } from 'vitest'
import { CARNEGIE_GROUPS, CONTROLS, DISCIPLINES } from '../school/school-facts'
import { placeSchool, type NormsMember } from './comparison-groups'
import { placeEveryMember } from './placement-all'

const member = fc.record({
  facts: fc.record({
    discipline: fc.constantFrom(...DISCIPLINES.slice(0, 2)),
    control: fc.constantFrom(...CONTROLS),
    carnegieGroup: fc.constantFrom(...CARNEGIE_GROUPS.slice(0, 2)),
  }),
  // Few distinct values, some within rounding of each other, and some missing: ties and gaps are the hard part.
  overall: fc.option(fc.constantFrom(0, 20, 40, 40.004, 60, 59.996, 80, 100, 33.3333), { nil: null }),
})

test('placing every member at once gives exactly what placing each one by one gives', () => {
  fc.assert(fc.property(fc.array(member, { maxLength: 40 }), fc.constantFrom('all' as const, 'discipline' as const, 'similar' as const), (drawn, group) => {
    const members: NormsMember[] = drawn.map((d, i) => ({ responseId: `r${i}`, facts: d.facts, scores: { overall: d.overall } }))
    const all = placeEveryMember(members, 'overall', group)
    for (const m of members) expect(all.get(m.responseId)).toEqual(placeSchool(m, members, 'overall', group))
  }))
})
