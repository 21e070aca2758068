import { describe, expect, test } from 'vitest'
import { autosaveRetryDelay, FIRST_RETRY_MS, LONGEST_RETRY_MS } from './autosave-retry'

describe('when the questionnaire sends a refused autosave again by itself', () => {
  test('a 503 is retried after the seconds the server names', () => {
    expect(autosaveRetryDelay({ status: 503, retryAfter: '2' }, 1)).toBe(2_000)
    expect(autosaveRetryDelay({ status: 503, retryAfter: ' 5 ' }, 3)).toBe(5_000)
  })

  test('without a usable Retry-After, and with no answer at all, the wait doubles up to the most', () => {
    expect(autosaveRetryDelay({ status: 503, retryAfter: null }, 1)).toBe(FIRST_RETRY_MS)
    expect(autosaveRetryDelay({ status: 502, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' }, 2)).toBe(2 * FIRST_RETRY_MS)
    expect(autosaveRetryDelay('no-connection', 3)).toBe(4 * FIRST_RETRY_MS)
    expect(autosaveRetryDelay('no-connection', 40)).toBe(LONGEST_RETRY_MS)
    expect(autosaveRetryDelay({ status: 503, retryAfter: '3600' }, 1)).toBe(LONGEST_RETRY_MS)
  })

  test('refusals about the answer itself, conflicts and our own faults are not retried', () => {
    for (const status of [400, 403, 404, 409, 413, 422, 500]) expect(autosaveRetryDelay({ status, retryAfter: '1' }, 1)).toBeNull()
  })
})
