import { asc, eq, ilike, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { users } from '../schema/accounts'
import { schoolMemberships, schools } from '../schema/schools'
import { containsPattern } from './like-pattern'

const searchWhere = (search: string | undefined) => {
  const pattern = search ? containsPattern(search) : null
  return pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined
}

/**
 * One page of the accounts with their program role and the schools they belong to ("Dean, Example University"), by
 * address. The page's accounts are picked first (the email index) and only theirs joined to their schools, so the
 * page does not aggregate every account's memberships before keeping 50.
 */
export function listAccounts(db: Db, filter: { search?: string | undefined }, page: { limit: number; offset: number }) {
  const picked = db.select({ id: users.id }).from(users).where(searchWhere(filter.search))
    .orderBy(asc(users.email)).limit(page.limit).offset(page.offset).as('picked')
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
    .from(picked)
    .innerJoin(users, eq(users.id, picked.id))
    .leftJoin(schoolMemberships, eq(schoolMemberships.userId, users.id))
    .leftJoin(schools, eq(schools.id, schoolMemberships.schoolId))
    .groupBy(users.id)
    .orderBy(asc(users.email))
}

/** How many accounts the search finds. */
export async function countAccounts(db: Db, filter: { search?: string | undefined }) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(searchWhere(filter.search))
  return row!.n
}
