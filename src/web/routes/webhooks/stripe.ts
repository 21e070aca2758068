import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { handleStripeWebhook } from '../../../services/badges/stripe-payments'
import type { StripeGateway } from '../../../services/badges/stripe-gateway'
import type { AppDeps } from '../../context'

/** Stripe's events are small; anything bigger is not one. */
const MAX_EVENT_BYTES = 256 * 1024

/**
 * POST /webhooks/stripe (decision 124): the raw body, verified against its signature before anything is read.
 * Mounted before the session and CSRF middleware: Stripe has neither a session nor our Origin, its signature is
 * the proof. Without Stripe keys there is no such endpoint (404).
 */
export function stripeWebhookRoutes(deps: AppDeps, gateway: StripeGateway | null) {
  const routes = new Hono()
  if (!gateway) return routes
  return routes.post('/webhooks/stripe', bodyLimit({ maxSize: MAX_EVENT_BYTES, onError: (c) => c.text('Too large', 413) }), async (c) => {
    const outcome = await handleStripeWebhook({ db: deps.db, jobs: deps.jobs }, gateway, await c.req.text(), c.req.header('stripe-signature'))
    if (outcome.status === 400) return c.text(outcome.handled === 'malformed' ? 'Not a Stripe event' : 'Invalid signature', 400)
    return c.json({ received: true, handled: outcome.handled })
  })
}
