import pg from 'pg'
import { openDatabase, type Database } from '../../src/db/client'
import { migrateDatabase } from '../../src/db/migrate'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'

export const benchServerUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const withDatabaseName = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * An idle pooled connection ended by the server (our own DROP … WITH (FORCE), or another process on this shared
 * machine terminating backends) must not crash the run: the pool drops it and opens a new one when needed.
 */
export function ignoreTerminatedIdleClients(pool: pg.Pool) {
  pool.on('error', (err: Error & { code?: string }) => {
    process.stderr.write(`  (an idle database connection ended: ${err.code ?? err.message})\n`)
  })
}

/**
 * A throwaway, migrated PostgreSQL database with the shipped instruments, dropped by `drop()`. `settle()`, after
 * seeding and before measuring, gives the seeded tables their statistics and writes out every dirty page, as
 * pgbench's guidance has it: otherwise autovacuum, or a checkpoint of an earlier scenario's writes, lands inside
 * this one's measurement (a run measured a latency-only scenario at p99 139 ms after the autosave scenario's heavy
 * writes, and 10 ms on its own).
 */
export async function benchDatabase(): Promise<{ url: string; database: Database; pool: pg.Pool; settle: () => Promise<void>; drop: () => Promise<void> }> {
  const name = `smm_bench_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: withDatabaseName(benchServerUrl(), 'postgres') })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  const url = withDatabaseName(benchServerUrl(), name)
  const database = await openDatabase({ url })
  await migrateDatabase(database)
  await importInstrumentDirectory(database.db, CLI_OPERATOR)
  if (database.engine !== 'postgres') throw new Error('the bench database is PostgreSQL')
  ignoreTerminatedIdleClients(database.pool)
  return {
    url,
    database,
    pool: database.pool,
    async settle() {
      await database.pool.query('VACUUM ANALYZE')
      await database.pool.query('CHECKPOINT')
    },
    async drop() {
      await database.close()
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.end()
    },
  }
}
