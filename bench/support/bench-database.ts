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

/** A throwaway, migrated PostgreSQL database with the shipped instruments, dropped by `drop()`. */
export async function benchDatabase(): Promise<{ url: string; database: Database; pool: pg.Pool; drop: () => Promise<void> }> {
  const name = `smm_bench_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: withDatabaseName(benchServerUrl(), 'postgres') })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  const url = withDatabaseName(benchServerUrl(), name)
  const database = await openDatabase({ url })
  await migrateDatabase(database)
  await importInstrumentDirectory(database.db, CLI_OPERATOR)
  if (database.engine !== 'postgres') throw new Error('the bench database is PostgreSQL')
  // DROP … WITH (FORCE) ends any connection still idle in the pool; that is the point, not a failure.
  database.pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') throw err
  })
  return {
    url,
    database,
    pool: database.pool,
    async drop() {
      await database.close()
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.end()
    },
  }
}
