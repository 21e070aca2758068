import type Stripe from 'stripe'
import type { Db } from '../../db/client'
import { claimStripeEvent, findOrder, markOrderPaid, setStripeSession, type BadgeOrder } from '../../db/queries/badge-orders'
import { invoiceNumberOf } from '../../domain/badges/badge-money'
import { DISCIPLINE_LABELS } from '../../domain/school/school-facts'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError } from '../errors'
import type { JobQueue } from '../jobs'
import { requestBadgeIssue } from './badge-issue-request'
import { checkoutSessionOf, stripeEventFacts } from './stripe-event-shape'
import type { StripeGateway } from './stripe-gateway'

/** Who acts when Stripe tells us a payment succeeded: named in the audit log as "the system (stripe)". */
const STRIPE: Actor = { kind: 'system', label: 'stripe' }

/**
 * A Stripe Checkout page for an order awaiting payment, by card: one line item at the order's fee, the order's id
 * as client_reference_id, back to the order page either way. An order that already has a session still open gets
 * that session again, so two clicks never make two payable sessions.
 */
export async function checkoutUrl(db: Db, gateway: StripeGateway, order: BadgeOrder, pageUrl: string): Promise<string> {
  if (order.status !== 'awaiting_payment') throw new AppError('badge.order_settled', 'This order is already settled: there is nothing to pay.', 409)
  const stripe = await gateway.client()
  try {
    if (order.stripeSessionId) {
      const previous = await stripe.checkout.sessions.retrieve(order.stripeSessionId)
      if (previous.status === 'open' && previous.url) return previous.url
    }
    const invoiceNumber = invoiceNumberOf(order.invoiceNumber, order.orderedAt)
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      client_reference_id: order.id,
      customer_email: order.billingEmail,
      line_items: [{
        quantity: 1,
        price_data: {
          currency: 'usd',
          unit_amount: order.feeCents,
          product_data: { name: `Social Mission Metrics badge: ${order.cycleTitle}`, description: `${order.schoolName}, ${DISCIPLINE_LABELS[order.discipline]}. Invoice ${invoiceNumber}.` },
        },
      }],
      metadata: { orderId: order.id, invoiceNumber, schoolId: order.schoolId, cycleId: order.cycleId },
      payment_intent_data: { metadata: { orderId: order.id, invoiceNumber } },
      success_url: `${pageUrl}?paid=card`,
      cancel_url: pageUrl,
    })
    if (!session.url) throw new Error('Stripe returned a session without a URL')
    await setStripeSession(db, order.id, session.id)
    return session.url
  } catch (err) {
    if (err instanceof AppError) throw err
    throw new AppError('badge.stripe_unavailable', 'The card payment page could not be opened just now. Try again in a few minutes, or pay by invoice.', 409)
  }
}

export type WebhookOutcome = { status: 200 | 400; handled: 'paid' | 'duplicate' | 'ignored' | 'forged' | 'malformed' | 'unknown-order' | 'already-settled' }

const PAYING_EVENTS = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded'])

/**
 * Stripe's webhook, on the raw body. A bad or missing signature is a 400 and writes nothing. A verified event is
 * recorded in `stripe_events` in the same transaction as its effect, so a replay finds it and does nothing; an
 * event type we do not act on is recorded and answered 200. A paid session marks its order paid (the payment
 * intent is the reference) and requests the badge, once.
 */
export async function handleStripeWebhook(ctx: { db: Db; jobs: JobQueue }, gateway: StripeGateway, rawBody: string, signature: string | undefined): Promise<WebhookOutcome> {
  let verified: Stripe.Event
  try {
    const stripe = await gateway.client()
    verified = stripe.webhooks.constructEvent(rawBody, signature ?? '', gateway.webhookSecret)
  } catch {
    return { status: 400, handled: 'forged' }
  }
  // Signed but not shaped like an event (no id, no type, no object): nothing to record, nothing to do.
  const event = stripeEventFacts(verified)
  if (!event) return { status: 400, handled: 'malformed' }
  return ctx.db.transaction(async (tx) => {
    if (!(await claimStripeEvent(tx, event.id, event.type))) return { status: 200, handled: 'duplicate' } as const
    if (!PAYING_EVENTS.has(event.type)) return { status: 200, handled: 'ignored' } as const
    const session = checkoutSessionOf(event)
    if (session?.payment_status !== 'paid') return { status: 200, handled: 'ignored' } as const
    const orderId = session.client_reference_id ?? session.metadata?.['orderId'] ?? null
    const order = typeof orderId === 'string' && /^[0-9a-f-]{36}$/i.test(orderId) ? await findOrder(tx, orderId) : undefined
    if (!order) return { status: 200, handled: 'unknown-order' } as const
    const reference = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? session.id)
    if (!(await markOrderPaid(tx, order.id, { reference, at: new Date(event.created * 1000), by: null }))) {
      // Paid by card after the team marked it paid or waived: say so in the log, so someone refunds the card.
      await recordAudit(tx, STRIPE, 'badge.card-payment-after-settlement', { schoolId: order.schoolId, subject: order.id, details: { reference, status: order.status } })
      return { status: 200, handled: 'already-settled' } as const
    }
    await recordAudit(tx, STRIPE, 'badge.order-paid-by-card', { schoolId: order.schoolId, subject: order.id, details: { reference, session: session.id } })
    await requestBadgeIssue({ db: tx, jobs: ctx.jobs }, order.id)
    return { status: 200, handled: 'paid' } as const
  })
}
