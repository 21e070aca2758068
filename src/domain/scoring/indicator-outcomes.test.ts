import { describe, expect, test } from 'vitest'
import type { Answer } from '../instrument/instrument-answers'
import { indicatorOutcomes } from './indicator-outcomes'
import { scoreResponse } from './response-score'
import { scoringFixture } from './scoring-fixture'

const instrument = scoringFixture()
const outcomes = (answers: Record<string, Answer | null>) => indicatorOutcomes(instrument, 'md', new Map(Object.entries(answers)))

describe('what each answer earned', () => {
  test('lists every counted indicator with its points, leaving out free text, hidden follow-ups and "not applicable"', () => {
    const result = outcomes({ 'kinds.yes': { escape: 'not-applicable' }, 'kinds.single': 'high', 'kinds.multi': [], 'kinds.notes': 'text', 'gated.has-plan': false })
    expect(result.get('kinds')).toEqual([
      { itemId: 'kinds.single', earned: 3, max: 3 },
      { itemId: 'kinds.multi', earned: 0, max: 3 },
      { itemId: 'kinds.number', earned: 0, max: 2 },
      { itemId: 'kinds.likert', earned: 0, max: 4 },
      { itemId: 'kinds.table', earned: 0, max: 2 },
    ])
    // The budget follow-up was never asked and the dental item is not for an MD school.
    expect(result.get('gated')).toEqual([{ itemId: 'gated.has-plan', earned: 0, max: 1 }])
  })
  test('the points add up to the area scores scoreResponse gives', () => {
    const answers: Record<string, Answer> = { 'kinds.yes': true, 'kinds.single': 'mid', 'kinds.multi': ['c'], 'kinds.likert': 2, 'gated.has-plan': true, 'gated.plan-budget': true }
    const scores = scoreResponse(instrument, 'md', new Map(Object.entries(answers)))
    for (const [area, list] of outcomes(answers)) {
      const max = list.reduce((sum, o) => sum + o.max, 0)
      expect(max > 0 ? (100 * list.reduce((sum, o) => sum + o.earned, 0)) / max : null).toBe(scores.areas[area])
    }
  })
})
