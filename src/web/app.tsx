import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { jsxRenderer } from 'hono/jsx-renderer'
import { secureHeaders } from 'hono/secure-headers'
import type { Logger } from 'pino'
import { devMailboxEnabled } from '../config'
import { assertCan } from '../services/errors'
import type { AppDeps, AppEnv } from './context'
import { compression } from './compression/compression'
import { createMetrics } from './metrics'
import { requestContext } from './middleware/request-context'
import { deniedAccessAudit } from './middleware/denied-access-audit'
import { readableFormBody } from './middleware/readable-form-body'
import { storableQuery } from './middleware/storable-query'
import { renderError } from './render-error'
import { adminHomeRoutes } from './routes/admin/home'
import { adminAccountRoutes } from './routes/admin/accounts'
import { adminMailRoutes } from './routes/admin/mail'
import { adminInstrumentRoutes } from './routes/admin/instruments'
import { assetRoutes } from './routes/assets'
import { signInRoutes } from './routes/auth/sign-in'
import { teamJoinRoutes } from './routes/auth/team-join'
import { passkeyStepRoutes } from './routes/auth/passkey-step'
import { yourAccountRoutes } from './routes/account/your-account'
import { devMailboxRoutes } from './routes/dev/mailbox'
import { opsRoutes } from './routes/ops/health'
import { publicHomeRoutes } from './routes/public/home'
import { adminChampionRoutes, adminInboxRoutes } from './routes/admin/inbox'
import { RESOURCE_UPLOAD_PATH, adminResourceRoutes } from './routes/admin/resources'
import { championRoutes } from './routes/public/champions'
import { contactRoutes } from './routes/public/contact'
import { programPageRoutes } from './routes/public/program-pages'
import { toolkitRoutes } from './routes/public/toolkits'
import { publicBadgeRoutes } from './routes/public/badges'
import { MAX_RESOURCE_FILE_BYTES } from '../domain/resources/resource-rules'
import { cycleRoutes } from './routes/admin/cycles'
import { directoryRoutes } from './routes/admin/directory'
import { HISTORICAL_UPLOAD_PATH, historicalRoundRoutes } from './routes/admin/historical-rounds'
import { invitationRoutes } from './routes/public/invitation'
import { teamRoutes } from './routes/school/team'
import { carryForwardRoutes } from './routes/school/carry-forward'
import { schoolReportRoutes } from './routes/school/reports'
import { adminResponseRoutes } from './routes/admin/responses'
import { schoolResponseRoutes } from './routes/school/responses'
import { autosaveRoutes } from './routes/school/autosave'
import { privateNoStore } from './routes/school/private-pages'
import { schoolBadgeListingRoutes } from './routes/school/badge-listing'
import { adminBadgeIssuingRoutes } from './routes/admin/badge-issuing'
import { schoolBadgeRoutes } from './routes/school/badge'
import { adminBadgeRoutes } from './routes/admin/badges'
import { stripeWebhookRoutes } from './routes/webhooks/stripe'
import { stripeGateway } from '../services/badges/stripe-gateway'
import { researchRoutes } from './routes/research'
import { ErrorPage } from './views/error-page'
import { Layout } from './views/layout'

export const MAX_BODY_BYTES = 1024 * 1024
/** Only the admin's uploads may carry a file: its limit is the file's plus room for the text fields. */
export const MAX_UPLOAD_BODY_BYTES = MAX_RESOURCE_FILE_BYTES + MAX_BODY_BYTES
/** The admin's file uploads: a toolkit resource, a directory CSV and a past round's CSV (their confirm steps send the file back). */
const UPLOAD_PATHS = [RESOURCE_UPLOAD_PATH, /^\/admin\/schools\/import(\/confirm)?\/?$/, HISTORICAL_UPLOAD_PATH]

/** The whole web app, built from its dependencies. Middleware order is behaviour: it reads top to bottom. */
export function createApp(given: AppDeps, log: Logger) {
  const deps: AppDeps = { ...given, stripe: given.stripe !== undefined ? given.stripe : stripeGateway(given.config.stripe) }
  const metrics = createMetrics()
  const devMailbox = devMailboxEnabled(deps.config)
  const app = new Hono<AppEnv>()

  // Outermost, so every response on its way out (pages, JSON, error pages) is compressed when worth it.
  app.use(compression())
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      // Headers only old browsers read, or that ask for nothing today (X-XSS-Protection: 0 is the default): each
      // cost ~25 bytes on every response (decision 172).
      xXssProtection: false,
      xDownloadOptions: false,
      xDnsPrefetchControl: false,
    }),
  )
  app.use(metrics.measure)
  // Before the per-request session lookup: the autosave reads the session with the response it writes to.
  app.route('/', autosaveRoutes(deps, MAX_BODY_BYTES, log))
  app.route('/', stripeWebhookRoutes(deps, deps.stripe ?? null))
  app.use(requestContext(deps))
  app.use(deniedAccessAudit)
  app.use(
    jsxRenderer(({ children, title, description }, c) => {
      return (
        <Layout
          title={title ?? 'Social Mission Metrics'}
          description={description}
          actor={c.var.actor}
          flash={c.var.flash}
          devMailbox={devMailbox}
          path={c.req.path}
        >
          {children}
        </Layout>
      )
    }),
  )
  // Every form post must come from our own pages, and no body may be larger than we ever need.
  app.use(csrf())
  const tooLarge = () => {
    throw new HTTPException(413)
  }
  const uploadLimit = bodyLimit({ maxSize: MAX_UPLOAD_BODY_BYTES, onError: tooLarge })
  const bodyLimitFor = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge })
  app.use((c, next) => (c.req.method === 'POST' && UPLOAD_PATHS.some((p) => p.test(c.req.path)) ? uploadLimit : bodyLimitFor)(c, next))
  app.use(readableFormBody)
  app.use(storableQuery)
  app.use('/admin/*', async (c, next) => {
    assertCan(c.var.actor, 'admin.console')
    await next()
  })

  app.route('/', opsRoutes(metrics.registry, deps.config))
  app.route('/assets', assetRoutes())
  app.route('/', publicHomeRoutes)
  app.route('/', signInRoutes)
  app.route('/', passkeyStepRoutes)
  app.route('/account', yourAccountRoutes)
  app.route('/', teamJoinRoutes)
  app.route('/admin', adminHomeRoutes)
  app.route('/admin/mail', adminMailRoutes)
  app.route('/admin/accounts', adminAccountRoutes)
  app.route('/admin/instruments', adminInstrumentRoutes)
  if (devMailbox) app.route('/dev/mailbox', devMailboxRoutes)
  app.route('/', programPageRoutes)
  app.route('/', championRoutes)
  app.route('/', contactRoutes)
  app.route('/', toolkitRoutes)
  app.route('/', publicBadgeRoutes)
  app.route('/admin/inbox', adminInboxRoutes)
  app.route('/admin/champions', adminChampionRoutes)
  app.route('/admin/resources', adminResourceRoutes)
  app.route('/admin/schools', directoryRoutes)
  app.route('/admin/cycles', cycleRoutes)
  app.route('/admin/historical-rounds', historicalRoundRoutes)
  app.route('/', invitationRoutes)
  app.use('/school/*', privateNoStore)
  app.route('/school', teamRoutes)
  app.route('/school', carryForwardRoutes)
  app.route('/school/reports', schoolReportRoutes)
  app.route('/school/badges', schoolBadgeListingRoutes)
  app.route('/school', schoolResponseRoutes)
  app.route('/school/badge', schoolBadgeRoutes)
  app.route('/admin/responses', adminResponseRoutes)
  app.route('/admin/badges', adminBadgeIssuingRoutes)
  app.route('/admin/badges', adminBadgeRoutes)
  app.route('/research', researchRoutes)

  app.onError(renderError(log))
  app.notFound((c) => {
    c.status(404)
    return c.render(<ErrorPage title="Page not found" message="There is no page at this address." />, { title: 'Page not found' })
  })
  return app
}

export type App = ReturnType<typeof createApp>
