import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase, type Database } from '../../src/db/client'
import { openPglite } from '../../src/db/pglite'
import { migrateDatabase } from '../../src/db/migrate'
import { startQueue } from '../../src/jobs/queue'
import { adminUrl, databaseUrlFor } from './postgres-urls'

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a tarball of a migrated data folder. PostgreSQL: the name of a migrated template database. */
    dbTemplate: { engine: 'pglite'; tarball: string } | { engine: 'postgres'; serverUrl: string; template: string }
  }
}

/** Migrates one database (schema and job queue) once per run; every test file starts from a copy of it. */
async function prepare(database: Database, url?: string) {
  await migrateDatabase(database)
  const queue = await startQueue(database, url)
  await queue.stop()
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'smm-test-'))
    const database = await openDatabase({ pglite: await openPglite() })
    await prepare(database)
    if (database.engine !== 'pglite') throw new Error('expected PGlite')
    const dump = await database.pglite.dumpDataDir('gzip')
    const tarball = join(dir, 'template.tar.gz')
    writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()))
    await database.close()
    project.provide('dbTemplate', { engine: 'pglite', tarball })
    return () => rmSync(dir, { recursive: true, force: true })
  }

  // Each run gets its own freshly created databases, named by run, and drops them at the end.
  const run = `smm_test_${Date.now().toString(36)}_${process.pid}`
  const template = `${run}_template`
  const admin = new pg.Client({ connectionString: adminUrl(serverUrl) })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${template}"`)
  const url = databaseUrlFor(serverUrl, template)
  const database = await openDatabase({ url })
  await prepare(database, url)
  await database.close()
  project.provide('dbTemplate', { engine: 'postgres', serverUrl, template })
  return async () => {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${run}%`])
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    await admin.end()
  }
}
