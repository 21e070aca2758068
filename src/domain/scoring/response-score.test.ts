import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Answer } from '../instrument/instrument-answers'
import { validateInstrument } from '../instrument/instrument-validate'
import { areaScore, scoreResponse, weightedMean } from './response-score'
import { scoringFixture } from './scoring-fixture'

const instrument = scoringFixture()

// INSTRUMENT.md's example: domain A has areas scoring 80 and 60, domain B one area scoring 20 (five 1-point
// questions an area, so 4, 3 and 1 "yes" answers give those scores). Equal weights.
const fivePointArea = (id: string) => ({
  id,
  title: id,
  items: [1, 2, 3, 4, 5].map((n) => ({ id: `${id}.q${n}`, text: `Question ${n}`, office: 'hr', kind: 'yes-no' })),
})
const workedExample = (() => {
  const checked = validateInstrument({
    id: 'worked-example',
    title: 'Worked example',
    domains: [
      { id: 'a', title: 'A', areas: [fivePointArea('a1'), fivePointArea('a2')] },
      { id: 'b', title: 'B', areas: [fivePointArea('b1')] },
    ],
  })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  return checked.instrument
})()
const yesTo = (area: string, count: number) =>
  Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`${area}.q${n}`, n <= count] as const))
const workedExampleAnswers: Record<string, Answer> = { ...yesTo('a1', 4), ...yesTo('a2', 3), ...yesTo('b1', 1) }
const score = (answers: Record<string, Answer | null>, discipline: 'md' | 'dental' = 'md') =>
  scoreResponse(instrument, discipline, new Map(Object.entries(answers)))

const FULL: Record<string, Answer> = {
  'kinds.yes': true, // 2/2
  'kinds.single': 'mid', // 1/3
  'kinds.multi': ['c'], // 1/3
  'kinds.number': 60, // 2/2
  'kinds.likert': 2, // 2/4
  'kinds.table': { 'urm.n': 30, 'all.n': 100 }, // 2/2
  'kinds.notes': 'free text',
}

describe('area, domain and overall scores', () => {
  test("'not applicable' leaves the denominator; 'don't know' (0 of 2) stays in it", () => {
    expect(areaScore([{ counted: true, earned: 2, max: 2 }, { counted: false, reason: 'not-applicable' }, { counted: true, earned: 0, max: 2 }])).toBe(50)
  })
  test('an area is 100 × earned ÷ max over its indicators: 10 of 16 is 62.5', () => {
    expect(score(FULL).areas['kinds']).toBe(62.5)
  })
  test('a follow-up hidden by skip logic is not scored, shown it is', () => {
    expect(score({ 'gated.has-plan': false }).areas['gated']).toBe(0) // 0 of 1: the budget question was never asked
    expect(score({ 'gated.has-plan': true, 'gated.plan-budget': true }).areas['gated']).toBe(100) // 2 of 2
    expect(score({ 'gated.has-plan': true }).areas['gated']).toBe(50)
  })
  test('an item for another discipline is not scored; for its own discipline it is', () => {
    expect(score({ 'gated.has-plan': false }, 'md').areas['gated']).toBe(0)
    expect(score({ 'gated.has-plan': false, 'gated.dental-only': true }, 'dental').areas['gated']).toBe(50)
  })
  test('an area with nothing applicable scores null, and the domain and overall leave it out', () => {
    const result = score({ ...FULL, 'solo.one': { escape: 'not-applicable' }, 'gated.has-plan': true, 'gated.plan-budget': true })
    expect(result.areas['solo']).toBeNull()
    expect(result.domains['beta']).toBeNull()
    expect(result.domains['alpha']).toBe((62.5 + 100) / 2)
    expect(result.overall).toBe(81.25)
  })
  test("domain and overall are weighted means: an area's weight in the overall is its own times its domain's", () => {
    const result = score({ ...FULL, 'gated.has-plan': true, 'gated.plan-budget': true, 'solo.one': false })
    expect(result.domains['alpha']).toBe(81.25)
    expect(result.domains['beta']).toBe(0)
    // alpha (weight 2) has two areas, 62.5 and 100; beta (weight 1) one, 0: (2 × 62.5 + 2 × 100 + 0) ÷ 5.
    expect(result.overall).toBeCloseTo(65, 10)
  })
  test("INSTRUMENT.md's worked example: areas 80 and 60 in one domain, 20 in another give 53.33 overall, not 45", () => {
    const result = scoreResponse(workedExample, 'md', new Map(Object.entries(workedExampleAnswers)))
    expect(result.areas).toEqual({ a1: 80, a2: 60, b1: 20 })
    expect(result.domains).toEqual({ a: 70, b: 20 })
    expect(result.overall).toBeCloseTo(160 / 3, 10)
    expect(result.overall!.toFixed(2)).toBe('53.33')
  })
  test('weightedMean of nothing is null', () => {
    expect(weightedMean([])).toBeNull()
  })
})

// Answers drawn from what each item accepts, escapes included.
const answerArb = fc.record({
  'kinds.yes': fc.oneof(fc.boolean(), fc.constant({ escape: 'not-applicable' as const }), fc.constant({ escape: 'dont-know' as const })),
  'kinds.single': fc.constantFrom('low', 'mid', 'high', { escape: 'dont-know' as const }),
  'kinds.multi': fc.subarray(['a', 'b', 'c']),
  'kinds.number': fc.double({ min: 0, max: 100, noNaN: true }),
  'kinds.likert': fc.integer({ min: 0, max: 4 }),
  'kinds.table': fc.record({ 'urm.n': fc.nat(500), 'all.n': fc.nat(500) }),
  'gated.has-plan': fc.boolean(),
  'gated.plan-budget': fc.boolean(),
  'solo.one': fc.oneof(fc.boolean(), fc.constant({ escape: 'not-applicable' as const })),
}) as fc.Arbitrary<Record<string, Answer>>
const allScores = (r: ReturnType<typeof score>) => [...Object.values(r.areas), ...Object.values(r.domains), r.overall].filter((s): s is number => s !== null)

describe('scoring properties', () => {
  test('the same answers always give the same scores', () => {
    fc.assert(fc.property(answerArb, (answers) => {
      expect(score(answers)).toEqual(score(structuredClone(answers)))
    }))
  })
  test('every score stays within 0–100', () => {
    fc.assert(fc.property(answerArb, (answers) => allScores(score(answers)).every((s) => s >= 0 && s <= 100)))
  })
  test('earning more points on an item never lowers any score', () => {
    fc.assert(
      fc.property(answerArb, fc.constantFrom('kinds.single', 'kinds.likert', 'kinds.multi', 'solo.one'), (answers, id) => {
        const better = { ...answers, [id]: id === 'kinds.single' ? 'high' : id === 'kinds.likert' ? 4 : id === 'kinds.multi' ? ['a', 'b', 'c'] : true }
        if (id === 'solo.one' && typeof answers[id] !== 'boolean') return true // from N/A the denominator changes too
        const before = score(answers)
        const after = score(better)
        return Object.keys(before.areas).every((a) => (after.areas[a] ?? 0) >= (before.areas[a] ?? 0) - 1e-9) && (after.overall ?? 0) >= (before.overall ?? 0) - 1e-9
      }),
    )
  })
  test("'not applicable' on one item never changes how the other items count", () => {
    fc.assert(
      fc.property(answerArb, (answers) => {
        const withNa = score({ ...answers, 'kinds.yes': { escape: 'not-applicable' } }).areas['kinds']!
        // The same area computed by hand without the item: its other five indicators out of 14.
        const without = score({ ...answers, 'kinds.yes': false }).areas['kinds']! // yes=false earns 0 of 2
        const earnedOthers = (without * 16) / 100
        return Math.abs(withNa - (100 * earnedOthers) / 14) < 1e-9
      }),
    )
  })
})
