import { describe, expect, test } from 'vitest'
import { US_STATES } from '../school/school-facts'
import { censusRegionOf } from './census-regions'

describe('Census regions', () => {
  test('the 50 states and DC fall in the four regions as the Census Bureau draws them', () => {
    const counts = new Map<string, number>()
    for (const state of US_STATES) counts.set(censusRegionOf(state), (counts.get(censusRegionOf(state)) ?? 0) + 1)
    expect(Object.fromEntries(counts)).toEqual({ northeast: 9, midwest: 12, south: 17, west: 13, territories: 5 })
    expect([censusRegionOf('DC'), censusRegionOf('CA'), censusRegionOf('ny'), censusRegionOf('OH')]).toEqual(['south', 'west', 'northeast', 'midwest'])
  })
  test('territories and unknown codes are in no region of their own', () => {
    expect(['PR', 'GU', 'VI', 'AS', 'MP', 'ZZ'].map(censusRegionOf)).toEqual(Array(6).fill('territories'))
  })
})
