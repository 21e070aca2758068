import type { Db } from '../../db/client'
import { findSnapshot } from '../../db/queries/scoring'

type Snapshot = NonNullable<Awaited<ReturnType<typeof findSnapshot>>>

// A norms snapshot is frozen: rows are only ever inserted (a recompute makes a new one), never updated. Reading and
// parsing one of 2,000 schools was a third to a half of every report view (docs/benchmarks.md, "reports"), so the
// last few are kept parsed in memory. Safe across instances: a cached snapshot can never be stale.
const KEEP = 8
const cache = new Map<string, Snapshot>()

/** The frozen snapshot with this id, from memory when it was read recently. */
export async function frozenSnapshot(db: Db, id: string): Promise<Snapshot | undefined> {
  const cached = cache.get(id)
  if (cached) {
    cache.delete(id)
    cache.set(id, cached) // most recently used last
    return cached
  }
  const row = await findSnapshot(db, id)
  if (!row) return undefined
  cache.set(id, row)
  if (cache.size > KEEP) cache.delete(cache.keys().next().value!)
  return row
}
