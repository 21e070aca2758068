import { describe, expect, test } from 'vitest'
import type { Answer } from '../instrument/instrument-answers'
import { scoringFixture } from '../scoring/scoring-fixture'
import { instrumentQuality, type QualityResponse } from './item-quality'

const instrument = scoringFixture()
const dk = { escape: 'dont-know' } as const
const response = (answers: Record<string, Answer | null>, discipline: QualityResponse['discipline'] = 'md'): QualityResponse => ({
  discipline,
  answers: new Map(Object.entries(answers)),
})

// Eight schools: every one answers "yes" to gated.has-plan (nearly everyone alike), five say "don't know" to
// kinds.single, and the two items of the "gated" area move together.
const budget: (boolean | null)[] = [true, true, false, false, true, false, true, null]
const responses = budget.map((b, i) =>
  response({
    'gated.has-plan': true,
    'gated.plan-budget': b,
    'kinds.single': i < 5 ? dk : i === 5 ? 'mid' : 'high',
    'kinds.yes': i % 2 === 0,
  }),
)
const quality = instrumentQuality(instrument, responses)
const item = (id: string) => quality.items.find((q) => q.itemId === id)!

describe('instrument quality', () => {
  test('an item everyone answers alike is flagged, with the option named', () => {
    expect(item('gated.has-plan').flags).toEqual(['alike'])
    expect(item('gated.has-plan').alikeLabel).toBe('Yes')
    expect(item('kinds.yes').flags).toEqual([])
  })

  test('an item most schools do not know is flagged, and its don’t-know rate shown', () => {
    expect(item('kinds.single').flags).toContain('dont-know')
    expect(item('kinds.single').dontKnowRate).toBeCloseTo(5 / 8)
  })

  test('option counts under 5 carry the mark, and one more is withheld so the total gives none away', () => {
    const counts = Object.fromEntries(item('kinds.yes').categories.map((c) => [c.key, c.count.kind === 'shown' ? c.count.value : c.count.kind]))
    // yes 4, no 4, not applicable 0, missing 0: all small, and the total 8 is shown.
    expect(counts).toEqual({ yes: 'fewer-than-k', no: 'fewer-than-k', 'dont-know': 'fewer-than-k', 'not-applicable': 'fewer-than-k', missing: 'fewer-than-k' })
    expect(item('kinds.yes').applicable).toEqual({ kind: 'shown', value: 8 })
    // kinds.single: low 0, mid 1, high 2, don't know 5, missing 0 → the hidden four add up to 3 and each could
    // still be 0 to 3, so the 5 may show.
    const single = Object.fromEntries(item('kinds.single').categories.map((c) => [c.key, c.count.kind]))
    expect(single).toEqual({ low: 'fewer-than-k', mid: 'fewer-than-k', high: 'fewer-than-k', 'dont-know': 'shown', missing: 'fewer-than-k' })
    // One small count beside a shown one: the shown one is withheld too, or the total would give the small one away.
    // solo.one: yes 6, no 5, don't know 5, not applicable 5, not answered 1 (the only small one).
    const answerOf = (i: number): Answer | null => (i < 6 ? true : i < 11 ? false : i < 16 ? dk : i < 21 ? { escape: 'not-applicable' } : null)
    const lone = instrumentQuality(instrument, Array.from({ length: 22 }, (_, i) => response({ 'solo.one': answerOf(i) })))
    const solo = Object.fromEntries(lone.items.find((q) => q.itemId === 'solo.one')!.categories.map((c) => [c.key, c.count.kind]))
    expect(solo).toEqual({ yes: 'shown', no: 'withheld', 'dont-know': 'shown', 'not-applicable': 'shown', missing: 'fewer-than-k' })
  })

  test('a skipped question counts apart from a missing one', () => {
    const quality2 = instrumentQuality(instrument, Array.from({ length: 6 }, (_, i) => response({ 'gated.has-plan': i < 5, 'gated.plan-budget': i < 5 ? true : null })))
    const cats = Object.fromEntries(quality2.items.find((q) => q.itemId === 'gated.plan-budget')!.categories.map((c) => [c.key, c.count]))
    expect(cats['yes']).toEqual({ kind: 'shown', value: 5 })
    expect(cats['skipped']).toEqual({ kind: 'fewer-than-k' })
  })

  test('item–rest correlation: the item’s points against the rest of its area (hand-computed)', () => {
    // Area "gated" for MD: has-plan (always 1 point) and plan-budget (visible for all). For plan-budget the rest is
    // has-plan alone, always 100: no spread, so no r. For has-plan the item itself never varies: no r either.
    expect(item('gated.plan-budget').itemRest).toEqual({ r: null, n: 8 })
    // Area "kinds": kinds.yes (2 points) against the rest (single 0–3 of 3, others unanswered → 0 points, max 3+3+2+4+2).
    // Rest earned is 1 for school 5 (mid) and 3 for schools 6 and 7 (high); kinds.yes is 2 for even schools.
    const restMax = 3 + 3 + 2 + 4 + 2
    const x = [2, 0, 2, 0, 2, 0, 2, 0]
    const y = [0, 0, 0, 0, 0, 1, 3, 3].map((e) => (100 * e) / restMax)
    const mx = x.reduce((a, b) => a + b) / 8
    const my = y.reduce((a, b) => a + b) / 8
    const cov = x.reduce((s, xi, i) => s + (xi - mx) * (y[i]! - my), 0)
    const r = cov / Math.sqrt(x.reduce((s, xi) => s + (xi - mx) ** 2, 0) * y.reduce((s, yi) => s + (yi - my) ** 2, 0))
    expect(item('kinds.yes').itemRest!.r).toBeCloseTo(r, 9)
  })

  test('alpha per area over complete cases, with their number', () => {
    const gated = quality.areas.find((a) => a.areaId === 'gated')!
    // dental-only never applies to these MD schools, so no school is a complete case of all three items.
    expect(gated).toMatchObject({ items: 3, n: 0, alpha: null })
    const solo = quality.areas.find((a) => a.areaId === 'solo')!
    expect(solo).toMatchObject({ items: 1, alpha: null })
  })
})
