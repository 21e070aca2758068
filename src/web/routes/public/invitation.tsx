import { Hono } from 'hono'
import { z } from 'zod'
import { answerInvitation, inspectInvitation } from '../../../services/cycles/invitation-response'
import type { AppEnv, Ctx } from '../../context'
import { setFlash } from '../../flash'
import { setSessionCookie } from '../../middleware/request-context'
import { InvitationDeclinedPage, InvitationPage, InvitationProblemPage } from '../../views/public/invitation-pages'

const Token = z.string().min(1).max(200)
const TITLE = { title: 'Invitation' }

function problem(c: Ctx, state: Parameters<typeof InvitationProblemPage>[0]['state']) {
  c.status(state === 'unknown' ? 404 : 410)
  return c.render(<InvitationProblemPage state={state} />, TITLE)
}

async function answer(c: Ctx, choice: 'accept' | 'decline') {
  const token = Token.safeParse((await c.req.parseBody()).token)
  if (!token.success) return problem(c, 'unknown')
  const result = await answerInvitation(c.var.db, token.data, choice, { ip: c.var.clientIp, userAgent: c.req.header('user-agent') ?? null })
  if (!result.ok) return problem(c, result.view.state === 'valid' ? 'used' : result.view.state)
  if (result.choice === 'decline') return c.render(<InvitationDeclinedPage schoolName={result.schoolName} />, TITLE)
  setSessionCookie(c, result.sessionToken, result.expiresAt)
  setFlash(c, { kind: 'success', message: `Thank you: ${result.schoolName} is taking part, and you are signed in as its lead.` })
  return c.redirect('/school', 303)
}

export const invitationRoutes = new Hono<AppEnv>()
  .get('/invitation', async (c) => {
    const token = Token.safeParse(c.req.query('token'))
    if (!token.success) return problem(c, 'unknown')
    const view = await inspectInvitation(c.var.db, token.data)
    if (view.state !== 'valid') return problem(c, view.state)
    return c.render(<InvitationPage view={view} token={token.data} />, TITLE)
  })
  .post('/invitation/accept', (c) => answer(c, 'accept'))
  .post('/invitation/decline', (c) => answer(c, 'decline'))
