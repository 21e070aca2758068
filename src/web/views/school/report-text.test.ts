import { describe, expect, test } from 'vitest'
import type { Placement } from '../../../domain/benchmark/comparison-groups'
import { groupLine, meaningSentence } from './report-text'

const placed = (stars: 1 | 2 | 3 | 4, group: 'all' | 'discipline' | 'similar' = 'all', fellBack = false): Placement => ({
  kind: 'placed', group, fellBack, rank: stars * 25 - 10, stars, distribution: { n: 83, median: 54.25, q1: 40, q3: 70 },
})

describe('what a result means, in words', () => {
  test('names the quartile and how many schools scored higher, before any stars', () => {
    expect(meaningSentence(placed(4), 'all')).toBe('Your school is in the top quartile of all schools: fewer than a quarter of them scored higher.')
    expect(meaningSentence(placed(2, 'discipline'), 'discipline')).toBe(
      'Your school is in the third quartile of schools of your discipline: between half and three quarters of them scored higher.',
    )
    expect(meaningSentence(placed(1, 'similar'), 'similar', 'In Advocacy, your school')).toMatch(/^In Advocacy, your school is in the fourth quartile of similar schools: more than three/)
  })
  test('says plainly when similar schools were too few and the discipline was used', () => {
    expect(meaningSentence(placed(3, 'discipline', true), 'similar')).toBe(
      'There are fewer than 5 similar schools, so this compares with schools of your discipline. Your school is in the second quartile of schools of your discipline: between a quarter and half of them scored higher.',
    )
  })
  test('a group under 5 schools is named as "fewer than 5", never by its size', () => {
    const few: Placement = { kind: 'not-enough', n: 3 }
    expect(meaningSentence(few, 'discipline')).toBe('Fewer than 5 schools of your discipline have a score, so there are not enough schools to compare with.')
    expect(meaningSentence(few, 'similar')).toContain('schools of your discipline')
    expect(groupLine(few)).toBe('fewer than 5 schools')
    expect(meaningSentence(few, 'all') + groupLine(few)).not.toContain('3')
  })
  test('the group line gives its size and median', () => {
    expect(groupLine(placed(4))).toBe('83 schools, median 54.3')
  })
})
