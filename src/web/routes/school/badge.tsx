import { Hono } from 'hono'
import { z } from 'zod'
import { badgeOrderPage, placeBadgeOrder, schoolOrder, type BadgeOrderPage } from '../../../services/badges/badge-orders'
import { checkoutUrl } from '../../../services/badges/stripe-payments'
import { AppError } from '../../../services/errors'
import type { AppEnv, Ctx } from '../../context'
import { textValues, type FormState } from '../../form'
import { BadgeCheckPage, BadgeOrderFormPage, BadgeOrderStatusPage, BadgeRefusalPage } from '../../views/school/badge-order-pages'
import { invoiceDownload } from '../badge-invoice-download'

// Mounted at /school/badge: a leader orders the school's badge for the cycle of one of its responses (decision 124).

const OrderForm = z.object({
  billingName: z.string().trim().min(2, 'Enter the billing contact’s name.').max(200, 'Keep the name under 200 characters.'),
  billingEmail: z.email('Enter the billing contact’s e-mail address, like finance@school.edu.').max(254),
  billingAddress: z.string().trim().min(10, 'Enter the full billing address, as it should appear on the invoice.').max(1000, 'Keep the address under 1,000 characters.'),
  poNumber: z.string().trim().max(100, 'Keep the purchase order number under 100 characters.').optional().transform((v) => v || null),
  // A free badge's form has no payment question: nothing posted means invoice (nothing to pay).
  paymentMethod: z.string().optional().transform((v) => v || 'invoice').pipe(z.enum(['invoice', 'card'], 'Choose how you will pay.')),
})

const idOf = (c: Ctx) => {
  const parsed = z.uuid().safeParse(c.req.param('id'))
  if (!parsed.success) throw new AppError('not_found', 'We could not find that page.', 404)
  return parsed.data
}
const stripeOf = (c: Ctx) => c.var.deps.stripe ?? null
const pageUrl = (c: Ctx, responseId: string) => `${c.var.deps.config.baseUrl}/school/badge/${responseId}`

async function formPage(c: Ctx, view: BadgeOrderPage, form: FormState) {
  const title = `Order your badge · ${view.access.schoolName}`
  if (view.refusal) return c.render(<BadgeRefusalPage view={view} />, { title })
  return c.render(<BadgeOrderFormPage view={view} form={form} cardPayments={stripeOf(c) !== null} />, { title })
}

/** The posted order fields, checked; a mistake redraws the form with what was typed (422). */
async function parsedOrder(c: Ctx, view: BadgeOrderPage) {
  const values = textValues(await c.req.parseBody())
  const parsed = OrderForm.safeParse(values)
  if (parsed.success && parsed.data.paymentMethod === 'card' && stripeOf(c) === null) {
    return { values, error: await invalid(c, view, values, { paymentMethod: ['Card payments are not available; choose invoice.'] }) }
  }
  if (!parsed.success) return { values, error: await invalid(c, view, values, z.flattenError(parsed.error).fieldErrors) }
  return { values, data: parsed.data }
}

function invalid(c: Ctx, view: BadgeOrderPage, values: Record<string, string>, errors: FormState['errors']) {
  c.status(422)
  return formPage(c, view, { values, errors })
}

function statusPage(c: Ctx, view: BadgeOrderPage, notice?: string) {
  return c.render(<BadgeOrderStatusPage view={view} cardPayments={stripeOf(c) !== null} placed={c.req.query('placed') === '1'} notice={notice} />, { title: `Your badge · ${view.access.schoolName}` })
}

/** Sends the leader to Stripe's page; if Stripe cannot be reached the order page says so (the order stays). */
async function toCheckout(c: Ctx, responseId: string) {
  const gateway = stripeOf(c) ?? (() => { throw new AppError('badge.no_card', 'Card payments are not available; pay by invoice.', 409) })()
  const { order } = await schoolOrder(c.var.db, c.var.actor, responseId)
  try {
    return c.redirect(await checkoutUrl(c.var.db, gateway, order, pageUrl(c, responseId)), 303)
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'badge.stripe_unavailable') throw err
    c.status(503)
    return statusPage(c, await badgeOrderPage(c.var.db, c.var.actor, responseId), err.message)
  }
}

export const schoolBadgeRoutes = new Hono<AppEnv>()
  .get('/:id', async (c) => {
    const view = await badgeOrderPage(c.var.db, c.var.actor, idOf(c))
    if (view.order) return statusPage(c, view, c.req.query('paid') === 'card' && view.order.status === 'awaiting_payment' ? 'Thank you: Stripe is confirming your payment. This page shows it as paid once it arrives.' : undefined)
    return formPage(c, view, { values: {}, errors: {} })
  })
  .post('/:id/check', async (c) => {
    const view = await badgeOrderPage(c.var.db, c.var.actor, idOf(c))
    if (view.order) return c.redirect(`/school/badge/${view.access.id}`, 303)
    if (view.refusal) return formPage(c, view, { values: {}, errors: {} })
    const posted = await parsedOrder(c, view)
    if (posted.error) return posted.error
    const d = posted.data!
    return c.render(<BadgeCheckPage view={view} values={{ billingName: d.billingName, billingEmail: d.billingEmail, billingAddress: d.billingAddress, poNumber: d.poNumber ?? '', paymentMethod: d.paymentMethod }} />, { title: `Check your order · ${view.access.schoolName}` })
  })
  .post('/:id/edit', async (c) => {
    const view = await badgeOrderPage(c.var.db, c.var.actor, idOf(c))
    return formPage(c, view, { values: textValues(await c.req.parseBody()), errors: {} })
  })
  .post('/:id/order', async (c) => {
    const responseId = idOf(c)
    const view = await badgeOrderPage(c.var.db, c.var.actor, responseId)
    if (view.order) return c.redirect(`/school/badge/${responseId}`, 303) // a second click: the order exists
    if (view.refusal) return formPage(c, view, { values: {}, errors: {} })
    const posted = await parsedOrder(c, view)
    if (posted.error) return posted.error
    const { order, created } = await placeBadgeOrder({ db: c.var.db, jobs: c.var.deps.jobs, actor: c.var.actor, ip: c.var.clientIp }, responseId, posted.data!)
    if (created && order.paymentMethod === 'card' && order.status === 'awaiting_payment') return toCheckout(c, responseId)
    return c.redirect(`/school/badge/${responseId}${created ? '?placed=1' : ''}`, 303)
  })
  .post('/:id/pay', async (c) => toCheckout(c, idOf(c)))
  .get('/:id/invoice.pdf', async (c) => {
    const { order } = await schoolOrder(c.var.db, c.var.actor, idOf(c))
    return invoiceDownload(c, order)
  })
