import { describe, expect, test } from 'vitest'
import type { CarnegieGroup, Control, Discipline } from '../school/school-facts'
import { placeSchool, summarizeGroups, type GroupKind, type NormsMember } from './comparison-groups'

// Twelve schools in three disciplines, with ties; every expected number below was worked out by hand.
//   all (12), rounded and sorted: 20 30 40 50 60 60 60 60 70 80 90 100
//   md (6): 40 60 60 60 80 90 · md/public/r1 (5): 40 60 60 80 90 · md/private/r2 (1)
//   dental (4): 30 50 60 70 · pa (2): 20 100
const school = (responseId: string, discipline: Discipline, control: Control, carnegieGroup: CarnegieGroup, overall: number): NormsMember => ({
  responseId,
  facts: { discipline, control, carnegieGroup },
  scores: { overall },
})
const SCHOOLS: NormsMember[] = [
  school('M1', 'md', 'public', 'r1', 80),
  school('M2', 'md', 'public', 'r1', 60),
  school('M3', 'md', 'public', 'r1', 60),
  school('M4', 'md', 'public', 'r1', 40),
  school('M5', 'md', 'public', 'r1', 90),
  school('M6', 'md', 'private', 'r2', 60.004), // rounds to 60.00: tied with the other 60s
  school('D1', 'dental', 'public', 'r1', 30),
  school('D2', 'dental', 'public', 'r1', 50),
  school('D3', 'dental', 'private', 'r2', 60),
  school('D4', 'dental', 'private', 'r2', 70),
  school('P1', 'pa', 'public', 'r1', 20),
  school('P2', 'pa', 'private', 'r2', 100),
]
const byId = (id: string) => SCHOOLS.find((s) => s.responseId === id)!
const place = (id: string, group: GroupKind) => {
  const p = placeSchool(byId(id), SCHOOLS, 'overall', group)
  return p.kind === 'placed' ? { rank: Number(p.rank.toFixed(3)), stars: p.stars, group: p.group } : p.kind
}

describe('twelve schools, three disciplines, ties: every rank and star by hand', () => {
  test('against all 12 schools', () => {
    const expected: Record<string, [number, number]> = {
      P1: [4.167, 1], // (0 + ½) ÷ 12
      D1: [12.5, 1], // (1 + ½) ÷ 12
      M4: [20.833, 1], // (2 + ½) ÷ 12
      D2: [29.167, 2], // (3 + ½) ÷ 12
      M2: [50, 3], // four tied at 60: (4 + 4/2) ÷ 12
      M3: [50, 3],
      M6: [50, 3],
      D3: [50, 3],
      D4: [70.833, 3], // (8 + ½) ÷ 12
      M1: [79.167, 4], // (9 + ½) ÷ 12
      M5: [87.5, 4], // (10 + ½) ÷ 12
      P2: [95.833, 4], // (11 + ½) ÷ 12
    }
    for (const [id, [rank, stars]] of Object.entries(expected)) expect(place(id, 'all'), id).toEqual({ rank, stars, group: 'all' })
  })
  test('against the 6 MD schools; 80 sits exactly on the top-quartile line', () => {
    expect(place('M4', 'discipline')).toEqual({ rank: 8.333, stars: 1, group: 'discipline' }) // ½ ÷ 6
    for (const id of ['M2', 'M3', 'M6']) expect(place(id, 'discipline')).toEqual({ rank: 41.667, stars: 2, group: 'discipline' }) // (1 + 3/2) ÷ 6
    expect(place('M1', 'discipline')).toEqual({ rank: 75, stars: 4, group: 'discipline' }) // (4 + ½) ÷ 6
    expect(place('M5', 'discipline')).toEqual({ rank: 91.667, stars: 4, group: 'discipline' }) // (5 + ½) ÷ 6
  })
  test('similar schools: MD public R1 has exactly 5; the lone private MD falls back to its discipline', () => {
    expect(place('M4', 'similar')).toEqual({ rank: 10, stars: 1, group: 'similar' })
    expect(place('M2', 'similar')).toEqual({ rank: 40, stars: 2, group: 'similar' })
    expect(place('M1', 'similar')).toEqual({ rank: 70, stars: 3, group: 'similar' })
    expect(place('M5', 'similar')).toEqual({ rank: 90, stars: 4, group: 'similar' })
    expect(place('M6', 'similar')).toEqual({ rank: 41.667, stars: 2, group: 'discipline' })
    const fallback = placeSchool(byId('M6'), SCHOOLS, 'overall', 'similar')
    expect(fallback.kind === 'placed' && fallback.fellBack).toBe(true)
  })
  test('dental (4) and PA (2) are under 5: "not enough schools to compare", never a quartile', () => {
    for (const id of ['D1', 'D2', 'D3', 'D4', 'P1', 'P2']) {
      expect(place(id, 'discipline'), id).toBe('not-enough')
      expect(place(id, 'similar'), id).toBe('not-enough')
    }
    expect(placeSchool(byId('D1'), SCHOOLS, 'overall', 'discipline')).toEqual({ kind: 'not-enough', n: 4 })
  })
  test('a school without a score for the metric is not placed', () => {
    expect(placeSchool({ ...byId('M1'), scores: { overall: null } }, SCHOOLS, 'overall', 'all')).toEqual({ kind: 'no-score' })
  })
})

describe('placing against a frozen snapshot', () => {
  test('a late MD public R1 school scoring 60 joins its similar group: 40 60 60 60 80 90 → (1 + 3/2) ÷ 6', () => {
    const late = school('LATE', 'md', 'public', 'r1', 60)
    const p = placeSchool(late, SCHOOLS, 'overall', 'similar')
    expect(p).toMatchObject({ kind: 'placed', group: 'similar', stars: 2, distribution: { n: 6 } })
    expect(p.kind === 'placed' && Number(p.rank.toFixed(3))).toBe(41.667)
  })
  test('a reopened school is placed with its new score in place of its frozen one', () => {
    const reopened = { ...byId('M4'), scores: { overall: 85 } } // similar now 60 60 80 85 90: (3 + ½) ÷ 5
    expect(placeSchool(reopened, SCHOOLS, 'overall', 'similar')).toMatchObject({ kind: 'placed', rank: 70, stars: 3, distribution: { n: 5 } })
  })
})

describe('group summaries for the norms snapshot', () => {
  const summaries = summarizeGroups(SCHOOLS, ['overall'])
  const of = (key: string) => summaries.find((s) => s.groupKey === key)
  test('all 12: Q1 47.5, median 60, Q3 72.5', () => {
    expect(of('all')).toEqual({ groupKey: 'all', metric: 'overall', n: 12, distribution: { n: 12, q1: 47.5, median: 60, q3: 72.5 } })
  })
  test('MD: Q1 60, median 60, Q3 75; MD public R1: 60, 60, 80', () => {
    expect(of('discipline:md')?.distribution).toEqual({ n: 6, q1: 60, median: 60, q3: 75 })
    expect(of('similar:md/public/r1')?.distribution).toEqual({ n: 5, q1: 60, median: 60, q3: 80 })
  })
  test('groups under 5 keep only their size', () => {
    expect(of('discipline:dental')).toEqual({ groupKey: 'discipline:dental', metric: 'overall', n: 4, distribution: null })
    expect(of('similar:md/private/r2')?.distribution).toBeNull()
  })
})
