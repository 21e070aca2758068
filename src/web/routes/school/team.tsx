import { Hono } from 'hono'
import { z } from 'zod'
import { SCHOOL_ROLES } from '../../../domain/policy/roles'
import { saveAreaAssignments } from '../../../services/team/team-assignments'
import { myTeamResponseId } from '../../../services/team/team-entry'
import { cancelInvitation, inviteColleague } from '../../../services/team/team-invite'
import { changeTeamRole, removeTeamMember } from '../../../services/team/team-roles'
import { openTeam } from '../../../services/team/team-view'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { textValues, type FormState } from '../../form'
import { TeamPage } from '../../views/school/team-page'

// Mounted at /school: the team of one response (/school/responses/:responseId/team) and the way in (/school/team).

const Ids = z.object({ responseId: z.uuid(), userId: z.uuid().optional(), invitationId: z.uuid().optional() })
const Invite = z.object({
  email: z.email('Enter an e-mail address, like name@school.edu.').max(254, 'That address is too long.'),
  name: z.string().trim().max(200, 'Keep the name under 200 characters.').optional(),
  role: z.enum(SCHOOL_ROLES, { error: 'Choose a role.' }),
})
const Role = z.object({ role: z.enum(SCHOOL_ROLES) })
const Person = z.object({ userId: z.uuid() })
const Domain = z.object({ domainId: z.string().min(1).max(100), userId: z.uuid() })
const Pair = z.string().regex(/^[a-z0-9-]{1,100}\|[0-9a-f-]{36}$/)

const ids = (c: Ctx) => Ids.safeParse({ responseId: c.req.param('responseId'), userId: c.req.param('userId'), invitationId: c.req.param('invitationId') })
const teamPath = (responseId: string) => `/school/responses/${responseId}/team`

async function page(c: Ctx, responseId: string, form: FormState = { values: {}, errors: {} }) {
  const view = await openTeam(c.var.db, c.var.actor, responseId)
  return c.render(<TeamPage view={view} form={form} />, { title: `Team: ${view.response.schoolName}` })
}

/** A refusal the person can act on: the same page, 422, with the reason on top. */
function refused(c: Ctx, responseId: string, message: string, values: Record<string, string> = {}) {
  c.status(422)
  return page(c, responseId, { values, errors: {}, message })
}

export const teamRoutes = new Hono<AppEnv>()
  .get('/team', async (c) => c.redirect(teamPath(await myTeamResponseId(c.var.db, c.var.actor)), 303))
  .get('/responses/:responseId/team', async (c) => {
    const p = ids(c)
    return p.success ? page(c, p.data.responseId) : c.notFound()
  })
  .post('/responses/:responseId/team/invite', async (c) => {
    const p = ids(c)
    if (!p.success) return c.notFound()
    const values = textValues(await c.req.parseBody())
    const form = Invite.safeParse(values)
    if (!form.success) {
      c.status(422)
      return page(c, p.data.responseId, { values, errors: z.flattenError(form.error).fieldErrors })
    }
    const { deps } = c.var
    const result = await inviteColleague(c.var.db, { jobs: deps.jobs, baseUrl: deps.config.baseUrl }, c.var.actor, p.data.responseId, form.data, c.var.clientIp)
    if (!result.ok) {
      c.status(422)
      return page(c, p.data.responseId, { values, errors: { [result.field]: [result.message] } })
    }
    return seeOther(c, teamPath(p.data.responseId), `Invitation sent to ${result.email}.`)
  })
  .post('/responses/:responseId/team/invitations/:invitationId/cancel', async (c) => {
    const p = ids(c)
    if (!p.success || !p.data.invitationId) return c.notFound()
    const email = await cancelInvitation(c.var.db, c.var.actor, p.data.responseId, p.data.invitationId, c.var.clientIp)
    return seeOther(c, teamPath(p.data.responseId), `Invitation to ${email} withdrawn.`)
  })
  .post('/responses/:responseId/team/coordinator', async (c) => {
    const p = ids(c)
    const form = Person.safeParse(await c.req.parseBody())
    if (!p.success || !form.success) return c.notFound()
    const result = await changeTeamRole(c.var.db, c.var.actor, p.data.responseId, form.data.userId, 'coordinator', c.var.clientIp)
    if (!result.ok) return refused(c, p.data.responseId, result.message)
    return seeOther(c, teamPath(p.data.responseId), 'Primary respondent named.')
  })
  .post('/responses/:responseId/team/members/:userId/role', async (c) => {
    const p = ids(c)
    const form = Role.safeParse(await c.req.parseBody())
    if (!p.success || !p.data.userId) return c.notFound()
    if (!form.success) return refused(c, p.data.responseId, 'Choose one of the roles listed.')
    const result = await changeTeamRole(c.var.db, c.var.actor, p.data.responseId, p.data.userId, form.data.role, c.var.clientIp)
    if (!result.ok) return refused(c, p.data.responseId, result.message)
    return seeOther(c, teamPath(p.data.responseId), 'Role changed.')
  })
  .post('/responses/:responseId/team/members/:userId/remove', async (c) => {
    const p = ids(c)
    if (!p.success || !p.data.userId) return c.notFound()
    const result = await removeTeamMember(c.var.db, c.var.actor, p.data.responseId, p.data.userId, c.var.clientIp)
    if (!result.ok) return refused(c, p.data.responseId, result.message)
    return seeOther(c, teamPath(p.data.responseId), 'Removed from the team, with their assignments.')
  })
  .post('/responses/:responseId/team/assignments', async (c) => {
    const p = ids(c)
    if (!p.success) return c.notFound()
    const raw = (await c.req.parseBody({ all: true })).assign
    const pairs = z.array(Pair).max(2000).safeParse(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw])
    if (!pairs.success) return refused(c, p.data.responseId, 'The assignments could not be read. Reload the page and try again.')
    const replace = pairs.data.map((pair) => {
      const [areaId, userId] = pair.split('|') as [string, string]
      return { areaId, userId }
    })
    const result = await saveAreaAssignments(c.var.db, c.var.actor, p.data.responseId, { replace }, c.var.clientIp)
    if (!result.ok) return refused(c, p.data.responseId, result.message)
    return seeOther(c, teamPath(p.data.responseId), 'Assignments saved.')
  })
  .post('/responses/:responseId/team/assignments/domain', async (c) => {
    const p = ids(c)
    if (!p.success) return c.notFound()
    const form = Domain.safeParse(await c.req.parseBody())
    if (!form.success) return refused(c, p.data.responseId, 'Choose a domain and a person.')
    const result = await saveAreaAssignments(c.var.db, c.var.actor, p.data.responseId, form.data, c.var.clientIp)
    if (!result.ok) return refused(c, p.data.responseId, result.message)
    return seeOther(c, teamPath(p.data.responseId), 'Every area of the domain assigned.')
  })
