import type { BadgeOrder } from '../../../services/badges/badge-orders'
import { formatDollars, invoiceNumberOf } from '../../../domain/badges/badge-money'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'

// A badge invoice (decision 124), drawn with pdfkit like the report: no browser. pdfkit draws text as text, so a
// name with "<script>" or "=SUM(" prints as typed. It says nothing of the school's results: it is never given them.

const PAGE = { size: 'LETTER' as const, margin: 54 }
const INK = '#1b2a2f'
const MUTED = '#5b6b70'
const BRAND = '#0b5d57'
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' })

export type InvoiceFacts = { order: BadgeOrder; programAddress: string; contactEmail: string; cardPayments: boolean }

const STATUS_WORDS: Record<BadgeOrder['status'], string> = {
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  waived: 'Fee waived',
  issued: 'Paid; badge issued',
  revoked: 'Badge revoked',
}

function settlement(order: BadgeOrder): string {
  if (order.waivedAt) return `Fee waived on ${DATE.format(order.waivedAt)}${order.waiveReason ? `: ${order.waiveReason}` : '.'}`
  if (order.paidAt) return `Paid on ${DATE.format(order.paidAt)}, reference ${order.paymentReference ?? 'recorded by the program team'}.`
  return STATUS_WORDS[order.status]
}

export async function renderInvoicePdf({ order, programAddress, contactEmail, cardPayments }: InvoiceFacts): Promise<Buffer> {
  const { SharedFontDocument } = await import('../school/shared-font-document') // pdfkit loads at the first PDF
  const number = invoiceNumberOf(order.invoiceNumber, order.orderedAt)
  const doc = new SharedFontDocument({ size: PAGE.size, margin: PAGE.margin, lang: 'en-US', displayTitle: true, info: { Title: `Invoice ${number}` } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const width = doc.page.width - 2 * PAGE.margin
  const half = width / 2 - 12
  const label = (text: string) => doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(9).text(text.toUpperCase(), { characterSpacing: 0.5 })
  const body = (text: string, options: PDFKit.Mixins.TextOptions = {}) => doc.fillColor(INK).font('Helvetica').fontSize(11).text(text, options)

  doc.fillColor(BRAND).font('Helvetica-Bold').fontSize(22).text('Invoice', { width })
  body(`Invoice number ${number}`)
  body(`Date ${DATE.format(order.orderedAt)}`)
  body(`Status: ${settlement(order)}`, { width })

  const top = doc.y + 18
  doc.y = top
  label('From')
  body(programAddress, { width: half })
  body(contactEmail, { width: half })
  const leftBottom = doc.y
  doc.x = PAGE.margin + half + 24
  doc.y = top
  label('Bill to')
  body(order.billingName, { width: half })
  body(order.billingEmail, { width: half })
  body(order.billingAddress, { width: half })
  if (order.poNumber) body(`Purchase order: ${order.poNumber}`, { width: half })
  doc.x = PAGE.margin
  doc.y = Math.max(leftBottom, doc.y) + 24

  label('Item')
  const item = `Social Mission Metrics badge, ${order.cycleTitle}: ${order.schoolName}, ${DISCIPLINE_LABELS[order.discipline]}`
  const rowTop = doc.y + 4
  body(item, { width: width - 120 })
  const rowBottom = doc.y
  doc.fillColor(INK).font('Helvetica').fontSize(11).text(formatDollars(order.feeCents), PAGE.margin + width - 110, rowTop, { width: 110, align: 'right' })
  doc.x = PAGE.margin
  doc.y = Math.max(rowBottom, doc.y) + 8
  doc.moveTo(PAGE.margin, doc.y).lineTo(PAGE.margin + width, doc.y).strokeColor(MUTED).lineWidth(0.5).stroke()
  doc.y += 8
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(12).text(`Total due: ${order.status === 'awaiting_payment' ? formatDollars(order.feeCents) : '$0.00'} (US dollars)`, PAGE.margin, doc.y, { width, align: 'right' })

  doc.moveDown(2)
  label('How to pay')
  const ways = [
    cardPayments ? 'By card: from your school’s badge page on the Social Mission Metrics site (“Pay by card”).' : null,
    `By cheque or bank transfer to the program at the address above, quoting invoice number ${number}${order.poNumber ? ` and your purchase order ${order.poNumber}` : ''}.`,
    `Questions about this invoice: ${contactEmail}.`,
  ].filter((w): w is string => w !== null)
  for (const way of ways) body(way, { width })
  doc.moveDown(1.5)
  doc.fillColor(MUTED).font('Helvetica').fontSize(9).text('The badge shows that the school completed the Social Mission Metrics Self-Assessment, and nothing of its results.', { width })
  doc.end()
  return done
}
