import { PERSONAS, type MatrixFixture, type Persona } from '../support/matrix-seed'

/**
 * What a person notices when they ask for a route, in four classes (docs/security.md):
 * - `allowed`: not a denial. Any 2xx or 3xx except a redirect to sign-in, or a 400/409/410/422 answer about the
 *   input or the state of things (we send empty forms, so "please fill in" is the usual allowed answer to a POST).
 * - `sign-in`: signed out where a session is needed: a redirect to /sign-in?next=… (pages) or 401 (JSON).
 * - `forbidden`: 403, a member of the school (or a signed-in person) without the role.
 * - `not-found`: 404, someone outside the school (or the program team's area) asking for one of its things.
 * A number instead of a class asks for that exact status. A 5xx never matches anything.
 */
export type OutcomeClass = 'allowed' | 'sign-in' | 'forbidden' | 'not-found'
export type Outcome = OutcomeClass | number
export type Access = Readonly<Record<Persona, Outcome>>

/** One route's row: the concrete request and who gets what. */
export type RouteAccess = {
  /**
   * The concrete path (and query) from the fixture, asked once per persona: a route that removes or settles what
   * it names makes a fresh target here (`f.fresh.*`), so no check depends on the order of the others.
   */
  url: (f: MatrixFixture) => string | Promise<string>
  expect: Access
  /**
   * Form fields for a POST (default: an empty form, which changes nothing on a route that validates). A route that
   * reads its form before asking who you are gets a valid one, so the answer is about the person, not the form.
   */
  form?: (f: MatrixFixture) => Record<string, string> | Promise<Record<string, string>>
  /** A JSON body instead of a form (the autosave). */
  json?: unknown
  /** Ask with a session of its own (signing out ends the session it is sent with). */
  ownSession?: boolean
}

export type AccessTable = Readonly<Record<string, RouteAccess>>

const ALLOWED_ANSWERS = new Set([400, 409, 410, 422])

export function classify(res: Response): Outcome {
  const location = res.headers.get('location') ?? ''
  if (res.status === 401 || (res.status >= 300 && res.status < 400 && location.startsWith('/sign-in?next='))) return 'sign-in'
  if (res.status === 403) return 'forbidden'
  if (res.status === 404) return 'not-found'
  if ((res.status >= 200 && res.status < 400) || ALLOWED_ANSWERS.has(res.status)) return 'allowed'
  return res.status
}

export function matches(expected: Outcome, res: Response): boolean {
  if (res.status >= 500) return false
  return typeof expected === 'number' ? res.status === expected : classify(res) === expected
}

// The access profiles most routes share; a row spells out its own when none fits.

const everyone = (outcome: Outcome): Access => Object.fromEntries(PERSONAS.map((p) => [p, outcome])) as Record<Persona, Outcome>

/** The public site: nobody is refused. */
export const PUBLIC: Access = everyone('allowed')
/** The same exact status for everyone (a token route asked without a token). */
export const EVERYONE = (status: number): Access => everyone(status)
/** Any signed-in person. */
export const SIGNED_IN: Access = { ...everyone('allowed'), anonymous: 'sign-in' }
/** The program team's console (`admin.console`): every signed-in non-admin is told it is not for them. */
export const ADMIN_ONLY: Access = { ...everyone('forbidden'), anonymous: 'sign-in', admin: 'allowed' }
/** The analyst area (`research.view`): analysts and admins. */
export const RESEARCH: Access = { ...ADMIN_ONLY, analyst: 'allowed' }

type SchoolRole = 'contributor' | 'coordinator' | 'leader'

/**
 * A school's own thing, here school A's: members with one of `roles` are allowed, other members are forbidden,
 * everyone outside the school (school B's leader, the analyst) gets 404, and the program team gets `admin`.
 */
export function schoolOnly(roles: readonly SchoolRole[], admin: Outcome = 'allowed', others: { members?: Outcome } = {}): Access {
  const member = (role: SchoolRole): Outcome => (roles.includes(role) ? 'allowed' : (others.members ?? 'forbidden'))
  return {
    anonymous: 'sign-in',
    contributor: member('contributor'),
    coordinator: member('coordinator'),
    leader: member('leader'),
    otherLeader: 'not-found',
    analyst: 'not-found',
    admin,
  }
}
export const WHOLE_TEAM: readonly SchoolRole[] = ['contributor', 'coordinator', 'leader']
export const MANAGERS: readonly SchoolRole[] = ['coordinator', 'leader']
export const LEADER: readonly SchoolRole[] = ['leader']
