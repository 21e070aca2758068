import { sql } from 'drizzle-orm'
import type { Db } from '../client'
import { qualified, type SchemaLevel } from './backup-file'

// What a backup covers, read from the database's own catalog rather than listed by hand, so a table added by a
// later migration is backed up without anyone remembering to. Only the app's schema (`public`): drizzle's
// migration record is the schema level, and pg-boss's queue is rebuilt at start (decision 158).

export type CatalogTable = { name: string; columns: { name: string; type: string }[]; primaryKey: string[]; references: string[] }

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows
}

/** Every table of the app with its stored columns (generated ones left out), its key and the tables it references. */
export async function appTables(db: Db): Promise<CatalogTable[]> {
  const found = await rows<{ name: string; columns: { name: string; type: string }[]; primary_key: string[] | null; references: string[] | null }>(db, sql`
    select c.relname as name,
      (select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum)
         from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
      (select array_agg(a.attname::text order by k.ord) from pg_constraint p
         cross join unnest(p.conkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
         where p.conrelid = c.oid and p.contype = 'p') as primary_key,
      (select array_agg(distinct f.confrelid::regclass::text) from pg_constraint f
         where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as references
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`)
  return dependencyOrder(
    found.map((t) => ({ name: t.name, columns: t.columns, primaryKey: t.primary_key ?? [], references: (t.references ?? []).map((r) => r.replace(/^public\./, '')) })),
  )
}

/** Referenced tables before the tables that reference them, so rows load in order with every constraint on. */
export function dependencyOrder(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const ordered: CatalogTable[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (table: CatalogTable) => {
    if (state.get(table.name) === 'done') return
    if (state.get(table.name) === 'visiting') throw new Error(`tables reference each other in a loop through ${table.name}`)
    state.set(table.name, 'visiting')
    for (const name of table.references) if (byName.has(name)) visit(byName.get(name)!)
    state.set(table.name, 'done')
    ordered.push(table)
  }
  tables.forEach(visit)
  return ordered
}

export async function appSequences(db: Db): Promise<string[]> {
  const found = await rows<{ name: string }>(db, sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'S' order by c.relname`)
  return found.map((s) => s.name)
}

export async function sequenceState(db: Db, name: string): Promise<{ value: number; isCalled: boolean }> {
  const [row] = await rows<{ last_value: string | number; is_called: boolean }>(db, sql`select last_value, is_called from ${sql.raw(qualified(name))}`)
  return { value: Number(row!.last_value), isCalled: row!.is_called }
}

/** The last migration applied to this database (none: an empty, unmigrated database). */
export async function schemaLevel(db: Db, journal: readonly { tag: string; when: number }[]): Promise<SchemaLevel | undefined> {
  const [row] = await rows<{ created_at: string | number | null }>(db, sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`)
  if (row?.created_at === null || row?.created_at === undefined) return undefined
  const createdAt = Number(row.created_at)
  return { tag: journal.find((m) => m.when === createdAt)?.tag ?? `unknown-${createdAt}`, createdAt }
}

/** The tables that hold at least one row. */
export async function tablesWithRows(db: Db, tables: readonly CatalogTable[]): Promise<string[]> {
  const filled: string[] = []
  for (const t of tables) {
    const [row] = await rows<{ any: boolean }>(db, sql`select exists (select 1 from ${sql.raw(qualified(t.name))}) as any`)
    if (row?.any) filled.push(t.name)
  }
  return filled
}
