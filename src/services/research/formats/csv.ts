import { BufferedSink } from './buffered-sink'
import { checkVariableNames } from './cells'
import { type ByteSink, type DatasetValue, type LabelledDataset } from './dataset'

/**
 * The research CSV: UTF-8 without a byte-order mark, a header of variable names, one line per row, CRLF endings
 * (RFC 4180). Codes are plain numbers (a missing code stays -9, as in every other format); an empty cell is
 * system-missing. Strings are never altered: no leading `'` against spreadsheet formulas, which would corrupt the
 * data for R, Stata and SPSS (decision 131).
 *
 * Fields are quoted here rather than by csv-stringify (used for the small files): a cycle's file is mostly
 * numbers, and the library's per-cell work made 2,000 rows × 150 variables cost ~20 times more (decision 131).
 * The rule is RFC 4180's: a field holding a comma, a double quote, CR or LF is quoted and its quotes doubled.
 */
export async function writeCsv(dataset: LabelledDataset, sink: ByteSink): Promise<void> {
  checkVariableNames(dataset.variables)
  const out = new BufferedSink(sink)
  await out.write(`${dataset.variables.map((v) => csvField(v.name)).join(',')}\r\n`)
  for await (const row of dataset.rows()) await out.write(`${row.map(csvCell).join(',')}\r\n`)
  await out.flush()
}

/** A text field as RFC 4180 writes it (a lone LF or CR is quoted too: R, Stata and SPSS end a record there). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function csvCell(value: DatasetValue): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  return csvField(value)
}
