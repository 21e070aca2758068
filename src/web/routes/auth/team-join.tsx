import { Hono } from 'hono'
import { z } from 'zod'
import { inspectTeamInvitation, joinTeam } from '../../../services/team/team-invite'
import type { AppEnv } from '../../context'
import { setFlash } from '../../flash'
import { setSessionCookie } from '../../middleware/request-context'
import { TeamJoinPage, TeamJoinProblemPage } from '../../views/auth/team-join-pages'

// The link in a team invitation: /team/join?token=… asks, the button joins, signs in and opens the response.

const Token = z.string().min(1).max(200)
const problemStatus = (state: string) => (state === 'unknown' ? 404 : state === 'disabled' ? 403 : 410)

export const teamJoinRoutes = new Hono<AppEnv>()
  .get('/team/join', async (c) => {
    const token = Token.safeParse(c.req.query('token'))
    const view = token.success ? await inspectTeamInvitation(c.var.db, token.data) : { state: 'unknown' as const }
    if (view.state !== 'valid' || !token.success) {
      c.status(problemStatus(view.state))
      return c.render(<TeamJoinProblemPage state={view.state === 'valid' ? 'unknown' : view.state} />, { title: 'Team invitation problem' })
    }
    return c.render(<TeamJoinPage view={{ schoolName: view.schoolName!, email: view.email!, role: view.role!, cycleTitle: view.cycleTitle! }} token={token.data} />, { title: 'Join the team' })
  })
  .post('/team/join', async (c) => {
    const token = Token.safeParse((await c.req.parseBody())['token'])
    const result = token.success ? await joinTeam(c.var.db, token.data, { ip: c.var.clientIp, userAgent: c.req.header('user-agent') ?? null }) : { ok: false as const, view: { state: 'unknown' as const } }
    if (!result.ok) {
      const state = result.view.state === 'valid' ? 'unknown' : result.view.state
      c.status(problemStatus(state))
      return c.render(<TeamJoinProblemPage state={state} />, { title: 'Team invitation problem' })
    }
    setSessionCookie(c, result.sessionToken, result.expiresAt)
    setFlash(c, { kind: 'success', message: 'You joined the team and are signed in.' })
    return c.redirect(`/school/responses/${result.responseId}`, 303)
  })
