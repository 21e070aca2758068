import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq, sql } from 'drizzle-orm'
import Stripe from 'stripe'
import { afterAll, describe, expect, test } from 'vitest'
import { auditEvents } from '../../src/db/schema/operations'
import { badgeOrders, stripeEvents } from '../../src/db/schema/badges'
import { stripeGateway } from '../../src/services/badges/stripe-gateway'
import { formPost, testApp } from '../support/test-app'
import { seedUser, signedIn } from '../support/seed'
import { answerAllRequired, seedWorkspace } from '../support/workspace-seed'

// Card payments through the real `stripe` library. Checkout Sessions are created against a local peer standing in
// for api.stripe.com (the client's host/port/protocol options, in this test only); webhooks are signed with the
// library's own test header, so nothing here reaches the network.

type Seen = { method: string; path: string; form: URLSearchParams; auth: string | undefined }
const seen: Seen[] = []
let sessions = 0
const body = (req: IncomingMessage) => new Promise<string>((resolve) => {
  let text = ''
  req.on('data', (chunk: Buffer) => (text += chunk.toString()))
  req.on('end', () => resolve(text))
})
const fakeStripe = createServer(async (req, res) => {
  const form = new URLSearchParams(await body(req))
  seen.push({ method: req.method!, path: req.url!, form, auth: req.headers.authorization })
  res.setHeader('content-type', 'application/json')
  if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
    const id = `cs_test_${++sessions}`
    res.end(JSON.stringify({ id, object: 'checkout.session', status: 'open', url: `https://checkout.stripe.test/c/pay/${id}`, client_reference_id: form.get('client_reference_id') }))
    return
  }
  const retrieved = /^\/v1\/checkout\/sessions\/(cs_test_\d+)/.exec(req.url ?? '')
  if (req.method === 'GET' && retrieved) {
    res.end(JSON.stringify({ id: retrieved[1], object: 'checkout.session', status: 'open', url: `https://checkout.stripe.test/c/pay/${retrieved[1]}` }))
    return
  }
  res.statusCode = 404
  res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'no such route in the fake' } }))
})
await new Promise<void>((resolve) => fakeStripe.listen(0, '127.0.0.1', resolve))
afterAll(() => new Promise<void>((resolve) => fakeStripe.close(() => resolve())))

const keys = { secretKey: 'sk_test_badgeorders', webhookSecret: 'whsec_badgeorderstest' }
const { app, db } = await testApp(
  { STRIPE_SECRET_KEY: keys.secretKey, STRIPE_WEBHOOK_SECRET: keys.webhookSecret },
  { stripe: stripeGateway(keys, { host: '127.0.0.1', port: (fakeStripe.address() as AddressInfo).port, protocol: 'http' }) },
)
const signer = new Stripe(keys.secretKey)
const admin = await seedUser(db, { programRole: 'admin' })
const adminHeaders = await signedIn(db, admin)
const BILLING = { billingName: 'Finance Office', billingEmail: 'finance@school.test', billingAddress: '1 College Road\nSpringfield, IL 62701', poNumber: '', paymentMethod: 'card' }

async function cardOrder() {
  const w = await seedWorkspace(db, { discipline: 'md' })
  const offered = await app.request(`/admin/badges/offers/${w.cycle.id}`, formPost({ 'offer.md': 'on', 'fee.md': '250', validFrom: '2026-11-01', validUntil: '2028-10-31' }, adminHeaders))
  expect(offered.status).toBe(303)
  await answerAllRequired(db, w.responseId, w.leader, w.school.id)
  const headers = await signedIn(db, w.leader)
  expect((await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dr Dana Dean', certify: 'yes' }, headers))).status).toBe(303)
  const page = `/school/badge/${w.responseId}`
  expect(await (await app.request(page, { headers })).text()).toContain('By card, now (through Stripe)')
  const ordered = await app.request(`${page}/order`, formPost(BILLING, headers))
  const [order] = await db.select().from(badgeOrders).where(eq(badgeOrders.cycleId, w.cycle.id))
  return { w, headers, page, ordered, order: order! }
}

const completed = (orderId: string, eventId: string, type = 'checkout.session.completed') =>
  JSON.stringify({
    id: eventId, object: 'event', type, created: Math.floor(Date.now() / 1000), api_version: '2025-01-01',
    data: { object: { id: 'cs_test_paid', object: 'checkout.session', client_reference_id: orderId, payment_status: 'paid', payment_intent: 'pi_test_42', metadata: { orderId } } },
  })
const deliver = (payload: string, signature?: string) =>
  app.request('/webhooks/stripe', { method: 'POST', body: payload, headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'stripe-signature': signature }) } })
const signed = (payload: string) => deliver(payload, signer.webhooks.generateTestHeaderString({ payload, secret: keys.webhookSecret }))
const issueJobs = async (orderId: string) =>
  ((await db.execute(sql`select count(*)::int as n from pgboss.job where name = 'badge.issue' and data->>'orderId' = ${orderId}`)) as unknown as { rows: { n: number }[] }).rows[0]!.n
const eventCount = async () => (await db.select().from(stripeEvents)).length

describe('card payments through Stripe Checkout', () => {
  test('a card order goes to a Checkout Session the library asked for: one line item at the fee, the order as client reference', async () => {
    const { ordered, order, page, headers } = await cardOrder()
    expect(ordered.status).toBe(303)
    expect(ordered.headers.get('location')).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_\d+$/)
    const created = seen.filter((s) => s.method === 'POST' && s.path === '/v1/checkout/sessions').at(-1)!
    expect(created.auth).toBe(`Bearer ${keys.secretKey}`)
    expect(created.form.get('mode')).toBe('payment')
    expect(created.form.get('client_reference_id')).toBe(order.id)
    expect(created.form.get('metadata[orderId]')).toBe(order.id)
    expect(created.form.get('line_items[0][quantity]')).toBe('1')
    expect(created.form.get('line_items[0][price_data][unit_amount]')).toBe('25000')
    expect(created.form.get('line_items[0][price_data][currency]')).toBe('usd')
    expect(created.form.get('success_url')).toBe(`http://localhost${page}?paid=card`)
    expect(created.form.get('cancel_url')).toBe(`http://localhost${page}`)
    expect(order).toMatchObject({ paymentMethod: 'card', status: 'awaiting_payment' })
    const [withSession] = await db.select().from(badgeOrders).where(eq(badgeOrders.id, order.id))
    expect(withSession!.stripeSessionId).toMatch(/^cs_test_/)
    // Paying again later reuses the session that is still open rather than opening a second one.
    const before = sessions
    const again = await app.request(`${page}/pay`, formPost({}, headers))
    expect(again.headers.get('location')).toBe(`https://checkout.stripe.test/c/pay/${withSession!.stripeSessionId}`)
    expect(sessions).toBe(before)
  })

  test('a signed checkout.session.completed marks the order paid with the payment intent and requests the badge; a replay does nothing', async () => {
    const { order, page, headers } = await cardOrder()
    const payload = completed(order.id, `evt_paid_${order.id}`)
    const first = await signed(payload)
    expect(first.status).toBe(200)
    const [paid] = await db.select().from(badgeOrders).where(eq(badgeOrders.id, order.id))
    expect(paid).toMatchObject({ status: 'paid', paymentReference: 'pi_test_42' })
    expect(await issueJobs(order.id)).toBe(1)
    const replay = await signed(payload)
    expect(replay.status).toBe(200)
    expect(await issueJobs(order.id)).toBe(1)
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.subject, order.id))
    expect(audits.filter((a) => a.action === 'badge.order-paid-by-card')).toHaveLength(1)
    expect(await (await app.request(page, { headers })).text()).toContain('Paid')
  })

  test('forged or unsigned deliveries are refused with 400 and write nothing; unknown event types are answered and ignored', async () => {
    const { order } = await cardOrder()
    const events = await eventCount()
    const payload = completed(order.id, `evt_forged_${order.id}`)
    expect((await deliver(payload)).status).toBe(400)
    const forged = signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_ours' })
    expect((await deliver(payload, forged)).status).toBe(400)
    // A genuine signature over another body does not carry over to this one.
    const genuine = signer.webhooks.generateTestHeaderString({ payload: completed(order.id, 'evt_other'), secret: keys.webhookSecret })
    expect((await deliver(payload, genuine)).status).toBe(400)
    expect(await eventCount()).toBe(events)
    const [untouched] = await db.select().from(badgeOrders).where(eq(badgeOrders.id, order.id))
    expect(untouched!.status).toBe('awaiting_payment')

    const unknown = await signed(completed(order.id, `evt_unknown_${order.id}`, 'customer.created'))
    expect(unknown.status).toBe(200)
    const [still] = await db.select().from(badgeOrders).where(eq(badgeOrders.id, order.id))
    expect(still!.status).toBe('awaiting_payment')
    expect(await issueJobs(order.id)).toBe(0)
  })

  test('a card payment after the team marked the invoice paid changes nothing and asks for a refund in the audit log', async () => {
    const { order } = await cardOrder()
    expect((await app.request(`/admin/badges/orders/${order.id}/mark-paid`, formPost({ reference: 'WIRE 7' }, adminHeaders))).status).toBe(303)
    expect((await signed(completed(order.id, `evt_late_${order.id}`))).status).toBe(200)
    const [kept] = await db.select().from(badgeOrders).where(eq(badgeOrders.id, order.id))
    expect(kept).toMatchObject({ status: 'paid', paymentReference: 'WIRE 7' })
    expect(await issueJobs(order.id)).toBe(1)
    const audit = await (await app.request('/admin/audit', { headers: adminHeaders })).text()
    expect(audit).toContain('refund it (pi_test_42)')
  })
})
