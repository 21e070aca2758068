import { createHash } from 'node:crypto'

// The backup file is plain SQL in the shape `pg_dump --data-only` writes (COPY blocks, then setval), so `psql` can
// restore it too; `smm restore` reads only this shape back, never running SQL from the file (decision 158).

export const BACKUP_FORMAT = 1
const MAGIC = '-- Social Mission Metrics backup'
const TRAILER = '-- smm-backup-end'

/** The schema a backup was taken from: the last migration applied (drizzle records its `when` as created_at). */
export type SchemaLevel = { tag: string; createdAt: number }

export type BackupHeader = { format: number; schema: SchemaLevel; takenAt: string; engine: string }

export type BackupTable = { name: string; columns: string[]; rows: (string | null)[][] }
export type BackupSequence = { name: string; value: number; isCalled: boolean }
export type BackupContents = { header: BackupHeader; tables: BackupTable[]; sequences: BackupSequence[] }

export class BadBackupFile extends Error {}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`
export const qualified = (name: string) => `public.${quoteIdent(name)}`

/** The opening lines: who we are, the schema level, and the settings the COPY text below was written under. */
export function headerLines(header: BackupHeader): string[] {
  const { tag, createdAt } = header.schema
  return [
    MAGIC,
    `-- format: ${header.format}`,
    `-- schema: ${tag} ${createdAt}`,
    `-- taken: ${header.takenAt} from ${header.engine}`,
    '-- Restore with `smm restore FILE`, or into an empty database at the same schema (smm db migrate) with',
    '--   psql -v ON_ERROR_STOP=1 --single-transaction -f FILE',
    "SET client_encoding = 'UTF8';",
    'SET standard_conforming_strings = on;',
    "SET datestyle = 'ISO';",
    "SET timezone = 'UTC';",
    "SET intervalstyle = 'postgres';",
    // psql stops here when the database is at another schema: the columns below belong to this one.
    `DO $$ BEGIN IF (SELECT max(created_at) FROM drizzle.__drizzle_migrations) IS DISTINCT FROM ${createdAt} THEN ` +
      `RAISE EXCEPTION ${quoteLiteral(`the database is not at schema ${tag}, the schema of this backup`)}; END IF; END $$;`,
  ]
}

export const copyStart = (table: string, columns: readonly string[]) =>
  `COPY ${qualified(table)} (${columns.map(quoteIdent).join(', ')}) FROM stdin;`
export const COPY_END = '\\.'

export const setvalLine = (s: BackupSequence) => `SELECT pg_catalog.setval(${quoteLiteral(qualified(s.name))}, ${s.value}, ${s.isCalled});`

/** The last line, over everything before it: a truncated or altered file is refused before anything is written. */
export const trailerLine = (rowCount: number, sha256: string) => `${TRAILER} rows=${rowCount} sha256=${sha256}`

/** One row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes for the separators. */
export function copyRow(values: readonly (string | null)[]): string {
  return values.map((v) => (v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'))).join('\t')
}

const ESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v' }

export function parseCopyRow(line: string): (string | null)[] {
  return line.split('\t').map((field) => {
    if (field === '\\N') return null
    return field.replace(/\\(.)/g, (escape, c: string) => {
      if (c in ESCAPES) return ESCAPES[c]!
      throw new BadBackupFile(`an unknown escape ${escape} in a row`)
    })
  })
}

/** Reads a file this module wrote; anything else (another tool's dump, a damaged or cut file) is refused. */
export function parseBackup(text: string): BackupContents {
  const lines = text.split('\n')
  if (lines[0] !== MAGIC) throw new BadBackupFile('This is not a Social Mission Metrics backup (it does not start with our header).')
  if (lines.at(-1) === '') lines.pop()
  const last = lines.pop() ?? ''
  const trailer = /^-- smm-backup-end rows=(\d+) sha256=([0-9a-f]{64})$/.exec(last)
  if (!trailer) throw new BadBackupFile('The backup is incomplete: its last line is missing (was the file cut short?).')
  const body = lines.map((l) => `${l}\n`).join('')
  if (createHash('sha256').update(body).digest('hex') !== trailer[2]) throw new BadBackupFile('The backup is damaged: its checksum does not match its contents.')
  const header = parseHeader(lines)
  const { tables, sequences } = parseBody(lines)
  const rowCount = tables.reduce((n, t) => n + t.rows.length, 0)
  if (rowCount !== Number(trailer[1])) throw new BadBackupFile(`The backup is damaged: it holds ${rowCount} rows, its last line says ${trailer[1]}.`)
  return { header, tables, sequences }
}

function parseHeader(lines: string[]): BackupHeader {
  const field = (name: string) => lines.find((l) => l.startsWith(`-- ${name}: `))?.slice(name.length + 5)
  const format = Number(field('format'))
  if (format !== BACKUP_FORMAT) throw new BadBackupFile(`This backup is in format ${field('format')}; this version of the app reads format ${BACKUP_FORMAT}.`)
  const schema = /^(\S+) (\d+)$/.exec(field('schema') ?? '')
  const taken = /^(\S+) from (\w+)$/.exec(field('taken') ?? '')
  if (!schema || !taken) throw new BadBackupFile('The backup header is damaged (schema or date missing).')
  return { format, schema: { tag: schema[1]!, createdAt: Number(schema[2]) }, takenAt: taken[1]!, engine: taken[2]! }
}

const COPY = /^COPY public\."((?:[^"]|"")+)" \((.*)\) FROM stdin;$/
const SETVAL = /^SELECT pg_catalog\.setval\('public\."((?:[^"']|"")+)"', (\d+), (true|false)\);$/

function parseBody(lines: string[]) {
  const tables: BackupTable[] = []
  const sequences: BackupSequence[] = []
  let current: BackupTable | undefined
  lines.forEach((line, i) => {
    if (current) {
      if (line === COPY_END) current = undefined
      else current.rows.push(checkedRow(parseCopyRow(line), current, i))
      return
    }
    const copy = COPY.exec(line)
    const setval = SETVAL.exec(line)
    if (copy) {
      current = { name: unquote(copy[1]!), columns: copy[2]!.split(', ').map((c) => unquote(c.slice(1, -1))), rows: [] }
      tables.push(current)
    } else if (setval) {
      sequences.push({ name: unquote(setval[1]!), value: Number(setval[2]), isCalled: setval[3] === 'true' })
    } else if (!(line === '' || line.startsWith('--') || line.startsWith('SET ') || line.startsWith('DO $$'))) {
      throw new BadBackupFile(`Line ${i + 1} of the backup is not one this app writes.`)
    }
  })
  if (current) throw new BadBackupFile(`The rows of table ${current.name} do not end.`)
  return { tables, sequences }
}

function checkedRow(row: (string | null)[], table: BackupTable, index: number) {
  if (row.length !== table.columns.length) throw new BadBackupFile(`Line ${index + 1} of the backup has ${row.length} values for ${table.columns.length} columns of ${table.name}.`)
  return row
}

const unquote = (name: string) => name.replace(/""/g, '"')
