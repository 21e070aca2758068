import { EVERYONE, PUBLIC, RESEARCH, SIGNED_IN, type Access, type AccessTable } from './outcomes'

// The public site, sign-in, the links people get by e-mail, the badge verification files and the webhook, then the
// analyst area (/research).

const open = (url: AccessTable[string]['url'], extra: Partial<AccessTable[string]> = {}) => ({ url, expect: PUBLIC, ...extra })
/** The program team's outbox copy and the identified export: admins only, outside /admin. */
/** The admin persona's own passkey: anyone else signed in is told it does not exist. */
const OWNER_ONLY: Access = { ...EVERYONE(404), anonymous: 'sign-in', admin: 'allowed' }
const ADMIN_OUTSIDE_CONSOLE: Access = { ...SIGNED_IN, contributor: 'forbidden', coordinator: 'forbidden', leader: 'forbidden', otherLeader: 'forbidden', analyst: 'forbidden' }

export const PUBLIC_ROUTES: AccessTable = {
  'GET /healthz': open(() => '/healthz'),
  'GET /metrics': open(() => '/metrics'),
  'GET /assets/:name': open(() => '/assets/app.css'),
  'GET /': open(() => '/'),
  'GET /sign-in': open(() => '/sign-in'),
  'POST /sign-in': open(() => '/sign-in'),
  'GET /sign-in/sent': open(() => '/sign-in/sent'),
  // The link's page only asks to confirm (mail scanners open links), so every check leaves it unused.
  'GET /sign-in/link': open((f) => `/sign-in/link?token=${f.signInToken}`),
  // An empty form names no link: the unknown-link page (404) for everyone, like a made-up token.
  'POST /sign-in/link': { url: () => '/sign-in/link', expect: EVERYONE(404) },
  'POST /sign-out': open(() => '/sign-out', { ownSession: true }),
  // The second step after the e-mailed link: only a pending session has one to take; everyone else is sent on
  // (to sign in, or home), and an answer without a pending session changes nothing.
  'GET /sign-in/passkey': open(() => '/sign-in/passkey'),
  'POST /sign-in/passkey': open(() => '/sign-in/passkey'),
  'POST /sign-in/passkey/register': open(() => '/sign-in/passkey/register'),
  'GET /team/join': open((f) => `/team/join?token=${f.teamJoinToken}`),
  // The token is the proof; an empty form names no invitation, whoever sends it.
  'POST /team/join': { url: () => '/team/join', expect: EVERYONE(404) },
  'GET /about': open(() => '/about'),
  'GET /assessment': open(() => '/assessment'),
  'GET /participation': open(() => '/participation'),
  'GET /badge': open(() => '/badge'),
  'GET /champions': open(() => '/champions'),
  'GET /champions/nominate': open(() => '/champions/nominate'),
  'POST /champions/nominate': open(() => '/champions/nominate'),
  'GET /contact': open(() => '/contact'),
  'POST /contact': open(() => '/contact'),
  'GET /toolkits': open(() => '/toolkits'),
  'GET /toolkits/:slug': open((f) => `/toolkits/${f.resourceSlug}`),
  'GET /toolkits/:slug/file': open((f) => `/toolkits/${f.resourceSlug}/file`),
  'GET /badges': open(() => '/badges'),
  'GET /badges/verify/:publicId': open((f) => `/badges/verify/${f.issuedPublicId}`),
  'GET /badges/status/1': open(() => '/badges/status/1'),
  'GET /badges/issuer': open(() => '/badges/issuer'),
  'GET /badges/issuer/key': open(() => '/badges/issuer/key'),
  'GET /badges/:publicId/credential.json': open((f) => `/badges/${f.issuedPublicId}/credential.json`),
  'GET /badges/:file{[A-Za-z0-9_-]+\\.(svg|png)}': open((f) => `/badges/${f.issuedPublicId}.png`),
  'GET /invitation': open((f) => `/invitation?token=${f.invitationToken}`),
  'POST /invitation/accept': { url: () => '/invitation/accept', expect: EVERYONE(404) },
  'POST /invitation/decline': { url: () => '/invitation/decline', expect: EVERYONE(404) },
  // Stripe has no session and no Origin: its signature is the proof, and an unsigned post is refused alike.
  'POST /webhooks/stripe': { url: () => '/webhooks/stripe', json: { type: 'checkout.session.completed' }, expect: EVERYONE(400) },

  // Your account: anyone signed in; passkeys are for program staff (decision 160), and a passkey only its owner's.
  'GET /account': { url: () => '/account', expect: SIGNED_IN },
  'GET /account/passkeys/new': { url: () => '/account/passkeys/new', expect: RESEARCH },
  'POST /account/passkeys': { url: () => '/account/passkeys', expect: RESEARCH },
  'GET /account/passkeys/:passkeyId/remove': { url: async (f) => `/account/passkeys/${await f.fresh.adminPasskey()}/remove`, expect: OWNER_ONLY },
  'POST /account/passkeys/:passkeyId/remove': { url: async (f) => `/account/passkeys/${await f.fresh.adminPasskey()}/remove`, expect: OWNER_ONLY },

  'GET /dev/mailbox': { url: () => '/dev/mailbox', expect: ADMIN_OUTSIDE_CONSOLE },
  'GET /dev/mailbox/:id': { url: (f) => `/dev/mailbox/${f.mailId}`, expect: ADMIN_OUTSIDE_CONSOLE },
}

const research = (url: AccessTable[string]['url']) => ({ url, expect: RESEARCH })

export const RESEARCH_ROUTES: AccessTable = {
  'GET /research': research(() => '/research'),
  'GET /research/cycles/:id': research((f) => `/research/cycles/${f.finishedCycle}`),
  'GET /research/cycles/:id/results': research((f) => `/research/cycles/${f.finishedCycle}/results`),
  'GET /research/cycles/:id/results/:file{[a-z-]+\\.csv}': research((f) => `/research/cycles/${f.finishedCycle}/results/results.csv`),
  'GET /research/cycles/:id/quality': research((f) => `/research/cycles/${f.finishedCycle}/quality`),
  'GET /research/cycles/:id/quality/:file{[a-z-]+\\.csv}': research((f) => `/research/cycles/${f.finishedCycle}/quality/quality-items.csv`),
  'GET /research/cycles/:id/exports/:format': research((f) => `/research/cycles/${f.finishedCycle}/exports/csv`),
  // The export naming schools is the program team's (`research.export.identified`): analysts are refused.
  'GET /research/cycles/:id/identified': { url: (f) => `/research/cycles/${f.finishedCycle}/identified`, expect: ADMIN_OUTSIDE_CONSOLE },
  'POST /research/cycles/:id/identified': { url: (f) => `/research/cycles/${f.finishedCycle}/identified`, expect: ADMIN_OUTSIDE_CONSOLE },
}
