import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { pendingSignInFor } from '../../services/auth/passkey-step'
import { actorForSession } from '../../services/auth/sessions'
import type { AppDeps, AppEnv } from '../context'
import { readFlash } from '../flash'

export const SESSION_COOKIE = 'smm_session'

/** Puts the dependencies, the client's address and the signed-in actor on the context, once per request. */
export const requestContext = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('deps', deps)
    c.set('db', deps.db)
    c.set('clientIp', clientIp(c))
    const token = getCookie(c, SESSION_COOKIE)
    c.set('sessionToken', token)
    const actor = await actorForSession(deps.db, token)
    c.set('actor', actor)
    // Only a cookie that is nobody's yet is looked at again: it may be a sign-in waiting for its passkey.
    c.set('pendingSignIn', actor.kind === 'anonymous' && token ? await pendingSignInFor(deps.db, token) : null)
    c.set('flash', readFlash(c))
    await next()
  })

function clientIp(c: Parameters<typeof getConnInfo>[0]): string | null {
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    return null // app.request() in tests has no socket
  }
}

/** Gives the browser a new session: http-only, SameSite=Lax, secure in production. */
export function setSessionCookie(c: Context<AppEnv>, sessionToken: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.env === 'production',
    expires: expiresAt,
  })
}
