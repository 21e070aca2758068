import { mkdirSync } from 'node:fs'
import type { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { openPglite } from './pglite'

/** A database or an open transaction on it: services take this, so they run the same inside and outside one. */
export type Db = PgDatabase<PgQueryResultHKT>

export type Database =
  | { engine: 'pglite'; db: Db; pglite: PGlite; close: () => Promise<void> }
  | { engine: 'postgres'; db: Db; pool: pg.Pool; close: () => Promise<void> }

export type DatabaseTarget = { url: string } | { dataDir: string } | { pglite: PGlite }

/** Told when PostgreSQL ends a pooled connection that was idle (a restart, a terminated backend). */
export type ConnectionLostListener = (err: Error) => void

/**
 * One dialect, two engines: PostgreSQL through `pg` when a URL is given, otherwise PGlite (PostgreSQL in WASM)
 * persisted in a folder. PGlite has a single connection, so callers must never use the outer `db` while a
 * transaction on it is open: pass the transaction handle down instead.
 */
export async function openDatabase(target: DatabaseTarget, onConnectionLost: ConnectionLostListener = () => {}): Promise<Database> {
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 })
    // Without a listener, an idle connection ended by the server (PostgreSQL restarting) is an uncaught 'error'
    // event that ends the whole process. pg has already dropped that client; the next query opens a new one, and
    // a query made while the server is away fails on its own (answered 503 by the web layer: db/unavailable.ts).
    pool.on('error', onConnectionLost)
    const db = drizzlePg(pool) as unknown as Db
    return { engine: 'postgres', db, pool, close: () => pool.end() }
  }
  let pglite: PGlite
  if ('pglite' in target) {
    pglite = target.pglite
  } else {
    mkdirSync(target.dataDir, { recursive: true }) // PGlite does not create parent folders itself
    pglite = await openPglite({ dataDir: target.dataDir })
  }
  const db = drizzlePglite(pglite) as unknown as Db
  return { engine: 'pglite', db, pglite, close: () => pglite.close() }
}
