import { expect, test } from 'vitest'
import { SCORING_RUN_ABANDONED_AFTER_MS, scoringUnderWay } from './scoring-run'

const now = new Date('2026-11-30T12:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms)

test('a running run is under way until the queue would have given up on it; a finished or failed one is not', () => {
  expect(scoringUnderWay(undefined, now)).toBe(false)
  expect(scoringUnderWay({ status: 'running', createdAt: ago(60_000) }, now)).toBe(true)
  expect(scoringUnderWay({ status: 'running', createdAt: ago(SCORING_RUN_ABANDONED_AFTER_MS - 1) }, now)).toBe(true)
  expect(scoringUnderWay({ status: 'running', createdAt: ago(SCORING_RUN_ABANDONED_AFTER_MS) }, now)).toBe(false)
  expect(scoringUnderWay({ status: 'done', createdAt: ago(60_000) }, now)).toBe(false)
  expect(scoringUnderWay({ status: 'failed', createdAt: ago(60_000) }, now)).toBe(false)
})
