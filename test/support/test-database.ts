import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type Database } from '../../src/db/client'
import { adminUrl, databaseUrlFor } from './postgres-urls'

export type TestDatabase = Database & { url: string | undefined }

/** A fresh, migrated database for one test file: a copy of the run's template, on whichever engine is under test. */
export async function freshDatabase(): Promise<TestDatabase> {
  const template = inject('dbTemplate')
  if (template.engine === 'pglite') {
    const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(template.tarball)]) })
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
