import { expect, test } from 'vitest'
import { checkActionPlan } from './action-plan-rules'

test('a target between 0 and 100 and some actions are kept; untouched areas are left out', () => {
  expect(checkActionPlan({ 'target-advocacy': '75', 'actions-advocacy': ' Fund the student clinic ', 'target-recognition': '' }, ['advocacy', 'recognition'])).toEqual({
    ok: true,
    entries: [{ areaId: 'advocacy', target: 75, actions: 'Fund the student clinic' }],
  })
})

test('a target outside 0–100 or not a number is named beside its field', () => {
  const checked = checkActionPlan({ 'target-advocacy': '140', 'target-recognition': 'lots' }, ['advocacy', 'recognition'])
  expect(checked.ok).toBe(false)
  expect(!checked.ok && Object.keys(checked.errors)).toEqual(['target-advocacy', 'target-recognition'])
})
