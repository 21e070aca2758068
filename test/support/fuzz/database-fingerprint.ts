import { sql } from 'drizzle-orm'
import type { Db } from '../../../src/db/client'

/**
 * Tables that change on any request, refused or not, so a refused request may still touch them:
 * - `sessions`: every signed-in request may move the session's last-seen time forward (sliding expiry).
 * - `rate_limit_events`: sign-in and the public forms count every attempt, refused ones included; that is the point.
 * - `passkey_challenges`: every passkey form shown, a refused answer's page included, carries a fresh one-use
 *   challenge that replaces the last (decision 161); it expires in minutes and is nobody's data.
 * Reading is audited by design (decision 135 and issue #20): a refused form drawn again over a report or a team
 * is a view, and a refused page is a denial; so `audit_events` rows whose action ends in `viewed` or `denied`
 * (`report.viewed`, `team.viewed`, `access.denied`…) are left out, and so are refused passkey answers (`passkey.failed`,
 * recorded on purpose: a run of them is what an attack looks like). Every other audit row counts as a change.
 */
const CHANGES_ON_ANY_REQUEST = new Set(['sessions', 'rate_limit_events', 'passkey_challenges'])

export type Fingerprint = Record<string, string>

type Rows<T> = { rows: T[] }
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows

/** The application's tables (schema public), less the ones above: what a refused request must leave as it was. */
export async function applicationTables(db: Db): Promise<string[]> {
  const result = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)
  return rowsOf<{ table_name: string }>(result).map((r) => r.table_name).filter((t) => !CHANGES_ON_ANY_REQUEST.has(t) && !t.startsWith('__drizzle'))
}

/**
 * Per table, its row count and the sum of a 64-bit hash of each whole row, read in one statement: comparing two
 * fingerprints compares the whole data set (a sum needs no sort, which keeps it cheap enough to take after every
 * request), and a difference names the table.
 */
export async function fingerprint(db: Db, tables: readonly string[]): Promise<Fingerprint> {
  const parts = tables.map((t) => {
    const rowsFilter = t === 'audit_events' ? sql` where x.action !~ '[.-](viewed|denied)$' and x.action <> 'passkey.failed'` : sql``
    return sql`select ${t} as t, count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) as h from ${sql.identifier(t)} x${rowsFilter}`
  })
  const result = await db.execute(sql.join(parts, sql` union all `))
  return Object.fromEntries(rowsOf<{ t: string; h: string }>(result).map((r) => [r.t, r.h]))
}

/** The tables whose rows differ between two fingerprints. */
export const changedTables = (before: Fingerprint, after: Fingerprint) => Object.keys(before).filter((t) => before[t] !== after[t])
