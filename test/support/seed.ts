import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/db/client'
import { insertUser, setProgramRole } from '../../src/db/queries/accounts'
import { insertMembership, insertSchools } from '../../src/db/queries/schools'
import type { ProgramRole, SchoolRole } from '../../src/domain/policy/roles'
import type { Discipline } from '../../src/domain/school/school-facts'
import { completeSignIn, createSignInLink } from '../../src/services/auth/sign-in'
import { TEST_ORIGIN } from './test-app'

const unique = () => randomUUID().slice(0, 8)

/** A person with a unique address, so tests sharing a database never see each other's rows. */
export async function seedUser(db: Db, options: { programRole?: ProgramRole; email?: string; name?: string } = {}) {
  const user = await insertUser(db, { email: options.email ?? `person-${unique()}@example.test`, name: options.name ?? null })
  if (!user) throw new Error('seedUser: address already taken')
  if (options.programRole) await setProgramRole(db, user.id, options.programRole)
  return { ...user, programRole: options.programRole ?? null }
}

export async function seedSchool(db: Db, options: { name?: string; discipline?: Discipline } = {}) {
  const [school] = await insertSchools(db, [
    {
      name: options.name ?? `Test School ${unique()}`,
      city: 'Springfield',
      state: 'IL',
      discipline: options.discipline ?? 'md',
      control: 'public',
      carnegieGroup: 'r1',
    },
  ])
  return school!
}

export async function seedMember(db: Db, schoolId: string, role: SchoolRole) {
  const user = await seedUser(db)
  await insertMembership(db, { schoolId, userId: user.id, role })
  return user
}

/** Headers of a browser signed in as this user: a real session, made through the real sign-in link. */
export async function signedIn(db: Db, user: { id: string }): Promise<Record<string, string>> {
  const link = await createSignInLink(db, TEST_ORIGIN, { userId: user.id }, new Date())
  const result = await completeSignIn(db, new URL(link).searchParams.get('token')!, { ip: null, userAgent: 'test' })
  if (!result.ok) throw new Error(`signedIn: ${result.state}`)
  return { Cookie: `smm_session=${result.sessionToken}`, Origin: TEST_ORIGIN }
}

/** The shipped instrument versions (smm-2024, smm-2019), imported as `npm start` imports them. */
export async function importShippedInstruments(db: Db) {
  const { importInstrumentDirectory } = await import('../../src/services/instruments/instrument-import')
  await importInstrumentDirectory(db, { kind: 'system', label: 'test' })
}
