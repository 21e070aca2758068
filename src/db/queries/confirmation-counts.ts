import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../client'
import { users } from '../schema/accounts'
import { schoolMemberships } from '../schema/schools'

/** The leaders of several schools at once, for a confirmation page that counts who will be e-mailed. */
export function leadersOfSchools(db: Db, schoolIds: readonly string[]) {
  if (schoolIds.length === 0) return Promise.resolve([])
  return db
    .select({ schoolId: schoolMemberships.schoolId, email: users.email, name: users.name })
    .from(schoolMemberships)
    .innerJoin(users, eq(users.id, schoolMemberships.userId))
    .where(and(inArray(schoolMemberships.schoolId, [...schoolIds]), eq(schoolMemberships.role, 'leader')))
}
