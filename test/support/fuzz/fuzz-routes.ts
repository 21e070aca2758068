import { DISCIPLINES } from '../../../src/domain/school/school-facts'
import { MAPPED_FIELDS } from '../../../src/domain/school/directory-column-mapping'
import { sampleSizeField } from '../../../src/domain/cycle/cycle-settings'

/**
 * Every POST route of the app and how the fuzzer reaches it (issue #20). The route table test compares this list
 * with `app.routes`, so a new endpoint fails until it is listed here and is then fuzzed with the rest of its area.
 */

/** Who posts: the persona allowed to use the route, so the fuzz gets past the auth wall to validation and services. */
export type Persona = 'anonymous' | 'admin' | 'leader' | 'throwaway' | 'stripe'

/** Which test file fuzzes the route: one file per area, so the areas run in parallel. */
export type FuzzArea = 'public' | 'school' | 'admin-cycles' | 'admin'

/** A world id a path parameter takes (see fuzz-world.ts); the fuzzer sometimes swaps it for junk. */
export type WorldRef =
  | 'openCycle' | 'pastCycle' | 'participation' | 'deanParticipation' | 'deanResponse' | 'pastResponse' | 'area'
  | 'school' | 'deanSchool' | 'colleague' | 'teamInvitation' | 'account' | 'mail' | 'inboxItem' | 'resource'
  | 'openOrder' | 'issuedBadge' | 'passkey'

export type RouteSpec = {
  area: FuzzArea
  persona: Persona
  params?: Record<string, WorldRef>
  /** The form's field names; `page` names the GET page whose form is drawn from data (questionnaire items, plans). */
  fields: readonly string[] | { page: string }
  body?: 'form' | 'multipart' | 'json' | 'stripe-event'
}

const SCHOOL_FIELDS = ['name', 'city', 'state', 'discipline', 'control', 'carnegie_group', 'ipeds_unit_id', 'parent_institution', 'website', 'dean_name', 'dean_email', 'status']
const CYCLE_FIELDS = ['title', 'instrumentVersion', 'disciplines', 'opensOn', 'deadlineOn', 'pilot', 'reminderDays', 'sampleSeed', 'closeAtDeadline', ...DISCIPLINES.map(sampleSizeField)]
const RESOURCE_FIELDS = ['kind', 'title', 'summary', 'body', 'areaId', 'file']
const BADGE_ORDER_FIELDS = ['billingName', 'billingEmail', 'billingAddress', 'poNumber', 'paymentMethod']
const BULK_FIELDS = ['action', 'pid', 'until']
const HISTORICAL_FIELDS = ['file', 'content', 'title', 'year', 'instrumentVersion']
const IMPORT_FIELDS = ['file', 'content', 'step', 'update', 'updates', 'discipline_all', ...MAPPED_FIELDS.map((f) => `map_${f}`)]

const cycle = { id: 'openCycle' } as const
const participation = { id: 'openCycle', pid: 'participation' } as const
const team = { responseId: 'deanResponse' } as const
const admin = (fields: readonly string[], params?: Record<string, WorldRef>, area: FuzzArea = 'admin'): RouteSpec => ({ area, persona: 'admin', fields, params })
const cycles = (fields: readonly string[], params: Record<string, WorldRef> = cycle): RouteSpec => admin(fields, params, 'admin-cycles')
const school = (fields: RouteSpec['fields'], params: Record<string, WorldRef>): RouteSpec => ({ area: 'school', persona: 'leader', fields, params })
const publicForm = (fields: readonly string[], persona: Persona = 'anonymous'): RouteSpec => ({ area: 'public', persona, fields })

export const FUZZED_ROUTES: Record<string, RouteSpec> = {
  'POST /sign-in': publicForm(['email', 'next']),
  'POST /sign-in/link': publicForm(['token']),
  // Without a pending session these only send the visitor on; a pending session's garbage answers are in passkeys.test.ts.
  'POST /sign-in/passkey': publicForm(['response']),
  'POST /sign-in/passkey/register': publicForm(['response', 'nickname']),
  'POST /sign-out': publicForm([], 'throwaway'),
  'POST /team/join': publicForm(['token']),
  'POST /champions/nominate': publicForm(['nominatorName', 'nominatorEmail', 'nomineeName', 'nomineeRole', 'nomineeInstitution', 'achievements', 'consent', 'website']),
  'POST /contact': publicForm(['name', 'email', 'topic', 'subject', 'message', 'website']),
  'POST /invitation/accept': publicForm(['token']),
  'POST /invitation/decline': publicForm(['token']),
  'POST /webhooks/stripe': { area: 'public', persona: 'stripe', fields: ['id', 'type', 'data', 'client_reference_id', 'orderId'], body: 'stripe-event' },

  'POST /school/responses/:id/answers': { ...school(['itemId', 'value', 'escape', 'note', 'evidenceUrl', 'baseVersion', 'confirm'], { id: 'deanResponse' }), body: 'json' },
  'POST /school/responses/:responseId/team/invite': school(['email', 'name', 'role'], team),
  'POST /school/responses/:responseId/team/invitations/:invitationId/cancel': school([], { ...team, invitationId: 'teamInvitation' }),
  'POST /school/responses/:responseId/team/coordinator': school(['userId'], team),
  'POST /school/responses/:responseId/team/members/:userId/role': school(['role'], { ...team, userId: 'colleague' }),
  'POST /school/responses/:responseId/team/members/:userId/remove': school([], { ...team, userId: 'colleague' }),
  'POST /school/responses/:responseId/team/assignments': school(['assign'], team),
  'POST /school/responses/:responseId/team/assignments/domain': school(['domainId', 'userId'], team),
  'POST /school/responses/:responseId/carry-forward': school([], team),
  'POST /school/reports/:responseId/plan': school({ page: '/school/reports/:responseId' }, { responseId: 'pastResponse' }),
  'POST /school/badges/:schoolId/listing': school(['listed'], { schoolId: 'deanSchool' }),
  'POST /school/participations/:id/accept': school([], { id: 'deanParticipation' }),
  'POST /school/responses/:id/areas/:areaId': school({ page: '/school/responses/:id/areas/:areaId' }, { id: 'deanResponse', areaId: 'area' }),
  'POST /school/responses/:id/submit': school(['certifiedName', 'certify', 'paperSignedOn'], { id: 'deanResponse' }),
  'POST /school/badge/:id/check': school(BADGE_ORDER_FIELDS, { id: 'pastResponse' }),
  'POST /school/badge/:id/edit': school(BADGE_ORDER_FIELDS, { id: 'pastResponse' }),
  'POST /school/badge/:id/order': school(BADGE_ORDER_FIELDS, { id: 'pastResponse' }),
  'POST /school/badge/:id/pay': school([], { id: 'pastResponse' }),

  'POST /admin/cycles/new': cycles(CYCLE_FIELDS, {}),
  'POST /admin/cycles/:id/edit': cycles(CYCLE_FIELDS),
  'POST /admin/cycles/:id/advance': cycles(['to']),
  'POST /admin/cycles/:id/calendar': cycles(['openOnOpensAt', 'closeAtDeadline']),
  'POST /admin/cycles/:id/reminders': cycles([]),
  'POST /admin/cycles/:id/bulk': cycles(BULK_FIELDS),
  'POST /admin/cycles/:id/bulk/apply': cycles(BULK_FIELDS),
  'POST /admin/cycles/:id/schools/:pid/decline': cycles(['reason'], participation),
  'POST /admin/cycles/:id/schools/add': cycles(['schoolIds', 'source', 'discipline', 'q', 'state']),
  'POST /admin/cycles/:id/schools/:pid/resend': cycles([], participation),
  'POST /admin/cycles/:id/schools/:pid/addressee': cycles(['email', 'name'], participation),
  'POST /admin/cycles/:id/schools/:pid/extension': cycles(['until'], participation),
  'POST /admin/cycles/:id/schools/:pid/progress': cycles(['to'], participation),
  'POST /admin/cycles/:id/reports/pdfs': cycles([], { id: 'pastCycle' }),
  'POST /admin/cycles/:id/reports/recompute': cycles(['reason'], { id: 'pastCycle' }),
  'POST /admin/cycles/:id/reports/release': cycles(['schoolId'], { id: 'pastCycle' }),
  'POST /admin/cycles/:id/publication': cycles(['publish'], { id: 'pastCycle' }),
  'POST /admin/historical-rounds': { ...cycles(HISTORICAL_FIELDS, {}), body: 'multipart' },
  'POST /admin/historical-rounds/confirm': cycles(HISTORICAL_FIELDS, {}),

  'POST /admin/mail/:id/retry': admin([], { id: 'mail' }),
  'POST /admin/accounts/:userId/role': admin(['role', 'reason'], { userId: 'account' }),
  'POST /admin/accounts/:userId/disable': admin(['reason'], { userId: 'account' }),
  'POST /admin/accounts/:userId/enable': admin([], { userId: 'account' }),
  'POST /admin/accounts/:userId/sign-out-everywhere': admin(['reason'], { userId: 'account' }),
  'POST /admin/accounts/:userId/passkeys/remove': admin([], { userId: 'account' }),
  'POST /admin/accounts/passkey-requirement': admin(['required'], {}),
  // Your account's passkeys: program staff only (a school leader is refused before any field is read).
  'POST /account/passkeys': admin(['response', 'nickname'], {}),
  'POST /account/passkeys/:passkeyId/remove': admin([], { passkeyId: 'passkey' }),
  'POST /admin/inbox/:id/status': admin(['status'], { id: 'inboxItem' }),
  'POST /admin/inbox/:id/feature': admin(['featuredName', 'featuredRole', 'featuredInstitution', 'featuredBlurb'], { id: 'inboxItem' }),
  'POST /admin/resources': { ...admin(RESOURCE_FIELDS), body: 'multipart' },
  'POST /admin/resources/:id': { ...admin(RESOURCE_FIELDS, { id: 'resource' }), body: 'multipart' },
  'POST /admin/resources/:id/remove-file': admin([], { id: 'resource' }),
  'POST /admin/resources/:id/delete': admin([], { id: 'resource' }),
  'POST /admin/schools/import': { ...admin(IMPORT_FIELDS), body: 'multipart' },
  'POST /admin/schools/import/confirm': admin(IMPORT_FIELDS),
  'POST /admin/schools/new': admin(SCHOOL_FIELDS),
  'POST /admin/schools/:id': admin(SCHOOL_FIELDS, { id: 'school' }),
  'POST /admin/responses/:id/reopen': admin(['reason'], { id: 'pastResponse' }),
  'POST /admin/badges/cycles/:cycleId/issue-all': admin([], { cycleId: 'pastCycle' }),
  'POST /admin/badges/issued/:id/revoke': admin(['reason'], { id: 'issuedBadge' }),
  'POST /admin/badges/issued/:id/reissue': admin([], { id: 'issuedBadge' }),
  'POST /admin/badges/supporters': admin(['schoolId', 'year', 'note'], {}),
  'POST /admin/badges/supporters/:schoolId/remove': admin([], { schoolId: 'school' }),
  'POST /admin/badges/offers/:cycleId': admin(['validFrom', 'validUntil', ...DISCIPLINES.flatMap((d) => [`offer.${d}`, `fee.${d}`])], { cycleId: 'pastCycle' }),
  'POST /admin/badges/orders/:id/mark-paid': admin(['reference'], { id: 'openOrder' }),
  'POST /admin/badges/orders/:id/waive': admin(['reason'], { id: 'openOrder' }),
  'POST /research/cycles/:id/identified': admin(['format'], { id: 'pastCycle' }),
}

/**
 * Routes the fuzzer does not post to, each with its reason. Empty today: keep it that way unless a route truly
 * cannot be reached (a reason a reviewer would accept, not "it failed").
 */
export const UNFUZZED_ROUTES: Record<string, string> = {}

const READS = new Set(['GET', 'HEAD', 'OPTIONS', 'ALL'])

/** The app's routes that take a body (POST, and PUT/PATCH/DELETE should any appear), once each, as `METHOD /path`. */
export function writeRoutesOf(app: { routes: readonly { method: string; path: string }[] }): string[] {
  return [...new Set(app.routes.filter((r) => !READS.has(r.method)).map((r) => `${r.method} ${r.path}`))].sort()
}
