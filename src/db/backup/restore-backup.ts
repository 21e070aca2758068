import { readFile } from 'node:fs/promises'
import { sql } from 'drizzle-orm'
import type { Database, Db } from '../client'
import { migrationJournal } from '../migrate'
import { appTables, schemaLevel, tablesWithRows, type CatalogTable } from './backup-catalog'
import { BadBackupFile, parseBackup, qualified, quoteIdent, type BackupTable } from './backup-file'

const CHUNK_ROWS = 2_000

export type RestoreSummary = { tables: number; rows: number; schema: string; takenAt: string; engine: string; replaced: boolean }

/** The database already holds data and the operator did not say to replace it. */
export class DatabaseNotEmpty extends Error {}

/**
 * Loads a backup into a migrated database in one transaction: all of it or, on any error, nothing. The file is
 * read and checked whole first (ours, complete, same schema as this database); an occupied database is refused
 * unless `replace`, which empties every app table first.
 */
export async function restoreBackup(database: Database, file: string, { replace }: { replace: boolean }): Promise<RestoreSummary> {
  const backup = parseBackup(await readBackupFile(file))
  return database.db.transaction(async (tx) => {
    const here = await schemaLevel(tx, migrationJournal())
    if (here?.createdAt !== backup.header.schema.createdAt) {
      throw new BadBackupFile(
        `The backup is of schema ${backup.header.schema.tag}; this database is at ${here?.tag ?? 'no schema'}. ` +
          'Restore it with the version of the app that made it, then upgrade.',
      )
    }
    await tx.execute(sql`select set_config('timezone', 'UTC', true), set_config('intervalstyle', 'postgres', true)`)
    const tables = await appTables(tx)
    const filled = await tablesWithRows(tx, tables)
    if (filled.length > 0 && !replace) {
      throw new DatabaseNotEmpty(`The database already holds data (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}). Nothing was changed; to replace it, add --force.`)
    }
    if (filled.length > 0) await tx.execute(sql.raw(`truncate ${tables.map((t) => qualified(t.name)).join(', ')}`))
    const byName = new Map(tables.map((t) => [t.name, t]))
    let rows = 0
    for (const table of backup.tables) rows += await loadTable(tx, table, byName.get(table.name))
    for (const s of backup.sequences) await tx.execute(sql`select pg_catalog.setval(${qualified(s.name)}, ${s.value}, ${s.isCalled})`)
    return { tables: backup.tables.length, rows, schema: backup.header.schema.tag, takenAt: backup.header.takenAt, engine: backup.header.engine, replaced: filled.length > 0 }
  })
}

async function readBackupFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    throw new BadBackupFile(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (err as Error).message}.`)
  }
}

/** Inserts a table's rows a chunk at a time, each value cast from its text form to the column's type. */
async function loadTable(tx: Db, table: BackupTable, target: CatalogTable | undefined): Promise<number> {
  if (!target) throw new BadBackupFile(`The backup has a table ${table.name} that this database does not.`)
  const types = new Map(target.columns.map((c) => [c.name, c.type]))
  const unknown = table.columns.find((c) => !types.has(c))
  if (unknown) throw new BadBackupFile(`The backup has a column ${table.name}.${unknown} that this database does not.`)
  const columns = sql.raw(table.columns.map(quoteIdent).join(', '))
  const values = sql.raw(table.columns.map((c, i) => `(r->>${i})::${types.get(c)}`).join(', '))
  for (let start = 0; start < table.rows.length; start += CHUNK_ROWS) {
    const chunk = JSON.stringify(table.rows.slice(start, start + CHUNK_ROWS))
    await tx.execute(sql`insert into ${sql.raw(qualified(table.name))} (${columns}) overriding system value
      select ${values} from jsonb_array_elements(${chunk}::jsonb) as r`)
  }
  return table.rows.length
}
