import { describe, expect, test } from 'vitest'
import { batchedPer } from './batching'
import type { Db } from './client'

// Any object stands in for a database handle: the batcher only keys its queues on it.
const db = {} as Db

describe('batchedPer', () => {
  test('calls made while a batch is at the database go together in the next one, each getting its own result', async () => {
    const batches: number[][] = []
    const double = batchedPer(async (_db, keys: number[]) => {
      batches.push(keys)
      await new Promise((r) => setTimeout(r, 5))
      return keys.map((k) => k * 2)
    }, { maxInFlight: 1, maxBatch: 100 })
    const first = double(db, 1)
    await new Promise((r) => setImmediate(r)) // the first call leaves alone
    const rest = [2, 3, 4].map((k) => double(db, k))
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8])
    expect(batches).toEqual([[1], [2, 3, 4]])
  })

  test('a failing batch is retried call by call, so only the bad call fails', async () => {
    const batches: string[][] = []
    const check = batchedPer(async (_db, keys: string[]) => {
      batches.push(keys)
      if (keys.includes('bad')) throw new Error('bad input')
      return keys.map((k) => k.toUpperCase())
    }, { maxInFlight: 1, maxBatch: 100 })
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((k) => check(db, k)))
    expect(results).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: new Error('bad input') },
      { status: 'fulfilled', value: 'C' },
    ])
    expect(batches).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']])
  })

  test('no batch is larger than maxBatch, and separate handles never share one', async () => {
    const batches: number[][] = []
    const echo = batchedPer(async (_db, keys: number[]) => {
      batches.push(keys)
      return keys
    }, { maxInFlight: 2, maxBatch: 2 })
    const other = {} as Db
    await Promise.all([echo(db, 1), echo(db, 2), echo(db, 3), echo(other, 4)])
    expect(batches.flat().sort()).toEqual([1, 2, 3, 4])
    expect(batches.every((b) => b.length <= 2)).toBe(true)
    expect(batches.some((b) => b.includes(4) && b.length > 1)).toBe(false)
  })
})
