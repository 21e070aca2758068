import { ADMIN_ONLY, type AccessTable } from './outcomes'

// The program team's console: everything under /admin answers `admin.console` before any route runs, so one
// profile fits every row. The rows still name their concrete URL, so each route is asked for something that
// exists (an admin's "allowed" is a real page, not a 404 for a made-up id). Routes that answer 404 to a form no
// page of ours sends get a valid one, so the admin's answer is about the admin.

const admin = (url: AccessTable[string]['url'], extra: Partial<AccessTable[string]> = {}) => ({ url, expect: ADMIN_ONLY, ...extra })

/** Accounts, mail, instruments, the inbox, resources, the directory and past rounds. */
export const ADMIN_CONSOLE_ROUTES: AccessTable = {
  'GET /admin': admin(() => '/admin'),
  'GET /admin/audit': admin(() => '/admin/audit'),
  'GET /admin/mail': admin(() => '/admin/mail'),
  'GET /admin/mail/:id': admin((f) => `/admin/mail/${f.mailId}`),
  'POST /admin/mail/:id/retry': admin((f) => `/admin/mail/${f.mailId}/retry`), // the fixture's message failed
  'GET /admin/accounts': admin(() => '/admin/accounts'),
  'GET /admin/accounts/:userId': admin((f) => `/admin/accounts/${f.contributorA}`),
  'POST /admin/accounts/:userId/role': admin(async (f) => `/admin/accounts/${await f.fresh.user()}/role`),
  'POST /admin/accounts/:userId/disable': admin(async (f) => `/admin/accounts/${await f.fresh.user()}/disable`),
  'POST /admin/accounts/:userId/enable': admin(async (f) => `/admin/accounts/${await f.fresh.user()}/enable`),
  'POST /admin/accounts/:userId/sign-out-everywhere': admin(async (f) => `/admin/accounts/${await f.fresh.user()}/sign-out-everywhere`),
  'POST /admin/accounts/:userId/passkeys/remove': admin(async (f) => `/admin/accounts/${await f.fresh.user()}/passkeys/remove`),
  // An empty form names no choice: refused beside the field, the setting unchanged.
  'POST /admin/accounts/passkey-requirement': admin(() => '/admin/accounts/passkey-requirement'),
  'GET /admin/instruments': admin(() => '/admin/instruments'),
  'GET /admin/instruments/diff': admin(() => '/admin/instruments/diff?before=smm-2019&after=smm-2024'),
  'GET /admin/instruments/:id': admin((f) => `/admin/instruments/${f.instrumentVersion}`),
  'GET /admin/instruments/:id/preview': admin((f) => `/admin/instruments/${f.instrumentVersion}/preview`),
  'GET /admin/instruments/:id/print': admin((f) => `/admin/instruments/${f.instrumentVersion}/print`),

  'GET /admin/inbox': admin(() => '/admin/inbox'),
  'GET /admin/inbox/:id': admin((f) => `/admin/inbox/${f.inboxItem}`),
  'POST /admin/inbox/:id/status': admin((f) => `/admin/inbox/${f.inboxItem}/status`, { form: () => ({ status: 'reviewing' }) }),
  'POST /admin/inbox/:id/feature': admin((f) => `/admin/inbox/${f.inboxItem}/feature`),
  'GET /admin/champions': admin(() => '/admin/champions'),
  'GET /admin/resources': admin(() => '/admin/resources'),
  'GET /admin/resources/new': admin(() => '/admin/resources/new'),
  'POST /admin/resources': admin(() => '/admin/resources'),
  'GET /admin/resources/:id': admin((f) => `/admin/resources/${f.resource}`),
  'POST /admin/resources/:id': admin((f) => `/admin/resources/${f.resource}`),
  'POST /admin/resources/:id/remove-file': admin(async (f) => `/admin/resources/${await f.fresh.resource()}/remove-file`),
  'POST /admin/resources/:id/delete': admin(async (f) => `/admin/resources/${await f.fresh.resource()}/delete`),

  'GET /admin/schools': admin(() => '/admin/schools'),
  'GET /admin/schools/export.csv': admin(() => '/admin/schools/export.csv'),
  'GET /admin/schools/import': admin(() => '/admin/schools/import'),
  'GET /admin/schools/import/template.csv': admin(() => '/admin/schools/import/template.csv'),
  'POST /admin/schools/import': admin(() => '/admin/schools/import'),
  'POST /admin/schools/import/confirm': admin(() => '/admin/schools/import/confirm'),
  'GET /admin/schools/template.csv': admin(() => '/admin/schools/template.csv'),
  'GET /admin/schools/new': admin(() => '/admin/schools/new'),
  'POST /admin/schools/new': admin(() => '/admin/schools/new'),
  'GET /admin/schools/:id': admin((f) => `/admin/schools/${f.schoolA}`),
  'POST /admin/schools/:id': admin((f) => `/admin/schools/${f.schoolB}`),

  'GET /admin/historical-rounds': admin(() => '/admin/historical-rounds'),
  'POST /admin/historical-rounds': admin(() => '/admin/historical-rounds'),
  'POST /admin/historical-rounds/confirm': admin(() => '/admin/historical-rounds/confirm'),
  'GET /admin/historical-rounds/:version/answers-template.csv': admin((f) => `/admin/historical-rounds/${f.instrumentVersion}/answers-template.csv`),
  'GET /admin/historical-rounds/:version/area-scores-template.csv': admin((f) => `/admin/historical-rounds/${f.instrumentVersion}/area-scores-template.csv`),
  'GET /admin/historical-rounds/:version/codebook': admin((f) => `/admin/historical-rounds/${f.instrumentVersion}/codebook`),
}

/** Cycles and their schools, reports, responses and badges. */
export const ADMIN_CYCLE_ROUTES: AccessTable = {
  'GET /admin/cycles': admin(() => '/admin/cycles'),
  'GET /admin/cycles/new': admin(() => '/admin/cycles/new'),
  'POST /admin/cycles/new': admin(() => '/admin/cycles/new'),
  'GET /admin/cycles/:id': admin((f) => `/admin/cycles/${f.openCycle}`),
  'GET /admin/cycles/:id/open': admin((f) => `/admin/cycles/${f.openCycle}/open`),
  'GET /admin/cycles/:id/status.csv': admin((f) => `/admin/cycles/${f.openCycle}/status.csv`),
  'GET /admin/cycles/:id/edit': admin((f) => `/admin/cycles/${f.openCycle}/edit`),
  'POST /admin/cycles/:id/edit': admin((f) => `/admin/cycles/${f.openCycle}/edit`),
  'POST /admin/cycles/:id/advance': admin((f) => `/admin/cycles/${f.openCycle}/advance`, { form: () => ({ to: 'open' }) }), // already open: 409
  'POST /admin/cycles/:id/calendar': admin((f) => `/admin/cycles/${f.openCycle}/calendar`, { form: () => ({ closeAtDeadline: 'no' }) }),
  'POST /admin/cycles/:id/reminders': admin((f) => `/admin/cycles/${f.openCycle}/reminders`),
  'GET /admin/cycles/:id/confirm/close': admin((f) => `/admin/cycles/${f.openCycle}/confirm/close`),
  'GET /admin/cycles/:id/confirm/release': admin((f) => `/admin/cycles/${f.finishedCycle}/confirm/release`),
  'GET /admin/cycles/:id/confirm/reminders': admin((f) => `/admin/cycles/${f.openCycle}/confirm/reminders`),
  'GET /admin/cycles/:id/progress/:job': admin((f) => `/admin/cycles/${f.finishedCycle}/progress/scoring`),
  'POST /admin/cycles/:id/bulk': admin((f) => `/admin/cycles/${f.openCycle}/bulk`, { form: () => ({ action: 'remind' }) }), // no school ticked: 422
  'POST /admin/cycles/:id/bulk/apply': admin((f) => `/admin/cycles/${f.openCycle}/bulk/apply`, { form: () => ({ action: 'extend', until: 'soon' }) }),
  'GET /admin/cycles/:id/schools/:pid/decline': admin((f) => `/admin/cycles/${f.openCycle}/schools/${f.participationA}/decline`),
  'POST /admin/cycles/:id/schools/:pid/decline': admin(async (f) => `/admin/cycles/${f.openCycle}/schools/${await f.fresh.participation()}/decline`),
  'GET /admin/cycles/:id/schools/:pid/timeline': admin((f) => `/admin/cycles/${f.openCycle}/schools/${f.participationA}/timeline`),
  'GET /admin/cycles/:id/schools/add': admin((f) => `/admin/cycles/${f.openCycle}/schools/add`),
  'POST /admin/cycles/:id/schools/add': admin((f) => `/admin/cycles/${f.openCycle}/schools/add`),
  'GET /admin/cycles/:id/schools/:pid': admin((f) => `/admin/cycles/${f.openCycle}/schools/${f.participationA}`),
  'POST /admin/cycles/:id/schools/:pid/resend': admin(async (f) => `/admin/cycles/${f.openCycle}/schools/${await f.fresh.participation()}/resend`),
  'POST /admin/cycles/:id/schools/:pid/addressee': admin((f) => `/admin/cycles/${f.openCycle}/schools/${f.participationA}/addressee`),
  'POST /admin/cycles/:id/schools/:pid/extension': admin((f) => `/admin/cycles/${f.openCycle}/schools/${f.participationA}/extension`),
  'POST /admin/cycles/:id/schools/:pid/progress': admin(async (f) => `/admin/cycles/${f.openCycle}/schools/${await f.fresh.participation()}/progress`, { form: () => ({ to: 'in_progress' }) }),
  'GET /admin/cycles/:id/reports': admin((f) => `/admin/cycles/${f.finishedCycle}/reports`),
  'GET /admin/cycles/:id/reports/scores.csv': admin((f) => `/admin/cycles/${f.finishedCycle}/reports/scores.csv`),
  'GET /admin/cycles/:id/reports/pdfs': admin((f) => `/admin/cycles/${f.finishedCycle}/reports/pdfs`),
  'POST /admin/cycles/:id/reports/pdfs': admin((f) => `/admin/cycles/${f.finishedCycle}/reports/pdfs`),
  'GET /admin/cycles/:id/reports/pdfs.zip': admin((f) => `/admin/cycles/${f.finishedCycle}/reports/pdfs.zip`),
  'POST /admin/cycles/:id/reports/recompute': admin((f) => `/admin/cycles/${f.finishedCycle}/reports/recompute`),
  'POST /admin/cycles/:id/reports/release': admin((f) => `/admin/cycles/${f.finishedCycle}/reports/release`),
  'GET /admin/cycles/:id/publication': admin((f) => `/admin/cycles/${f.finishedCycle}/publication`),
  'POST /admin/cycles/:id/publication': admin((f) => `/admin/cycles/${f.finishedCycle}/publication`, { form: () => ({ publish: 'no' }) }),

  'GET /admin/responses/of/:participationId': admin((f) => `/admin/responses/of/${f.participationA}`),
  'GET /admin/responses/:id': admin((f) => `/admin/responses/${f.responseA}`),
  'POST /admin/responses/:id/reopen': admin((f) => `/admin/responses/${f.finishedResponseA}/reopen`),

  'GET /admin/badges/issued': admin(() => '/admin/badges/issued'),
  'GET /admin/badges/cycles/:cycleId/issue-all': admin((f) => `/admin/badges/cycles/${f.finishedCycle}/issue-all`),
  'POST /admin/badges/cycles/:cycleId/issue-all': admin((f) => `/admin/badges/cycles/${f.finishedCycle}/issue-all`),
  'GET /admin/badges/issued/:id/revoke': admin((f) => `/admin/badges/issued/${f.issuedBadge}/revoke`),
  'POST /admin/badges/issued/:id/revoke': admin((f) => `/admin/badges/issued/${f.issuedBadge}/revoke`),
  'GET /admin/badges/issued/:id/reissue': admin((f) => `/admin/badges/issued/${f.issuedBadge}/reissue`),
  'POST /admin/badges/issued/:id/reissue': admin((f) => `/admin/badges/issued/${f.issuedBadge}/reissue`),
  'GET /admin/badges/supporters': admin(() => '/admin/badges/supporters'),
  'POST /admin/badges/supporters': admin(() => '/admin/badges/supporters'),
  'POST /admin/badges/supporters/:schoolId/remove': admin((f) => `/admin/badges/supporters/${f.schoolB}/remove`),
  'GET /admin/badges': admin(() => '/admin/badges'),
  'GET /admin/badges/orders.csv': admin(() => '/admin/badges/orders.csv'),
  'GET /admin/badges/offers/:cycleId': admin((f) => `/admin/badges/offers/${f.finishedCycle}`),
  'POST /admin/badges/offers/:cycleId': admin((f) => `/admin/badges/offers/${f.finishedCycle}`),
  'GET /admin/badges/orders/:id/invoice.pdf': admin((f) => `/admin/badges/orders/${f.badgeOrder}/invoice.pdf`),
  'GET /admin/badges/orders/:id/mark-paid': admin((f) => `/admin/badges/orders/${f.badgeOrder}/mark-paid`),
  'POST /admin/badges/orders/:id/mark-paid': admin((f) => `/admin/badges/orders/${f.badgeOrder}/mark-paid`),
  'GET /admin/badges/orders/:id/waive': admin((f) => `/admin/badges/orders/${f.badgeOrder}/waive`),
  'POST /admin/badges/orders/:id/waive': admin((f) => `/admin/badges/orders/${f.badgeOrder}/waive`),
}
