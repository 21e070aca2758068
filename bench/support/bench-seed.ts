import { randomUUID } from 'node:crypto'
import type { ResponseStatus } from '../../src/db/schema/responses'
import type { CycleStatus } from '../../src/domain/cycle/cycle-states'
import type { Actor } from '../../src/domain/policy/roles'
import type { Discipline } from '../../src/domain/school/school-facts'
import { newSecretToken } from '../../src/services/auth/tokens'

export type BenchSchool = { schoolId: string; responseId: string; leaderId: string; sessionToken: string }

/** A `pg` pool or a PGlite instance: both take SQL text with `$n` parameters (arrays included) and answer `{ rows }`. */
export type SqlRunner = { query<R>(text: string, values: unknown[]): Promise<{ rows: R[] }> }

const DAY = 86_400_000

/**
 * `count` md schools in one new smm-2024 cycle, each with a response, a leader and a live session, written in a
 * handful of multi-row statements (ids made here and sent as arrays), so 10,000 schools take seconds, not minutes.
 */
export async function seedBenchSchools(
  pool: SqlRunner,
  count: number,
  options: { cycleStatus: CycleStatus; responseStatus: ResponseStatus; disciplines?: readonly Discipline[] },
): Promise<{ cycleId: string; schools: BenchSchool[] }> {
  const tag = randomUUID().slice(0, 8)
  const now = Date.now()
  const submitted = options.responseStatus === 'submitted'
  const schools = Array.from({ length: count }, () => {
    const session = newSecretToken()
    return { schoolId: randomUUID(), participationId: randomUUID(), responseId: randomUUID(), leaderId: randomUUID(), sessionToken: session.token, tokenHash: session.hash }
  })
  const col = <K extends keyof (typeof schools)[number]>(key: K) => schools.map((s) => s[key])
  const { rows: [cycle] } = await pool.query<{ id: string }>(
    `INSERT INTO cycles (title, instrument_version, disciplines, status, opens_at, deadline_at)
     VALUES ($1, 'smm-2024', '{md,do,dental,nursing-adn,nursing-bsn-msn,pa}', $2, $3, $4) RETURNING id`,
    [`Bench round ${tag}`, options.cycleStatus, new Date(now - 10 * DAY), new Date(now + 30 * DAY)],
  )
  const cycleId = cycle!.id
  await pool.query(
    `INSERT INTO schools (id, name, city, state, discipline, control, carnegie_group)
     SELECT id, 'Bench School ' || $2 || ' ' || n, 'Springfield', 'IL', ($3::text[])[1 + n % array_length($3::text[], 1)],
            CASE WHEN n % 3 = 0 THEN 'private' ELSE 'public' END, CASE WHEN n % 2 = 0 THEN 'r1' ELSE 'r2' END
     FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, n)`,
    [col('schoolId'), tag, options.disciplines ?? ['md']],
  )
  await pool.query(
    `INSERT INTO cycle_participations (id, cycle_id, school_id, status, source, submitted_at)
     SELECT p, $3, s, $4, 'all-eligible', $5 FROM unnest($1::uuid[], $2::uuid[]) AS t(p, s)`,
    [col('participationId'), col('schoolId'), cycleId, submitted ? 'submitted' : 'in_progress', submitted ? new Date(now) : null],
  )
  await pool.query(
    `INSERT INTO responses (id, participation_id, cycle_id, school_id, instrument_version, status, submitted_at)
     SELECT r, p, $4, s, 'smm-2024', $5, $6 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t(r, p, s)`,
    [col('responseId'), col('participationId'), col('schoolId'), cycleId, options.responseStatus, submitted ? new Date(now) : null],
  )
  await pool.query(
    `INSERT INTO users (id, email) SELECT u, 'bench-' || $2 || '-' || n || '@example.test' FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, n)`,
    [col('leaderId'), tag],
  )
  await pool.query(
    `INSERT INTO school_memberships (school_id, user_id, role) SELECT s, u, 'leader' FROM unnest($1::uuid[], $2::uuid[]) AS t(s, u)`,
    [col('schoolId'), col('leaderId')],
  )
  await pool.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at) SELECT h, u, $3 FROM unnest($1::text[], $2::uuid[]) AS t(h, u)`,
    [col('tokenHash'), col('leaderId'), new Date(now + DAY)],
  )
  return { cycleId, schools: schools.map(({ schoolId, responseId, leaderId, sessionToken }) => ({ schoolId, responseId, leaderId, sessionToken })) }
}

/** A program admin, as the services see one signed in. */
export async function seedBenchAdmin(pool: SqlRunner): Promise<Actor> {
  const email = `bench-admin-${randomUUID().slice(0, 8)}@example.test`
  const { rows: [user] } = await pool.query<{ id: string }>(`INSERT INTO users (email, program_role) VALUES ($1, 'admin') RETURNING id`, [email])
  return { kind: 'user', userId: user!.id, email, name: null, programRole: 'admin', memberships: [] }
}

/** A session cookie of a new admin, for scenarios that go through a real server's routes. */
export async function benchAdminCookie(pool: SqlRunner): Promise<string> {
  const admin = await seedBenchAdmin(pool)
  const session = newSecretToken()
  await pool.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [session.hash, admin.kind === 'user' ? admin.userId : null])
  return `smm_session=${session.token}`
}
