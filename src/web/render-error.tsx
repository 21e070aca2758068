import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Logger } from 'pino'
import { AppError, isDatabaseUnavailable, unavailableReason, UNAVAILABLE_RETRY_SECONDS } from '../services/errors'
import type { AppEnv } from './context'
import { ErrorPage } from './views/error-page'

const TITLES: Record<number, string> = {
  400: 'We could not read that request',
  401: 'Please sign in',
  403: 'You do not have access to this page',
  404: 'Page not found',
  409: 'That changed in the meantime',
  413: 'That is too large',
  422: 'Please check what you entered',
  429: 'Too many requests',
  503: 'Back in a moment',
}

/** The one exit for errors: known ones become a readable page with their status; unknown ones are logged. */
export const renderError = (log: Logger) => (err: Error, c: Context<AppEnv>) => {
  if (err instanceof AppError && err.status === 401) {
    const asked = new URL(c.req.url)
    // Signed in by link but the passkey is still owed: the passkey step, not a new link, leads on to the page.
    const step = c.var.pendingSignIn ? '/sign-in/passkey' : '/sign-in'
    return c.redirect(`${step}?next=${encodeURIComponent(asked.pathname + asked.search)}`, 303)
  }
  let status = 500
  let message = 'Something went wrong on our side. It has been logged, and we will look into it.'
  if (err instanceof AppError) {
    status = err.status
    message = err.message
  } else if (err instanceof HTTPException) {
    status = err.status
    message = httpExceptionMessage(err)
  } else if (isDatabaseUnavailable(err)) {
    // A database restart or failover: not a fault to investigate, and the same request works again shortly.
    log.warn({ reason: unavailableReason(err), method: c.req.method, path: c.req.path }, 'request refused: the database is unavailable')
    status = 503
    message = 'We cannot reach our database for a moment. Please wait a few seconds and try again.'
    c.header('Retry-After', String(UNAVAILABLE_RETRY_SECONDS))
  } else {
    log.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error')
  }
  c.status(status as 400)
  return c.render(<ErrorPage title={TITLES[status] ?? 'Something went wrong'} message={message} />, {
    title: TITLES[status] ?? 'Error',
  })
}

function httpExceptionMessage(err: HTTPException): string {
  switch (err.status) {
    case 403:
      return 'This form came from another site or an old page. Go back, reload the page and try again.'
    case 413:
      return 'What you sent is larger than we accept. Please send something smaller.'
    default:
      return 'The request could not be read. Please go back and try again.'
  }
}
