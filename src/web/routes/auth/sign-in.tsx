import { Hono } from 'hono'
import { deleteCookie } from 'hono/cookie'
import { z } from 'zod'
import { can } from '../../../domain/policy/policy'
import type { Actor } from '../../../domain/policy/roles'
import { safeNextPath } from '../../../domain/auth/sign-in-rules'
import { completeSignIn, inspectSignInLink, requestSignInLink } from '../../../services/auth/sign-in'
import { actorForSession, signOut } from '../../../services/auth/sessions'
import type { AppEnv, Ctx } from '../../context'
import { seeOther, setFlash } from '../../flash'
import { formOf, type FormState } from '../../form'
import { SESSION_COOKIE, setSessionCookie } from '../../middleware/request-context'
import { ConfirmSignInPage, LinkProblemPage, LinkSentPage, SignInPage } from '../../views/auth/sign-in-pages'

const SignInForm = z.object({
  email: z.email('Enter an e-mail address, like name@school.edu.').max(254, 'That address is too long.'),
  // A return path that is not a safe same-site path is dropped, not an error the person could not fix.
  next: z.string().optional().catch(undefined).transform((next) => safeNextPath(next) ?? undefined),
})
const TokenForm = z.object({ token: z.string().min(1).max(200) })

const signInPage = (c: Ctx, form: FormState) => c.render(<SignInPage form={form} />, { title: 'Sign in' })
const unknownLink = (c: Ctx) => {
  c.status(404)
  return c.render(<LinkProblemPage state="unknown" />, { title: 'Sign-in link problem' })
}

/** Where someone lands after signing in, when the link did not name a page. */
export function homeFor(actor: Actor): string {
  if (can(actor, 'admin.console')) return '/admin'
  if (can(actor, 'research.view')) return '/research'
  return actor.kind === 'user' && actor.memberships.length > 0 ? '/school' : '/'
}

export const signInRoutes = new Hono<AppEnv>()
  .get('/sign-in', (c) => signInPage(c, { values: { next: safeNextPath(c.req.query('next')) ?? '' }, errors: {} }))
  .post('/sign-in', formOf(SignInForm, signInPage), async (c) => {
    const { email, next } = c.req.valid('form')
    const { deps } = c.var
    const result = await requestSignInLink(deps.db, deps.jobs, deps.config.baseUrl, { email, ip: c.var.clientIp, nextPath: next })
    if (result.outcome === 'rate-limited') {
      c.status(429)
      return signInPage(c, {
        values: { email, next: next ?? '' },
        errors: {},
        message: `Too many sign-in requests. Please wait ${result.retryAfterMinutes} minutes and try again.`,
      })
    }
    return c.redirect('/sign-in/sent', 303)
  })
  .get('/sign-in/sent', (c) => c.render(<LinkSentPage />, { title: 'Check your e-mail' }))
  .get('/sign-in/link', async (c) => {
    const token = c.req.query('token') ?? ''
    const link = token.length > 0 && token.length <= 200 ? await inspectSignInLink(c.var.db, token) : { state: 'unknown' as const }
    if (link.state !== 'valid') {
      c.status(link.state === 'unknown' ? 404 : 410)
      return c.render(<LinkProblemPage state={link.state} email={link.email} />, { title: 'Sign-in link problem' })
    }
    return c.render(<ConfirmSignInPage email={link.email!} token={token} />, { title: 'Sign in' })
  })
  // A token missing or too long is a link we do not know: the same 404 page as any unknown link, not a form error.
  .post('/sign-in/link', formOf(TokenForm, (c) => unknownLink(c)), async (c) => {
    const { token } = c.req.valid('form')
    const result = await completeSignIn(c.var.db, token, { ip: c.var.clientIp, userAgent: c.req.header('user-agent') ?? null })
    if (!result.ok) {
      c.status(result.state === 'unknown' ? 404 : 410)
      return c.render(<LinkProblemPage state={result.state} email={result.email} />, { title: 'Sign-in link problem' })
    }
    setSessionCookie(c, result.sessionToken, result.expiresAt)
    // Program staff who owe a passkey go to that step first; the page they asked for waits in `next`.
    if (result.passkeyPending) return c.redirect(`/sign-in/passkey${result.nextPath ? `?next=${encodeURIComponent(result.nextPath)}` : ''}`, 303)
    setFlash(c, { kind: 'success', message: 'You are signed in.' })
    const signedIn = await actorForSession(c.var.db, result.sessionToken)
    return c.redirect(result.nextPath ?? homeFor(signedIn), 303)
  })
  .post('/sign-out', async (c) => {
    await signOut(c.var.db, c.var.sessionToken, c.var.actor, c.var.clientIp)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return seeOther(c, '/', 'You are signed out.')
  })
