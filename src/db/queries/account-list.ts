import { asc, eq, ilike, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { users } from '../schema/accounts'
import { schoolMemberships, schools } from '../schema/schools'

/** Accounts with their program role and the schools they belong to ("Dean, Example University"), by address. */
export function listAccounts(db: Db, filter: { search?: string | undefined; limit: number }) {
  const pattern = filter.search ? `%${filter.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      programRole: users.programRole,
      lastSignInAt: users.lastSignInAt,
      disabledAt: users.disabledAt,
      schools: sql<string[]>`coalesce(array_agg(${schools.name} || ' (' || ${schoolMemberships.role} || ')' order by ${schools.name}) filter (where ${schools.id} is not null), '{}')`,
    })
    .from(users)
    .leftJoin(schoolMemberships, eq(schoolMemberships.userId, users.id))
    .leftJoin(schools, eq(schools.id, schoolMemberships.schoolId))
    .where(pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .groupBy(users.id)
    .orderBy(asc(users.email))
    .limit(filter.limit)
}
