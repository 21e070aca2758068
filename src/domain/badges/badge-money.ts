// Money on badge pages and invoices: US dollars typed by people, integer cents stored (DESIGN.md conventions).

const DOLLARS = /^\$?\s*(\d{1,6})(?:\.(\d{1,2}))?$/

/** "250", "250.5", "$1,250.00" → cents; null for anything else (negative, more than two decimals, words). */
export function parseDollars(text: string): number | null {
  const m = DOLLARS.exec(text.trim().replace(/,(?=\d{3}(\D|$))/g, ''))
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'))
}

/** 25000 → "$250.00"; 0 → "$0.00". */
export const formatDollars = (cents: number): string =>
  `$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`

/** The human invoice number: the order's year and its serial, e.g. SMM-2026-0042. Never reused. */
export const invoiceNumberOf = (serial: number, orderedAt: Date): string => `SMM-${orderedAt.getUTCFullYear()}-${String(serial).padStart(4, '0')}`
