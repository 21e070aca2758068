import type { BadgeOrder } from '../../services/badges/badge-orders'
import { auditInvoiceDownload } from '../../services/badges/badge-admin'
import { invoiceNumberOf } from '../../domain/badges/badge-money'
import type { Ctx } from '../context'
import { renderInvoicePdf } from '../views/badges/invoice-pdf'

/** A badge invoice as a PDF download, for the school's leader or the program team; audited either way. */
export async function invoiceDownload(c: Ctx, order: BadgeOrder) {
  await auditInvoiceDownload(c.var.db, c.var.actor, order, c.var.clientIp)
  const { config } = c.var.deps
  const body = await renderInvoicePdf({ order, programAddress: config.programPostalAddress, contactEmail: config.contactEmail, cardPayments: (c.var.deps.stripe ?? null) !== null })
  return c.body(new Uint8Array(body), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="invoice-${invoiceNumberOf(order.invoiceNumber, order.orderedAt)}.pdf"` })
}
