import type { BadgeConsole, OfferForm } from '../../../services/badges/badge-admin'
import type { BadgeOrder } from '../../../services/badges/badge-orders'
import { formatDollars, invoiceNumberOf } from '../../../domain/badges/badge-money'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { FormState } from '../../form'
import { ErrorSummary, TextField } from '../form-fields'
import { When } from '../format'
import { CheckboxField } from '../long-form-fields'
import { TableScroll } from '../table-scroll'
import { PageSummary, Pagination, pageHref } from '../pagination'

// The program team's badge console (decision 124): offers per cycle, orders by status, invoices, mark paid, waive.

export const ORDER_STATUS_LABELS: Record<BadgeOrder['status'], string> = {
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  waived: 'Waived',
  issued: 'Issued',
  revoked: 'Revoked',
}

export function BadgeConsolePage({ view }: { view: BadgeConsole }) {
  const statuses = Object.keys(ORDER_STATUS_LABELS) as BadgeOrder['status'][]
  const csv = `/admin/badges/orders.csv${view.status ? `?status=${view.status}` : ''}`
  return (
    <>
      <h1>Badges</h1>
      <p>
        <a href="/admin/badges/issued">Issued badges: issue, revoke, reissue</a> · <a href="/admin/badges/supporters">Inaugural Supporters</a> ·{' '}
        <a href="/badges">The public directory</a>
      </p>
      <h2>Offers per cycle</h2>
      <TableScroll label="Badge offers per cycle">
        <table>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Badge offered for</th>
              <th scope="col">Valid</th>
              <th scope="col"><span class="visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {view.cycles.map((cycle) => (
              <tr>
                <td>{cycle.title}</td>
                <td>{cycle.fees.length === 0 ? 'No badge' : cycle.fees.map((f) => `${DISCIPLINE_LABELS[f.discipline]}: ${formatDollars(f.feeCents)}`).join('; ')}</td>
                <td>
                  {cycle.validFrom && cycle.validUntil && cycle.fees.length > 0 ? (
                    <>
                      <When at={cycle.validFrom} dateOnly /> to <When at={cycle.validUntil} dateOnly />
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td>
                  <a href={`/admin/badges/offers/${cycle.id}`}>
                    {cycle.fees.length === 0 ? 'Offer a badge' : 'Change the offer'}<span class="visually-hidden"> for {cycle.title}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>Orders</h2>
      <nav aria-label="Filter orders by status">
        <ul class="filter-links">
          <li>
            <a href="/admin/badges" aria-current={view.status === null ? 'page' : undefined}>All</a>
          </li>
          {statuses.map((s) => (
            <li>
              <a href={`/admin/badges?status=${s}`} aria-current={view.status === s ? 'page' : undefined}>
                {ORDER_STATUS_LABELS[s]} ({view.counts.get(s) ?? 0})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href={csv}>Download these orders (CSV)</a>
      </p>
      {view.slice.total === 0 ? (
        <p>No orders{view.status ? ' with this status' : ' yet'}.</p>
      ) : (
        <>
        <PageSummary slice={view.slice} noun={['order', 'orders']} />
        <TableScroll label="Badge orders">
          <table>
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">School</th>
                <th scope="col">Discipline</th>
                <th scope="col">Cycle</th>
                <th scope="col">Fee</th>
                <th scope="col">Method</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {view.orders.map((o) => (
                <tr>
                  <td>
                    <a href={`/admin/badges/orders/${o.id}/invoice.pdf`}>{invoiceNumberOf(o.invoiceNumber, o.orderedAt)}</a>
                  </td>
                  <td>{o.schoolName}</td>
                  <td>{DISCIPLINE_LABELS[o.discipline]}</td>
                  <td>{o.cycleTitle}</td>
                  <td>{formatDollars(o.feeCents)}</td>
                  <td>{o.paymentMethod === 'card' ? 'Card' : 'Invoice'}</td>
                  <td>{ORDER_STATUS_LABELS[o.status]}</td>
                  <td>
                    {o.status === 'awaiting_payment' ? (
                      <>
                        <a href={`/admin/badges/orders/${o.id}/mark-paid`}>Mark paid<span class="visually-hidden"> ({o.schoolName})</span></a>
                        {' · '}
                        <a href={`/admin/badges/orders/${o.id}/waive`}>Waive<span class="visually-hidden"> ({o.schoolName})</span></a>
                      </>
                    ) : (
                      (o.paymentReference ?? o.waiveReason ?? '')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <Pagination slice={view.slice} href={(page) => pageHref('/admin/badges', { status: view.status ?? undefined }, page)} label="Pages of orders" />
        </>
      )}
    </>
  )
}

export function BadgeOfferPage({ view, form }: { view: OfferForm; form: FormState }) {
  return (
    <>
      <p>
        <a href="/admin/badges">← Badges</a>
      </p>
      <ErrorSummary form={form} />
      <h1>Badge offer: {view.cycle.title}</h1>
      <p>Tick each discipline this cycle offers a badge for, with its fee in US dollars (0 for a free badge). A discipline left unticked is not offered one.</p>
      <form method="post" action={`/admin/badges/offers/${view.cycle.id}`} class="narrow" novalidate>
        {view.cycle.disciplines.map((d) => (
          <fieldset class="field">
            <legend>{DISCIPLINE_LABELS[d]}</legend>
            <CheckboxField name={`offer.${d}`} label={`Offer a badge to ${DISCIPLINE_LABELS[d]} schools`} form={form} />
            <TextField name={`fee.${d}`} label="Fee in US dollars" hint="For example 250 or 0" form={form} />
          </fieldset>
        ))}
        <TextField name="validFrom" label="Valid from" type="date" hint="Default: the day the round closes." form={form} />
        <TextField name="validUntil" label="Valid until" type="date" hint="Default: two years later." form={form} />
        <button type="submit" class="button">Save the offer</button>
      </form>
    </>
  )
}

function OrderSummary({ order }: { order: BadgeOrder }) {
  return (
    <dl class="pairs">
      <dt>Invoice</dt>
      <dd>{invoiceNumberOf(order.invoiceNumber, order.orderedAt)}</dd>
      <dt>School</dt>
      <dd>{order.schoolName}</dd>
      <dt>Badge</dt>
      <dd>
        {DISCIPLINE_LABELS[order.discipline]}, {order.cycleTitle}
      </dd>
      <dt>Fee</dt>
      <dd>{formatDollars(order.feeCents)}</dd>
      <dt>Billing contact</dt>
      <dd>
        {order.billingName} &lt;{order.billingEmail}&gt;
      </dd>
      <dt>Purchase order</dt>
      <dd>{order.poNumber ?? 'None'}</dd>
    </dl>
  )
}

type SettleProps = { order: BadgeOrder; form: FormState }

/**
 * The step before settling an order (decision 110's pattern, without a mail preview: the e-mail is the issued badge
 * itself, sent by the issuing job): the order, the one field the action needs, what cannot be undone.
 */
function SettlePage(props: SettleProps & { title: string; action: 'mark-paid' | 'waive'; field: { name: string; label: string; hint: string }; warning: string; submitLabel: string }) {
  const { order, form } = props
  return (
    <>
      <p>
        <a href="/admin/badges">← Badges</a>
      </p>
      <h1>{props.title}</h1>
      <ErrorSummary form={form} />
      <div class="panel-confirm">
        <OrderSummary order={order} />
      </div>
      {order.status !== 'awaiting_payment' ? (
        <p>This order is {ORDER_STATUS_LABELS[order.status].toLowerCase()}: there is nothing to do.</p>
      ) : (
        <form method="post" action={`/admin/badges/orders/${order.id}/${props.action}`} novalidate>
          <TextField name={props.field.name} label={props.field.label} hint={props.field.hint} form={form} />
          <p class="notice notice-warning">
            <strong>{props.warning}</strong>
          </p>
          <div class="button-group">
            <button type="submit" class="button">{props.submitLabel}</button>
            <a href="/admin/badges">Cancel</a>
          </div>
        </form>
      )}
    </>
  )
}

export const MarkPaidPage = (props: SettleProps) => (
  <SettlePage
    {...props}
    title="Mark this invoice paid"
    action="mark-paid"
    field={{ name: 'reference', label: 'Payment reference', hint: 'The cheque number or the bank transfer’s reference.' }}
    warning="The badge is then issued and e-mailed to the school’s leader. This cannot be undone here."
    submitLabel="Mark paid and issue the badge"
  />
)

export const WaivePage = (props: SettleProps) => (
  <SettlePage
    {...props}
    title="Waive the fee"
    action="waive"
    field={{ name: 'reason', label: 'Why is the fee waived?', hint: 'Kept with the order and in the audit log.' }}
    warning="The badge is then issued and e-mailed to the school’s leader without payment. This cannot be undone here."
    submitLabel="Waive the fee and issue the badge"
  />
)
