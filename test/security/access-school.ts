import { LEADER, MANAGERS, SIGNED_IN, WHOLE_TEAM, schoolOnly, type AccessTable } from './outcomes'

// A school's workspace, team, report and badge, all asked about school A. Members without the role get 403,
// everyone outside the school (school B's leader, the analyst) 404 (decision 141 and issue #20: nothing tells
// them the thing exists), and the program team runs every response except where a row says otherwise.

const responseA = (path: string) => (f: { responseA: string }) => `/school/responses/${f.responseA}${path}`
const teamPath = (path: string) => responseA(`/team${path}`)

export const SCHOOL_ROUTES: AccessTable = {
  // Each person's own list: anyone signed in has one (it may be empty).
  'GET /school': { url: () => '/school', expect: SIGNED_IN },
  // The way into one's own team: someone with no school's response to show has no such page.
  'GET /school/team': { url: () => '/school/team', expect: { ...schoolOnly(WHOLE_TEAM), admin: 'not-found' } },

  'GET /school/responses/:responseId/team': { url: teamPath(''), expect: schoolOnly(WHOLE_TEAM) },
  // The team's forms are read before the service asks who you are: they get valid fields, on targets of their own.
  'POST /school/responses/:responseId/team/invite': {
    url: teamPath('/invite'), form: () => ({ email: 'matrix-invitee@example.test', name: 'Matrix Invitee', role: 'contributor' }), expect: schoolOnly(MANAGERS),
  },
  'POST /school/responses/:responseId/team/invitations/:invitationId/cancel': {
    url: async (f) => teamPath(`/invitations/${await f.fresh.teamInvitation()}/cancel`)(f), expect: schoolOnly(MANAGERS),
  },
  'POST /school/responses/:responseId/team/coordinator': {
    url: teamPath('/coordinator'), form: async (f) => ({ userId: await f.fresh.member() }), expect: schoolOnly(MANAGERS),
  },
  'POST /school/responses/:responseId/team/members/:userId/role': {
    url: async (f) => teamPath(`/members/${await f.fresh.member()}/role`)(f), form: () => ({ role: 'coordinator' }), expect: schoolOnly(MANAGERS),
  },
  'POST /school/responses/:responseId/team/members/:userId/remove': {
    url: async (f) => teamPath(`/members/${await f.fresh.member()}/remove`)(f), expect: schoolOnly(MANAGERS),
  },
  // Replacing the assignments keeps the contributor on "recognition", the area their own rows below rely on.
  'POST /school/responses/:responseId/team/assignments': {
    url: teamPath('/assignments'), form: (f) => ({ assign: `recognition|${f.contributorA}` }), expect: schoolOnly(MANAGERS),
  },
  'POST /school/responses/:responseId/team/assignments/domain': {
    url: teamPath('/assignments/domain'), form: async (f) => ({ domainId: 'governance', userId: await f.fresh.member() }), expect: schoolOnly(MANAGERS),
  },
  'GET /school/responses/:responseId/carry-forward': { url: responseA('/carry-forward'), expect: schoolOnly(MANAGERS) },
  'POST /school/responses/:responseId/carry-forward': { url: responseA('/carry-forward'), expect: schoolOnly(MANAGERS) },

  // Decision 063: a report is its leaders' and the program team's; anyone else, the school's own team too, gets 404.
  'GET /school/reports/:file': { url: (f) => `/school/reports/${f.finishedResponseA}`, expect: schoolOnly(LEADER, 'allowed', { members: 'not-found' }) },
  // The program team reads action plans; writing one is the school's (decision 063), and the team is outside it.
  'POST /school/reports/:responseId/plan': { url: (f) => `/school/reports/${f.finishedResponseA}/plan`, expect: schoolOnly(LEADER, 'not-found', { members: 'not-found' }) },
  // Decision 128 keeps the badge page "as with reports": a 404 to anyone but the leaders and the program team.
  'GET /school/badges/:schoolId': { url: (f) => `/school/badges/${f.schoolA}`, expect: schoolOnly(LEADER, 'allowed', { members: 'not-found' }) },
  'POST /school/badges/:schoolId/listing': {
    url: (f) => `/school/badges/${f.schoolA}/listing`, form: () => ({ listed: 'yes' }), expect: schoolOnly(LEADER, 'allowed', { members: 'not-found' }),
  },

  'POST /school/participations/:id/accept': { url: async (f) => `/school/participations/${await f.fresh.invitedParticipationOfA()}/accept`, expect: schoolOnly(LEADER) },
  'GET /school/participations/:id/response': { url: (f) => `/school/participations/${f.participationA}/response`, expect: schoolOnly(WHOLE_TEAM) },
  'GET /school/responses/:id': { url: responseA(''), expect: schoolOnly(WHOLE_TEAM) },
  'GET /school/responses/:id/submitted': { url: responseA('/submitted'), expect: schoolOnly(WHOLE_TEAM) },
  'GET /school/responses/:id/answers.pdf': { url: responseA('/answers.pdf'), expect: schoolOnly(WHOLE_TEAM) },
  'GET /school/responses/:id/questionnaire.pdf': { url: responseA('/questionnaire.pdf'), expect: schoolOnly(WHOLE_TEAM) },
  'GET /school/responses/:id/history': { url: responseA('/history'), expect: schoolOnly(MANAGERS) },
  // The contributor is assigned "recognition": their own area.
  'GET /school/responses/:id/areas/:areaId': { url: responseA('/areas/recognition'), expect: schoolOnly(WHOLE_TEAM) },
  'POST /school/responses/:id/areas/:areaId': { url: responseA('/areas/recognition'), expect: schoolOnly(WHOLE_TEAM) },
  'GET /school/responses/:id/review': { url: responseA('/review'), expect: schoolOnly(WHOLE_TEAM) },
  'POST /school/responses/:id/submit': { url: responseA('/submit'), expect: schoolOnly(LEADER) },
  // The autosave: JSON, session and membership read together (decision 075). A stale base version changes nothing.
  'POST /school/responses/:id/answers': {
    url: (f) => `/school/responses/${f.responseA}/answers`, json: { itemId: 'recognition.awards', value: true, baseVersion: 999 }, expect: schoolOnly(WHOLE_TEAM),
  },

  // Ordering the badge is the leader's alone (`badge.order`): the program team settles orders, never places one.
  'GET /school/badge/:id': { url: (f) => `/school/badge/${f.finishedResponseA}`, expect: schoolOnly(LEADER, 'forbidden') },
  'POST /school/badge/:id/check': { url: (f) => `/school/badge/${f.finishedResponseA}/check`, expect: schoolOnly(LEADER, 'forbidden') },
  'POST /school/badge/:id/edit': { url: (f) => `/school/badge/${f.finishedResponseA}/edit`, expect: schoolOnly(LEADER, 'forbidden') },
  'POST /school/badge/:id/order': { url: (f) => `/school/badge/${f.finishedResponseA}/order`, expect: schoolOnly(LEADER, 'forbidden') },
  'POST /school/badge/:id/pay': { url: (f) => `/school/badge/${f.finishedResponseA}/pay`, expect: schoolOnly(LEADER, 'forbidden') },
  'GET /school/badge/:id/invoice.pdf': { url: (f) => `/school/badge/${f.finishedResponseA}/invoice.pdf`, expect: schoolOnly(LEADER, 'forbidden') },
}
