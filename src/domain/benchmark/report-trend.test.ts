import { expect, test } from 'vitest'
import { areasInCurrentVersion, strongestAndWeakest } from './report-trend'

const older = { id: 'smm-2019', crosswalk: { to: 'smm-2024', areas: { 'ipe': ['interprofessional-education'], 'research': ['community-engaged-research'], 'faculty-activism': ['advocacy'], 'student-activism': ['advocacy'] } } }

test('an earlier version’s areas reach the current ones through the crosswalk; two feeding one are averaged', () => {
  expect(areasInCurrentVersion(older, 'smm-2024', { ipe: 50, research: null, 'faculty-activism': 20, 'student-activism': 60 })).toEqual({
    'interprofessional-education': 50,
    advocacy: 40,
  })
})

test('the same version passes through; a version with no crosswalk to the current one gives no area trend', () => {
  expect(areasInCurrentVersion({ id: 'smm-2024' }, 'smm-2024', { advocacy: 10 })).toEqual({ advocacy: 10 })
  expect(areasInCurrentVersion({ id: 'other' }, 'smm-2024', { advocacy: 10 })).toBeNull()
})

test('strongest and weakest areas, unscored ones left out, never the same area in both', () => {
  const areas = [{ id: 'a', score: 10 }, { id: 'b', score: 90 }, { id: 'c', score: null }, { id: 'd', score: 50 }, { id: 'e', score: 10 }]
  const { strongest, weakest } = strongestAndWeakest(areas, 3)
  expect(strongest.map((a) => a.id)).toEqual(['b', 'd'])
  expect(weakest.map((a) => a.id)).toEqual(['e', 'a'])
})
