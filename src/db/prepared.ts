import type { SQL } from 'drizzle-orm'
import { PgDialect, type PreparedQueryConfig } from 'drizzle-orm/pg-core'
import type { Db } from './client'

/**
 * The hot path's statements (every request's session lookup, every autosave's access load and write) are built
 * once with placeholders and sent as named statements: PostgreSQL then parses and plans each once per connection
 * instead of on every request, which measured 3–4 × cheaper for the database (decision 075). One prepared query
 * per database handle: a transaction handle gets its own, so the statement runs inside that transaction.
 */
export function preparedPer<P>(build: (db: Db) => P): (db: Db) => P {
  const built = new WeakMap<Db, P>()
  return (db) => {
    let prepared = built.get(db)
    if (!prepared) built.set(db, (prepared = build(db)))
    return prepared
  }
}

const dialect = new PgDialect()

/** A raw statement (a CTE the query builder cannot express) as a named prepared statement; rows as objects. */
export function preparedStatement<Row>(name: string, statement: SQL) {
  type Config = PreparedQueryConfig & { execute: { rows: Row[] } }
  const query = dialect.sqlToQuery(statement)
  const forDb = preparedPer((db) => db._.session.prepareQuery<Config>(query, undefined, name, false))
  return (db: Db, values: Record<string, unknown>): Promise<{ rows: Row[] }> => forDb(db).execute(values)
}
