import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type Database } from '../../src/db/client'
import { openPglite } from '../../src/db/pglite'
import { adminUrl, databaseUrlFor } from './postgres-urls'

export type TestDatabase = Database & { url: string | undefined }

/** A fresh, migrated database for one test file: a copy of the run's template, on whichever engine is under test. */
export async function freshDatabase(): Promise<TestDatabase> {
  const template = inject('dbTemplate')
  if (template.engine === 'pglite') {
    const pglite = await openPglite({ loadDataDir: new Blob([readFileSync(template.tarball)]) })
    return { ...(await openDatabase({ pglite })), url: undefined }
  }
  const name = `${template.template.replace(/_template$/, '')}_${randomUUID().slice(0, 8)}`
  const admin = new pg.Client({ connectionString: adminUrl(template.serverUrl) })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template.template}"`)
  } finally {
    await admin.end()
  }
  const url = databaseUrlFor(template.serverUrl, name)
  return { ...(await openDatabase({ url })), url }
}

/**
 * A fresh database that a server in another process can open once this handle is closed: on PGlite the run's
 * template copied into `dataDir` (the server is started with that DATA_DIR), on PostgreSQL a database of its own.
 * `serverEnv` is what the server needs to find it; `reopen()` opens it again in this process.
 */
export async function freshDatabaseForServer(dataDir: string): Promise<{ database: TestDatabase; serverEnv: Record<string, string>; reopen: () => Promise<Database> }> {
  const template = inject('dbTemplate')
  if (template.engine === 'postgres') {
    const database = await freshDatabase()
    return { database, serverEnv: { DATABASE_URL: database.url! }, reopen: () => openDatabase({ url: database.url! }) }
  }
  const pglite = await openPglite({ dataDir, loadDataDir: new Blob([readFileSync(template.tarball)]) })
  const database: TestDatabase = { ...(await openDatabase({ pglite })), url: undefined }
  return { database, serverEnv: {}, reopen: () => openDatabase({ dataDir }) }
}
