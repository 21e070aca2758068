import { createHash } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { sql } from 'drizzle-orm'
import type { Database, Db } from '../client'
import { migrationJournal } from '../migrate'
import { appSequences, appTables, schemaLevel, sequenceState, type CatalogTable } from './backup-catalog'
import { BACKUP_FORMAT, COPY_END, copyRow, copyStart, headerLines, qualified, quoteIdent, setvalLine, trailerLine } from './backup-file'

const CHUNK_ROWS = 5_000

export type BackupSummary = { tables: number; rows: number; schema: string }

/**
 * Writes every row of the app's tables and every sequence to `file`, read in one read-only REPEATABLE READ
 * transaction: one snapshot, so the backup is consistent while the app keeps writing (on PostgreSQL). The file
 * appears under its name only once complete (written beside it, then renamed).
 */
export async function writeBackup(database: Database, file: string, now = new Date()): Promise<BackupSummary> {
  const partial = `${file}.partial`
  const out = await open(partial, 'w')
  const hash = createHash('sha256')
  const write = async (lines: string[]) => {
    const text = lines.map((l) => `${l}\n`).join('')
    hash.update(text)
    await out.write(text)
  }
  try {
    const summary = await database.db.transaction(
      async (tx) => {
        // The text form of timestamps and intervals depends on these; the file's header sets the same for a reader.
        await tx.execute(sql`select set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO', true),
          set_config('intervalstyle', 'postgres', true), set_config('bytea_output', 'hex', true), set_config('extra_float_digits', '1', true)`)
        const schema = await schemaLevel(tx, migrationJournal())
        if (!schema) throw new Error('The database has no schema yet (no migration applied): there is nothing to back up.')
        await write(headerLines({ format: BACKUP_FORMAT, schema, takenAt: now.toISOString(), engine: database.engine }))
        const tables = await appTables(tx)
        let rows = 0
        for (const table of tables) {
          await write(['', copyStart(table.name, table.columns.map((c) => c.name))])
          rows += await writeRows(tx, table, write)
          await write([COPY_END])
        }
        await write([''])
        for (const name of await appSequences(tx)) await write([setvalLine({ name, ...(await sequenceState(tx, name)) })])
        await out.write(`${trailerLine(rows, hash.digest('hex'))}\n`)
        return { tables: tables.length, rows, schema: schema.tag }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
    await out.close()
    await rename(partial, file)
    return summary
  } catch (err) {
    await out.close()
    await rm(partial, { force: true })
    throw err
  }
}

/** A table's rows in key order, a chunk at a time, each value in its type's own text form (what COPY writes). */
async function writeRows(tx: Db, table: CatalogTable, write: (lines: string[]) => Promise<void>): Promise<number> {
  const values = sql.raw(`array[${table.columns.map((c) => `${quoteIdent(c.name)}::text`).join(', ')}]`)
  const order = sql.raw(table.primaryKey.length > 0 ? table.primaryKey.map(quoteIdent).join(', ') : 'ctid')
  let written = 0
  for (;;) {
    const result = (await tx.execute(sql`select ${values} as v from ${sql.raw(qualified(table.name))} order by ${order} limit ${CHUNK_ROWS} offset ${written}`)) as unknown as {
      rows: { v: (string | null)[] }[]
    }
    await write(result.rows.map((r) => copyRow(r.v)))
    written += result.rows.length
    if (result.rows.length < CHUNK_ROWS) return written
  }
}
