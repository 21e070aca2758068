import { describe, expect, test } from 'vitest'
import { changedScores } from './score-changes'

const scores = (overall: number | null, area = 50) => ({ areas: { a1: area, a2: null }, domains: { a: area }, overall })

describe('what a re-score changed', () => {
  test('nothing, when every shown score is the same', () => {
    expect(changedScores(scores(45), scores(45))).toEqual([])
  })
  test('floating-point noise below the shown two decimals is not a change', () => {
    expect(changedScores(scores(53.333333333333336), scores(53.33333333333333))).toEqual([])
  })
  test('the overall score moving from the mean of domains to the mean of areas is a change, and named', () => {
    expect(changedScores(scores(45), scores(160 / 3))).toEqual(['overall'])
  })
  test('a score appearing or disappearing is a change; each changed metric is listed once', () => {
    expect(changedScores(scores(null, 50), scores(10, 60))).toEqual(['a1', 'a', 'overall'])
  })
})
