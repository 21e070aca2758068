import { K_MIN_COUNT, type PublishedCount } from '../privacy/small-counts'

// How a published count, and the statistics that go with it, are spelt in text (CSV files and table cells): a
// small count is "<5", one withheld to protect another is "suppressed" (decision 138); never the number.

export const FEWER_THAN_K_MARK = `<${K_MIN_COUNT}`
export const WITHHELD_MARK = 'suppressed'

export const countText = (count: PublishedCount): string =>
  count.kind === 'shown' ? String(count.value) : count.kind === 'fewer-than-k' ? FEWER_THAN_K_MARK : WITHHELD_MARK

/** A statistic of a row whose count is hidden carries the row's mark; a shown one its value with `decimals`. */
export const statText = (count: PublishedCount, value: number | null | undefined, decimals = 2): string =>
  count.kind !== 'shown' ? countText(count) : value === null || value === undefined ? '' : value.toFixed(decimals)

/** p-values as analysts write them: four significant digits, and "<0.0001" below that. */
export const pText = (p: number): string => (p < 0.0001 ? '<0.0001' : p.toPrecision(4))
