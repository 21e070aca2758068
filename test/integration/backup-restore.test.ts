import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase, type Db } from '../../src/db/client'
import { openPglite } from '../../src/db/pglite'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { startQueue } from '../../src/jobs/queue'
import { seedDemoOnce } from '../../src/services/demo/seed-demo'
import { seedBadgeOrder } from '../support/badge-seed'
import { seedSchool } from '../support/seed'
import { runSmm } from '../support/smm-cli'
import { freshDatabase, type TestDatabase } from '../support/test-database'

// The operator's round trip through the real CLI, on the engine under test: `smm backup` of a database holding a
// realistic program (the demo: cycles, responses, answers, scores, released reports, audit rows; plus badge
// orders and text that COPY must escape), `smm restore` into a fresh one, then every table compared row by row.

const scratch = mkdtempSync(join(tmpdir(), 'smm-backup-'))
const backupFile = join(scratch, 'backup.sql')
const AWKWARD_NAME = 'Tab\there, new\nline, back\\slash \\N, "quotes" \'and\' émoji 🩺'
let source: TestDatabase
let sourceEnv: Record<string, string>
/** Reads the database the CLI backs up (on PGlite its folder: a copy of the seeded one, recovered when opened). */
let readSource: <T>(use: (db: Db) => Promise<T>) => Promise<T>

/** A database the CLI can reach from another process: a URL, or on PGlite a data folder. */
type Target = { env: Record<string, string>; read: <T>(use: (db: Db) => Promise<T>) => Promise<T>; close: () => Promise<void> }

async function freshTarget(): Promise<Target> {
  if (source.url) {
    const database = await freshDatabase()
    return { env: { DATABASE_URL: database.url! }, read: (use) => use(database.db), close: () => database.close() }
  }
  const dataDir = mkdtempSync(join(scratch, 'target-'))
  return { env: { DATA_DIR: dataDir }, read: (use) => readFolder(dataDir, use), close: async () => undefined }
}

async function readFolder<T>(dataDir: string, use: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir })
  try {
    return await use(database.db)
  } finally {
    await database.close()
  }
}

beforeAll(async () => {
  source = await freshDatabase()
  // The demo queues its badge-issuing job: a real queue on the source, stopped once the seed is in.
  const queue = await startQueue(source, source.url)
  await seedDemoOnce(source.db, queue, CLI_OPERATOR, new Date('2026-11-02T09:30:00Z'))
  await queue.stop()
  const school = await seedSchool(source.db, { name: AWKWARD_NAME })
  const [cycle] = ((await source.db.execute(sql`select id from cycles where status = 'released'`)) as unknown as { rows: { id: string }[] }).rows
  await seedBadgeOrder(source.db, { cycleId: cycle!.id, schoolId: school.id })
  if (source.url) {
    sourceEnv = { DATABASE_URL: source.url }
    readSource = (use) => use(source.db)
  } else {
    // The CLI is another process: it gets a data folder holding a copy of the seeded in-memory database.
    if (source.engine !== 'pglite') throw new Error('expected PGlite')
    const sourceDir = join(scratch, 'source')
    const copy = await openPglite({ dataDir: sourceDir, loadDataDir: await source.pglite.dumpDataDir('none') })
    await copy.close()
    sourceEnv = { DATA_DIR: sourceDir }
    readSource = (use) => readFolder(sourceDir, use)
  }
}, 180_000)

afterAll(async () => {
  await source?.close()
  rmSync(scratch, { recursive: true, force: true })
})

/** Every app table's rows in primary-key order, and every sequence's position: what a round trip must keep. */
async function everything(db: Db) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('timezone', 'UTC', true)`)
    const query = async <T,>(q: ReturnType<typeof sql>) => ((await tx.execute(q)) as unknown as { rows: T[] }).rows
    const tables = await query<{ name: string; key: string }>(sql`
      select c.relname as name, string_agg(quote_ident(a.attname), ', ' order by k.ord) as key
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_index i on i.indrelid = c.oid and i.indisprimary
      cross join unnest(i.indkey) with ordinality as k(attnum, ord)
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where n.nspname = 'public' and c.relkind = 'r' group by c.relname order by c.relname`)
    const rows: Record<string, unknown[]> = {}
    for (const t of tables) rows[t.name] = (await query<{ row: unknown }>(sql.raw(`select to_jsonb(t) as row from public.${t.name} t order by ${t.key}`))).map((r) => r.row)
    const sequences: Record<string, unknown> = {}
    for (const { name } of await query<{ name: string }>(sql`select sequencename as name from pg_sequences where schemaname = 'public' order by 1`)) {
      sequences[name] = (await query(sql.raw(`select last_value::text, is_called from public.${name}`)))[0]
    }
    return { rows, sequences }
  })
}

/** The file with its last line made to match its contents again: intact, as far as the checksum can tell. */
function resigned(text: string) {
  const body = text.slice(0, text.lastIndexOf('-- smm-backup-end'))
  const rows = /rows=(\d+)/.exec(text.slice(body.length))![1]
  return `${body}-- smm-backup-end rows=${rows} sha256=${createHash('sha256').update(body).digest('hex')}\n`
}

const rowCount = (snapshot: { rows: Record<string, unknown[]> }) => Object.values(snapshot.rows).reduce((n, r) => n + r.length, 0)

describe('`smm backup` then `smm restore` into a fresh database', () => {
  test('gives back every row of every table, ids and sequences included', { timeout: 240_000 }, async () => {
    const backedUp = await runSmm(sourceEnv, 'backup', backupFile)
    expect(backedUp.stdout).toMatch(/Backed up \d+ rows of \d+ tables \(schema 00\d\d_\w+\)/)
    const target = await freshTarget()
    try {
      const restored = await runSmm(target.env, 'restore', backupFile)
      expect(restored.stdout).toContain(`from ${backupFile} (taken `)
      const before = await readSource(everything)
      const after = await target.read(everything)
      expect(rowCount(before)).toBeGreaterThan(1_000) // the demo program, not a handful of rows
      for (const table of ['cycles', 'responses', 'answers', 'response_scores', 'badge_orders', 'audit_events']) {
        expect(before.rows[table]?.length, table).toBeGreaterThan(0)
      }
      for (const table of Object.keys(before.rows)) expect(after.rows[table], table).toEqual(before.rows[table])
      expect(Object.keys(after.rows)).toEqual(Object.keys(before.rows))
      expect(after.sequences).toEqual(before.sequences)
      expect(JSON.stringify(after.rows.schools)).toContain(JSON.stringify(AWKWARD_NAME))
    } finally {
      await target.close()
    }
  })

  test('a damaged, cut, foreign or other-schema file is refused with a message, and the database stays empty', { timeout: 480_000 }, async () => {
    await runSmm(sourceEnv, 'backup', backupFile)
    const good = readFileSync(backupFile, 'utf8')
    const files = {
      damaged: good.replace('2026 national round (demo)', '2026 national round (demx)'),
      cut: good.slice(0, Math.floor(good.length / 2)),
      foreign: '--\n-- PostgreSQL database dump\n--\nDROP TABLE IF EXISTS users;\n',
      olderSchema: resigned(good.replace(/^-- schema: \S+ \d+$/m, '-- schema: 0011_cycle_sampling_pilot_publication 1700000000000')),
    }
    const messages = {
      damaged: 'its checksum does not match',
      cut: 'incomplete',
      foreign: 'not a Social Mission Metrics backup',
      olderSchema: 'The backup is of schema 0011_cycle_sampling_pilot_publication; this database is at 00',
    }
    const target = await freshTarget()
    try {
      for (const [kind, text] of Object.entries(files)) {
        const file = join(scratch, `${kind}.sql`)
        writeFileSync(file, text)
        await expect(runSmm(target.env, 'restore', file), kind).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(messages[kind as keyof typeof messages]) })
      }
      expect(rowCount(await target.read(everything))).toBe(0)
    } finally {
      await target.close()
    }
  })

  test('a database that holds data is left alone unless the operator says --force', { timeout: 480_000 }, async () => {
    await runSmm(sourceEnv, 'backup', backupFile)
    const target = await freshTarget()
    try {
      await runSmm(target.env, 'restore', backupFile)
      await target.read((db) => seedSchool(db, { name: 'Added after the restore' }))
      const occupied = await target.read(everything)
      await expect(runSmm(target.env, 'restore', backupFile)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already holds data') })
      expect(await target.read(everything)).toEqual(occupied)

      const forced = await runSmm(target.env, 'restore', backupFile, '--force')
      expect(forced.stdout).toContain('replacing the data that was there')
      expect(await target.read(everything)).toEqual(await readSource(everything))
    } finally {
      await target.close()
    }
  })
})

describe.runIf(!process.env.TEST_DATABASE_URL)('on PGlite, a data folder the app has open', () => {
  test('is not backed up: the CLI names the process that holds it', { timeout: 120_000 }, async () => {
    const { openConfiguredDatabase } = await import('../../src/runtime')
    const { createLogger } = await import('../../src/log')
    const dataDir = sourceEnv.DATA_DIR!
    const held = await openConfiguredDatabase({ databaseUrl: undefined, dataDir }, createLogger({ logLevel: 'silent' }))
    try {
      await expect(runSmm(sourceEnv, 'backup', join(scratch, 'while-open.sql'))).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`is in use by process ${process.pid}`),
      })
    } finally {
      await held.close()
    }
  })
})
