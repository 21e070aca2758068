import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditEvents } from '../../src/db/schema/operations'
import { badgeOrders } from '../../src/db/schema/badges'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { responses } from '../../src/db/schema/responses'
import type { Discipline } from '../../src/domain/school/school-facts'
import { formPost, testApp } from '../support/test-app'
import { seedUser, signedIn } from '../support/seed'
import { answerAllRequired, seedWorkspace } from '../support/workspace-seed'
import { pdfText } from '../support/pdf-text'

const { app, db } = await testApp()
const admin = await seedUser(db, { programRole: 'admin' })
const adminHeaders = await signedIn(db, admin)
const adminActor = { kind: 'user' as const, userId: admin.id, email: admin.email, name: null, programRole: 'admin' as const, memberships: [] }

const BILLING = { billingName: 'Finance Office', billingEmail: 'finance@school.test', billingAddress: '1 College Road\nSpringfield, IL 62701', poNumber: 'PO-77', paymentMethod: 'invoice' }

async function offer(cycleId: string, fees: Partial<Record<Discipline, string>>) {
  const fields: Record<string, string> = { validFrom: '2026-11-01', validUntil: '2028-10-31' }
  for (const [d, fee] of Object.entries(fees)) Object.assign(fields, { [`offer.${d}`]: 'on', [`fee.${d}`]: fee })
  const res = await app.request(`/admin/badges/offers/${cycleId}`, formPost(fields, adminHeaders))
  expect(res.status).toBe(303)
}

/** A school whose leader answered everything; `submit` certifies and submits through the review page. */
async function school(options: { discipline?: Discipline; fees?: Partial<Record<Discipline, string>>; submit?: boolean; schoolName?: string } = {}) {
  const w = await seedWorkspace(db, { discipline: options.discipline ?? 'md' })
  if (options.schoolName) await db.execute(sql`update schools set name = ${options.schoolName} where id = ${w.school.id}`)
  if (options.fees !== undefined) await offer(w.cycle.id, options.fees)
  await answerAllRequired(db, w.responseId, w.leader, w.school.id)
  const leaderHeaders = await signedIn(db, w.leader)
  if (options.submit ?? true) {
    const res = await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dr Dana Dean', certify: 'yes' }, leaderHeaders))
    expect(res.status).toBe(303)
  }
  return { ...w, leaderHeaders, page: `/school/badge/${w.responseId}` }
}

const orderRows = (cycleId: string) => db.select().from(badgeOrders).where(eq(badgeOrders.cycleId, cycleId))
const issueJobs = async (orderId: string) =>
  ((await db.execute(sql`select count(*)::int as n from pgboss.job where name = 'badge.issue' and data->>'orderId' = ${orderId}`)) as unknown as { rows: { n: number }[] }).rows[0]!.n

describe('who may order a badge', () => {
  test('eligibility: certified by the leader yes; in progress, not offered, or not for this discipline no, each said plainly', async () => {
    const certified = await school({ fees: { md: '250' } })
    const ok = await app.request(certified.page, { headers: certified.leaderHeaders })
    expect(ok.status).toBe(200)
    const okHtml = await ok.text()
    expect(okHtml).toContain('Order your school’s badge')
    expect(okHtml).toContain('$250.00')
    expect(okHtml).toContain('It never shows a score')
    expect(okHtml).not.toContain('By card') // no Stripe keys here: the card option is simply not offered

    const answering = await school({ fees: { md: '250' }, submit: false })
    expect(await (await app.request(answering.page, { headers: answering.leaderHeaders })).text()).toContain('has not been certified and submitted yet')

    const noOffer = await school({})
    expect(await (await app.request(noOffer.page, { headers: noOffer.leaderHeaders })).text()).toContain('This round does not offer a badge.')

    const otherDiscipline = await school({ fees: { do: '100' } })
    expect(await (await app.request(otherDiscipline.page, { headers: otherDiscipline.leaderHeaders })).text()).toContain('does not offer a badge for your school’s discipline')
    // And a refused school cannot post its way past the page.
    await app.request(`${otherDiscipline.page}/order`, formPost(BILLING, otherDiscipline.leaderHeaders))
    expect(await orderRows(otherDiscipline.cycle.id)).toHaveLength(0)
  })

  test('the admin shortcut is gone: "mark as submitted" is refused and makes nobody eligible; a legacy one is not completed', async () => {
    const w = await school({ fees: { md: '250' }, submit: false })
    const shortcut = await app.request(`/admin/cycles/${w.cycle.id}/schools/${w.participation.id}/progress`, formPost({ to: 'submitted' }, adminHeaders))
    expect(shortcut.status).toBe(404)
    const [p] = await db.select().from(cycleParticipations).where(eq(cycleParticipations.id, w.participation.id))
    expect(p!.status).not.toBe('submitted')
    // A participation an admin marked submitted before the fix, with the response still in progress.
    await db.update(cycleParticipations).set({ status: 'submitted' }).where(eq(cycleParticipations.id, w.participation.id))
    expect(await (await app.request(w.page, { headers: w.leaderHeaders })).text()).toContain('has not been certified and submitted yet')
    const dashboard = await (await app.request(`/admin/cycles/${w.cycle.id}`, { headers: adminHeaders })).text()
    expect(dashboard).not.toMatch(/Submitted<\/td>/)
  })

  test('a paper return entered by the program team counts once it names the dean who signed it and the day', async () => {
    const w = await seedWorkspace(db, { discipline: 'md' })
    await offer(w.cycle.id, { md: '250' })
    await answerAllRequired(db, w.responseId, admin, w.school.id, adminActor)
    const review = await (await app.request(`/school/responses/${w.responseId}/review`, { headers: adminHeaders })).text()
    expect(review).toContain('Submit a paper return')
    const missingDay = await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dr Paper Dean', certify: 'yes', paperSignedOn: '' }, adminHeaders))
    expect(missingDay.status).toBe(422)
    const again = await missingDay.text()
    expect(again).toContain('Enter the day the dean signed the paper copy')
    expect(again).toContain('value="Dr Paper Dean"')
    const future = await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dr Paper Dean', certify: 'yes', paperSignedOn: '2999-01-01' }, adminHeaders))
    expect(future.status).toBe(422)
    const done = await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dr Paper Dean', certify: 'yes', paperSignedOn: '2026-10-01' }, adminHeaders))
    expect(done.status).toBe(303)
    const [r] = await db.select().from(responses).where(eq(responses.id, w.responseId))
    expect(r).toMatchObject({ source: 'paper', entryMode: 'paper', certifiedByName: 'Dr Paper Dean', paperSignedOn: '2026-10-01', status: 'submitted' })
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'response.paper-submitted'), eq(auditEvents.subject, w.responseId)))
    expect(audit!.details).toMatchObject({ certifiedBy: 'Dr Paper Dean', signedOn: '2026-10-01' })
    const leaderHeaders = await signedIn(db, w.leader)
    expect(await (await app.request(`/school/badge/${w.responseId}`, { headers: leaderHeaders })).text()).toContain('Order your school’s badge')
    // Without the signing day (as legacy admin submissions are migrated) it is not certified.
    await db.update(responses).set({ paperSignedOn: null }).where(eq(responses.id, w.responseId))
    expect(await (await app.request(`/school/badge/${w.responseId}`, { headers: leaderHeaders })).text()).toContain('was not certified by its leader')
  })

  test('only the leader orders: a coordinator is refused (403), another school’s leader and the program team never see it', async () => {
    const w = await school({ fees: { md: '250' } })
    const coordinatorHeaders = await signedIn(db, w.coordinator)
    const refused = await app.request(w.page, { headers: coordinatorHeaders })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('Only your school’s leader can order its badge.')
    expect((await app.request(`${w.page}/order`, formPost(BILLING, coordinatorHeaders))).status).toBe(403)
    const other = await school({ fees: { md: '250' } })
    expect((await app.request(w.page, { headers: other.leaderHeaders })).status).toBe(404)
    expect((await app.request(`${w.page}/order`, formPost(BILLING, other.leaderHeaders))).status).toBe(404)
    expect((await app.request(w.page, { headers: adminHeaders })).status).toBe(403)
    expect(await orderRows(w.cycle.id)).toHaveLength(0)
  })
})

describe('ordering', () => {
  test('bad input comes back with a message and what was typed; check your order, then one order however often it is posted', async () => {
    const w = await school({ fees: { md: '250' } })
    const bad = await app.request(`${w.page}/check`, formPost({ ...BILLING, billingEmail: 'not-an-address', billingAddress: 'x' }, w.leaderHeaders))
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('There is a problem')
    expect(badHtml).toContain('value="not-an-address"')
    expect(badHtml).toContain('Enter the full billing address')
    expect(await (await app.request('/school', { headers: w.leaderHeaders })).text()).toContain(`<a class="button" href="${w.page}">Order your school’s badge</a>`)
    const check = await app.request(`${w.page}/check`, formPost(BILLING, w.leaderHeaders))
    expect(check.status).toBe(200)
    expect(await check.text()).toContain('Check your order')
    expect(await orderRows(w.cycle.id)).toHaveLength(0)

    const first = await app.request(`${w.page}/order`, formPost(BILLING, w.leaderHeaders))
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe(`${w.page}?placed=1`)
    const second = await app.request(`${w.page}/order`, formPost({ ...BILLING, billingName: 'Someone Else' }, w.leaderHeaders))
    expect(second.headers.get('location')).toBe(w.page)
    const rows = await orderRows(w.cycle.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'awaiting_payment', feeCents: 25_000, billingName: 'Finance Office', poNumber: 'PO-77', paymentMethod: 'invoice' })
    const shown = await (await app.request(`${w.page}?placed=1`, { headers: w.leaderHeaders })).text()
    expect(shown).toContain('Badge ordered')
    expect(shown).toMatch(/SMM-\d{4}-\d{4,}/)
    expect(await (await app.request('/school', { headers: w.leaderHeaders })).text()).toContain('ordered, awaiting payment')
  })

  test('concurrent posts make one order', async () => {
    const w = await school({ fees: { md: '250' } })
    const results = await Promise.all(Array.from({ length: 6 }, () => app.request(`${w.page}/order`, formPost(BILLING, w.leaderHeaders))))
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(303))
    expect(await orderRows(w.cycle.id)).toHaveLength(1)
  })

  test('a free badge needs no payment: the order is waived and its badge requested at once', async () => {
    const w = await school({ fees: { md: '0' } })
    expect((await app.request(`${w.page}/order`, formPost({ ...BILLING, paymentMethod: '' }, w.leaderHeaders))).status).toBe(303)
    const [order] = await orderRows(w.cycle.id)
    expect(order).toMatchObject({ status: 'waived', feeCents: 0 })
    expect(await issueJobs(order!.id)).toBe(1)
  })
})

describe('invoices and the program team', () => {
  test('the invoice PDF has its number, the billing contact as typed (markup and formulas literally), the program’s address and no result', async () => {
    const w = await school({ fees: { md: '1250.50' }, schoolName: 'Hill <b>School</b> =HYPERLINK("x")' })
    const billingName = '<script>alert(1)</script> =SUM(A1)'
    await app.request(`${w.page}/order`, formPost({ ...BILLING, billingName }, w.leaderHeaders))
    const [order] = await orderRows(w.cycle.id)
    const res = await app.request(`${w.page}/invoice.pdf`, { headers: w.leaderHeaders })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).replace(/\s+/g, ' ') // lines wrap where they fit
    const number = `SMM-${order!.orderedAt.getUTCFullYear()}-${String(order!.invoiceNumber).padStart(4, '0')}`
    expect(text).toContain(number)
    expect(text).toContain(billingName)
    expect(text).toContain('Hill <b>School</b> =HYPERLINK("x")')
    expect(text).toContain('PO-77')
    expect(text).toContain('$1,250.50')
    expect(text).toContain('Program office')
    expect(text).toContain('Awaiting payment')
    expect(text).not.toMatch(/score|quartile|percentile|\bstars?\b/i)
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'badge.invoice-downloaded'), eq(auditEvents.subject, order!.id)))
    expect(audits).toHaveLength(1)
    // The program team downloads the same invoice from the console.
    expect((await app.request(`/admin/badges/orders/${order!.id}/invoice.pdf`, { headers: adminHeaders })).status).toBe(200)
  })

  test('mark paid needs a reference, requests the badge once, and a second click or a waiver changes nothing', async () => {
    const w = await school({ fees: { md: '250' } })
    await app.request(`${w.page}/order`, formPost(BILLING, w.leaderHeaders))
    const [order] = await orderRows(w.cycle.id)
    const list = await (await app.request('/admin/badges?status=awaiting_payment', { headers: adminHeaders })).text()
    expect(list).toContain(`/admin/badges/orders/${order!.id}/mark-paid`)
    expect((await app.request(`/admin/badges/orders/${order!.id}/mark-paid`, { headers: adminHeaders })).status).toBe(200)
    const noReference = await app.request(`/admin/badges/orders/${order!.id}/mark-paid`, formPost({ reference: ' ' }, adminHeaders))
    expect(noReference.status).toBe(422)
    expect(await noReference.text()).toContain('Enter the payment’s reference')
    expect(await issueJobs(order!.id)).toBe(0)
    const paid = await app.request(`/admin/badges/orders/${order!.id}/mark-paid`, formPost({ reference: 'CHQ 1042' }, adminHeaders))
    expect(paid.status).toBe(303)
    expect((await app.request(`/admin/badges/orders/${order!.id}/mark-paid`, formPost({ reference: 'CHQ 1042' }, adminHeaders))).status).toBe(409)
    expect((await app.request(`/admin/badges/orders/${order!.id}/waive`, formPost({ reason: 'A second thought' }, adminHeaders))).status).toBe(409)
    const [after] = await orderRows(w.cycle.id)
    expect(after).toMatchObject({ status: 'paid', paymentReference: 'CHQ 1042', settledBy: admin.id })
    expect(await issueJobs(order!.id)).toBe(1)
    const audit = await (await app.request('/admin/audit', { headers: adminHeaders })).text()
    expect(audit).toContain('paid (reference CHQ 1042)')
    // A leader sees it paid; a non-admin cannot reach the console.
    expect(await (await app.request(w.page, { headers: w.leaderHeaders })).text()).toContain('Paid')
    expect((await app.request('/admin/badges', { headers: w.leaderHeaders })).status).toBe(403)
  })

  test('waive needs a reason; the orders CSV neutralises formulas; offers keep bad input with a message', async () => {
    const w = await school({ fees: { md: '250' } })
    await app.request(`${w.page}/order`, formPost({ ...BILLING, billingName: '=HYPERLINK("http://evil")', poNumber: '+1-800' }, w.leaderHeaders))
    const [order] = await orderRows(w.cycle.id)
    expect((await app.request(`/admin/badges/orders/${order!.id}/waive`, formPost({ reason: 'no' }, adminHeaders))).status).toBe(422)
    expect((await app.request(`/admin/badges/orders/${order!.id}/waive`, formPost({ reason: 'Inaugural supporter school' }, adminHeaders))).status).toBe(303)
    expect(await issueJobs(order!.id)).toBe(1)
    const csv = await (await app.request('/admin/badges/orders.csv?status=waived', { headers: adminHeaders })).text()
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(csv).toContain("'+1-800")
    expect(csv).toContain('Inaugural supporter school')
    expect(csv).not.toMatch(/,=HYPERLINK/)

    const badOffer = await app.request(`/admin/badges/offers/${w.cycle.id}`, formPost({ 'offer.md': 'on', 'fee.md': '-5', validFrom: '2026-11-01', validUntil: '2026-10-01' }, adminHeaders))
    expect(badOffer.status).toBe(422)
    const html = await badOffer.text()
    expect(html).toContain('Enter the fee in US dollars')
    expect(html).toContain('value="-5"')
    expect(html).toContain('must be valid until a day after')
  })
})

describe('without Stripe keys', () => {
  test('the webhook does not exist and a card order is refused with a message', async () => {
    expect((await app.request('/webhooks/stripe', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404)
    const w = await school({ fees: { md: '250' } })
    const card = await app.request(`${w.page}/check`, formPost({ ...BILLING, paymentMethod: 'card' }, w.leaderHeaders))
    expect(card.status).toBe(422)
    expect(await card.text()).toContain('Card payments are not available')
  })
})

