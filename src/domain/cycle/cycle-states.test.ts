import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CYCLE_STATUSES, canMoveCycle, nextCycleStatus } from './cycle-states'

describe('cycle states', () => {
  test('a cycle runs draft → open → closed → scored → released and stops there', () => {
    const path = ['draft' as const]
    for (let s = nextCycleStatus('draft'); s; s = nextCycleStatus(s)) path.push(s as never)
    expect(path).toEqual(['draft', 'open', 'closed', 'scored', 'released'])
  })

  test('a cycle never moves back, never skips a step and never stays put', () => {
    const status = fc.constantFrom(...CYCLE_STATUSES)
    fc.assert(
      fc.property(status, status, (from, to) => {
        const step = CYCLE_STATUSES.indexOf(to) - CYCLE_STATUSES.indexOf(from)
        expect(canMoveCycle(from, to)).toBe(step === 1)
      }),
    )
  })
})
