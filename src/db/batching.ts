import type { Db } from './client'

type Pending<K, R> = { key: K; resolve: (result: R) => void; reject: (err: unknown) => void }

/**
 * Group commit for the hottest statements (decision 075): calls that arrive while earlier batches are still at the
 * database wait and then go together, as ONE statement for all of them. Alone, a call goes at once (on the next
 * turn of the event loop), so batching adds no wait when the app is quiet; under load, one round trip serves many
 * requests, which is what the database's and the kernel's per-message costs make worth having.
 *
 * `run` answers one result per key, in the keys' order. If a batch fails, each of its calls is tried alone, so one
 * bad call cannot fail its neighbours and every error reaches the call it belongs to.
 */
export function batchedPer<K, R>(run: (db: Db, keys: K[]) => Promise<R[]>, options: { maxInFlight: number; maxBatch: number }) {
  const queues = new WeakMap<Db, { pending: Pending<K, R>[]; inFlight: number; scheduled: boolean }>()

  const flush = (db: Db) => {
    const queue = queues.get(db)!
    queue.scheduled = false
    while (queue.pending.length > 0 && queue.inFlight < options.maxInFlight) {
      const batch = queue.pending.splice(0, options.maxBatch)
      queue.inFlight++
      void runBatch(db, batch).finally(() => {
        queue.inFlight--
        flush(db)
      })
    }
  }

  const runBatch = async (db: Db, batch: Pending<K, R>[]) => {
    try {
      const results = await run(db, batch.map((p) => p.key))
      batch.forEach((p, i) => p.resolve(results[i]!))
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err)
      await Promise.all(batch.map((p) => run(db, [p.key]).then(([result]) => p.resolve(result!), p.reject)))
    }
  }

  return (db: Db, key: K): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      let queue = queues.get(db)
      if (!queue) queues.set(db, (queue = { pending: [], inFlight: 0, scheduled: false }))
      queue.pending.push({ key, resolve, reject })
      if (!queue.scheduled && queue.inFlight < options.maxInFlight) {
        queue.scheduled = true
        setImmediate(() => flush(db))
      }
    })
}
