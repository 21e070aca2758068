import type { BadgeOrderPage as View } from '../../../services/badges/badge-orders'
import { formatDollars, invoiceNumberOf } from '../../../domain/badges/badge-money'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { FormState } from '../../form'
import { ChoiceGroup, ErrorSummary, TextField } from '../form-fields'
import { When } from '../format'
import { TextAreaField } from '../long-form-fields'

// The leader's badge pages (decision 124): what the badge says and never says, the order form, check your
// answers, and the order with its invoice and payment. One page per job, GOV.UK patterns.

const base = (view: View) => `/school/badge/${view.access.id}`
const yearOf = (view: View) => view.access.deadlineAt.getUTCFullYear()

/** What the badge says, and what it never says, in words (the image comes with the issued badge). */
function WhatTheBadgeSays({ view }: { view: View }) {
  return (
    <section aria-labelledby="badge-says">
      <h2 id="badge-says">What the badge says</h2>
      <div class="badge-preview" role="img" aria-label={`Badge preview: ${view.access.schoolName}, ${DISCIPLINE_LABELS[view.access.discipline]}, ${yearOf(view)}`}>
        <p class="badge-preview-mark">Social Mission Metrics · Self-Assessment participant</p>
        <p class="badge-preview-school">{view.access.schoolName}</p>
        <p>
          {DISCIPLINE_LABELS[view.access.discipline]} · {yearOf(view)}
        </p>
      </div>
      <p>
        It names your school, its discipline and the round ({view.access.cycleTitle}), and links to a public page where anyone can check it is
        genuine.
      </p>
      <p>
        <strong>It never shows a score</strong>, a quartile, a star rating or any comparison with other schools. It says that your school
        completed the assessment, nothing more.
      </p>
    </section>
  )
}

export function BadgeRefusalPage({ view }: { view: View }) {
  return (
    <>
      <p>
        <a href="/school">Back to My school</a>
      </p>
      <h1>Your school’s badge</h1>
      <p class="notice notice-warning">{view.refusal}</p>
      <WhatTheBadgeSays view={view} />
    </>
  )
}

export function BadgeOrderFormPage({ view, form, cardPayments }: { view: View; form: FormState; cardPayments: boolean }) {
  const fee = view.eligibility.eligible ? view.eligibility.feeCents : 0
  return (
    <>
      <p>
        <a href="/school">Back to My school</a>
      </p>
      <ErrorSummary form={form} />
      <h1>Order your school’s badge</h1>
      <p class="lead">
        {view.access.schoolName} completed the {view.access.cycleTitle} assessment, so it may show the program’s badge. The badge costs{' '}
        <strong>{formatDollars(fee)}</strong>
        {fee === 0 ? ' this round: there is nothing to pay.' : '.'}
      </p>
      <WhatTheBadgeSays view={view} />
      <form method="post" action={`${base(view)}/check`} class="narrow" novalidate>
        <h2>Who we bill</h2>
        <TextField name="billingName" label="Billing contact’s name" form={form} autocomplete="name" />
        <TextField name="billingEmail" label="Billing contact’s e-mail" type="email" form={form} autocomplete="email" />
        <TextAreaField name="billingAddress" label="Billing address" form={form} rows={4} hint="As it should appear on the invoice." />
        <TextField name="poNumber" label="Purchase order number (optional)" form={form} hint="If your school’s finance office needs one on the invoice." />
        {fee > 0 && (
          <ChoiceGroup
            name="paymentMethod"
            legend="How will you pay?"
            type="radio"
            form={form}
            checked={[form.values.paymentMethod ?? 'invoice']}
            options={[
              { value: 'invoice', label: 'By invoice (cheque or bank transfer)' },
              ...(cardPayments ? [{ value: 'card', label: 'By card, now (through Stripe)' }] : []),
            ]}
          />
        )}
        <button type="submit" class="button">Continue</button>
      </form>
    </>
  )
}

const FIELDS = ['billingName', 'billingEmail', 'billingAddress', 'poNumber', 'paymentMethod'] as const

export function BadgeCheckPage({ view, values }: { view: View; values: Record<(typeof FIELDS)[number], string> }) {
  const fee = view.eligibility.eligible ? view.eligibility.feeCents : 0
  const hidden = FIELDS.map((name) => <input type="hidden" name={name} value={values[name]} />)
  const rows: [string, string][] = [
    ['Badge', `${view.access.schoolName}, ${DISCIPLINE_LABELS[view.access.discipline]}, ${view.access.cycleTitle}`],
    ['Fee', formatDollars(fee)],
    ['Billing contact', `${values.billingName} <${values.billingEmail}>`],
    ['Billing address', values.billingAddress],
    ['Purchase order', values.poNumber || 'None'],
    ...(fee > 0 ? [['Payment', values.paymentMethod === 'card' ? 'By card, now' : 'By invoice'] as [string, string]] : []),
  ]
  return (
    <>
      <h1>Check your order</h1>
      <dl class="summary-list">
        {rows.map(([k, v]) => (
          <div class="summary-row">
            <dt>{k}</dt>
            <dd class="pre-line">{v}</dd>
          </div>
        ))}
      </dl>
      <form method="post" action={`${base(view)}/edit`} class="inline">
        {hidden}
        <button type="submit" class="button button-secondary">Change these details</button>
      </form>
      <h2>Place the order</h2>
      <p>{fee === 0 ? 'The badge is then issued and e-mailed to you.' : values.paymentMethod === 'card' ? 'Next you pay on Stripe’s page; the badge is issued once the payment arrives.' : 'You can then download the invoice. The badge is issued once the program team records the payment.'}</p>
      <form method="post" action={`${base(view)}/order`}>
        {hidden}
        <button type="submit" class="button">{values.paymentMethod === 'card' && fee > 0 ? 'Place the order and pay by card' : 'Place the order'}</button>
      </form>
    </>
  )
}

const STATUS_TEXT = {
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid: the badge is being issued',
  waived: 'Fee waived: the badge is being issued',
  issued: 'Issued',
  revoked: 'Revoked',
} as const

export function BadgeOrderStatusPage({ view, cardPayments, placed, notice }: { view: View; cardPayments: boolean; placed: boolean; notice?: string | undefined }) {
  const order = view.order!
  const number = invoiceNumberOf(order.invoiceNumber, order.orderedAt)
  return (
    <>
      {placed ? (
        <div class="confirmation-panel">
          <h1>Badge ordered</h1>
          <p>Invoice number {number}</p>
        </div>
      ) : (
        <>
          <p>
            <a href="/school">Back to My school</a>
          </p>
          <h1>Your school’s badge</h1>
        </>
      )}
      {notice && <p class="notice">{notice}</p>}
      <dl class="summary-list">
        <div class="summary-row">
          <dt>Badge</dt>
          <dd>
            {order.schoolName}, {DISCIPLINE_LABELS[order.discipline]}, {order.cycleTitle}
          </dd>
        </div>
        <div class="summary-row">
          <dt>Invoice number</dt>
          <dd>{number}</dd>
        </div>
        <div class="summary-row">
          <dt>Fee</dt>
          <dd>{formatDollars(order.feeCents)}</dd>
        </div>
        <div class="summary-row">
          <dt>Status</dt>
          <dd>
            {STATUS_TEXT[order.status]}
            {order.paidAt && (
              <>
                {' '}
                (paid <When at={order.paidAt} dateOnly />)
              </>
            )}
          </dd>
        </div>
        <div class="summary-row">
          <dt>Ordered</dt>
          <dd>
            <When at={order.orderedAt} /> {order.orderedByEmail ? `by ${order.orderedByEmail}` : ''}
          </dd>
        </div>
      </dl>
      <p>
        <a class="button button-secondary" href={`${base(view)}/invoice.pdf`}>
          Download the invoice (PDF)
        </a>
      </p>
      {order.status === 'awaiting_payment' && (
        <>
          <h2>How to pay</h2>
          <p>Send a cheque or a bank transfer to the program, quoting invoice number {number}; the address is on the invoice. The program team records the payment and your badge is then issued.</p>
          {cardPayments && (
            <form method="post" action={`${base(view)}/pay`}>
              <button type="submit" class="button">Pay {formatDollars(order.feeCents)} by card</button>
            </form>
          )}
        </>
      )}
      {order.status === 'issued' || order.status === 'revoked' ? (
        <p>
          <a href={`/school/badges/${view.access.schoolId}`}>Your badges and the public directory</a>
        </p>
      ) : (
        <>
          <h2>What happens next</h2>
          <p>Once the order is paid (or the fee waived) the badge is issued and e-mailed to you, with the image, the code to show it on your website and the link to its public page.</p>
        </>
      )}
    </>
  )
}
