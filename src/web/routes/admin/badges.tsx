import { Hono } from 'hono'
import { z } from 'zod'
import { badgeConsole, offerForm, orderForAdmin, ordersCsv, saveBadgeOffer, ORDER_STATUSES, type OfferForm, type OfferInput } from '../../../services/badges/badge-admin'
import { markBadgeOrderPaid, waiveBadgeOrder } from '../../../services/badges/badge-settlement'
import { AppError } from '../../../services/errors'
import { parseDollars } from '../../../domain/badges/badge-money'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { textValues, type FieldErrors, type FormState } from '../../form'
import { BadgeConsolePage, BadgeOfferPage, MarkPaidPage, WaivePage } from '../../views/admin/badge-pages'
import { invoiceDownload } from '../badge-invoice-download'
import { csvDownload } from './csv-download'
import { requestedPage } from '../../../domain/paging/page-slice'

// Mounted at /admin/badges: the program team's badge console (decision 124).

const Status = z.enum(ORDER_STATUSES as [string, ...string[]]).optional().catch(undefined)
const statusOf = (c: Ctx) => Status.parse(c.req.query('status')) as (typeof ORDER_STATUSES)[number] | undefined
const uuidParam = (c: Ctx, name: string) => {
  const parsed = z.uuid().safeParse(c.req.param(name))
  if (!parsed.success) throw new AppError('not_found', 'We could not find that page.', 404)
  return parsed.data
}
const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const DAY = /^\d{4}-\d{2}-\d{2}$/
const ctxOf = (c: Ctx) => ({ db: c.var.db, jobs: c.var.deps.jobs, actor: c.var.actor, ip: c.var.clientIp })

function offerValues(view: OfferForm): Record<string, string> {
  const values: Record<string, string> = {
    validFrom: isoDay(view.offer?.validFrom ?? view.defaults.validFrom),
    validUntil: isoDay(view.offer?.validUntil ?? view.defaults.validUntil),
  }
  for (const f of view.offer?.fees ?? []) {
    values[`offer.${f.discipline}`] = 'on'
    values[`fee.${f.discipline}`] = (f.feeCents / 100).toFixed(2)
  }
  return values
}

/** The offer form's fields, checked: a fee for each ticked discipline, two days in order. */
function parseOffer(view: OfferForm, values: Record<string, string>): { ok: true; input: OfferInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const fees: OfferInput['fees'] = []
  for (const d of view.cycle.disciplines) {
    const typed = values[`fee.${d}`] ?? ''
    if (values[`offer.${d}`] !== 'on') continue
    const cents = parseDollars(typed)
    if (cents === null) errors[`fee.${d}`] = ['Enter the fee in US dollars, like 250 or 0 (no more than two decimals).']
    else fees.push({ discipline: d, feeCents: cents })
  }
  const from = values.validFrom ?? ''
  const until = values.validUntil ?? ''
  if (!DAY.test(from) || Number.isNaN(Date.parse(from))) errors.validFrom = ['Enter the first day of validity as a date, like 2026-11-01.']
  if (!DAY.test(until) || Number.isNaN(Date.parse(until))) errors.validUntil = ['Enter the last day of validity as a date, like 2028-10-31.']
  else if (DAY.test(from) && until <= from) errors.validUntil = ['The badge must be valid until a day after it becomes valid.']
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, input: { fees, validFrom: new Date(`${from}T00:00:00Z`), validUntil: new Date(`${until}T23:59:59Z`) } }
}

async function settle(c: Ctx, kind: 'mark-paid' | 'waive') {
  const id = uuidParam(c, 'id')
  const values = textValues(await c.req.parseBody())
  const outcome = kind === 'mark-paid' ? await markBadgeOrderPaid(ctxOf(c), id, values.reference ?? '') : await waiveBadgeOrder(ctxOf(c), id, values.reason ?? '')
  if (outcome.ok) return seeOther(c, '/admin/badges', kind === 'mark-paid' ? 'Marked paid: the badge is being issued.' : 'Fee waived: the badge is being issued.')
  c.status(422)
  const order = await orderForAdmin(c.var.db, c.var.actor, id)
  const form: FormState = { values, errors: { [kind === 'mark-paid' ? 'reference' : 'reason']: [outcome.message] } }
  return c.render(kind === 'mark-paid' ? <MarkPaidPage order={order} form={form} /> : <WaivePage order={order} form={form} />, { title: 'Badges' })
}

export const adminBadgeRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.render(<BadgeConsolePage view={await badgeConsole(c.var.db, c.var.actor, { status: statusOf(c) }, requestedPage(c.req.query('page')))} />, { title: 'Badges' }))
  .get('/orders.csv', async (c) => {
    const status = statusOf(c)
    return csvDownload(c, `badge-orders${status ? `-${status}` : ''}.csv`, await ordersCsv(c.var.db, c.var.actor, { status }, c.var.clientIp))
  })
  .get('/offers/:cycleId', async (c) => {
    const view = await offerForm(c.var.db, c.var.actor, uuidParam(c, 'cycleId'))
    return c.render(<BadgeOfferPage view={view} form={{ values: offerValues(view), errors: {} }} />, { title: `Badge offer · ${view.cycle.title}` })
  })
  .post('/offers/:cycleId', async (c) => {
    const view = await offerForm(c.var.db, c.var.actor, uuidParam(c, 'cycleId'))
    const values = textValues(await c.req.parseBody())
    const parsed = parseOffer(view, values)
    if (!parsed.ok) {
      c.status(422)
      return c.render(<BadgeOfferPage view={view} form={{ values, errors: parsed.errors }} />, { title: `Badge offer · ${view.cycle.title}` })
    }
    await saveBadgeOffer(c.var.db, c.var.actor, view.cycle.id, parsed.input, c.var.clientIp)
    return seeOther(c, '/admin/badges', parsed.input.fees.length === 0 ? `${view.cycle.title} offers no badge.` : `Badge offer saved for ${view.cycle.title}.`)
  })
  .get('/orders/:id/invoice.pdf', async (c) => {
    return invoiceDownload(c, await orderForAdmin(c.var.db, c.var.actor, uuidParam(c, 'id')))
  })
  .get('/orders/:id/mark-paid', async (c) => c.render(<MarkPaidPage order={await orderForAdmin(c.var.db, c.var.actor, uuidParam(c, 'id'))} form={{ values: {}, errors: {} }} />, { title: 'Mark paid · Badges' }))
  .post('/orders/:id/mark-paid', (c) => settle(c, 'mark-paid'))
  .get('/orders/:id/waive', async (c) => c.render(<WaivePage order={await orderForAdmin(c.var.db, c.var.actor, uuidParam(c, 'id'))} form={{ values: {}, errors: {} }} />, { title: 'Waive the fee · Badges' }))
  .post('/orders/:id/waive', (c) => settle(c, 'waive'))
