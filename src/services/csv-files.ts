import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'

// CSV files people open in Excel or R: UTF-8 with a byte-order mark (Excel needs it to read accents), ISO dates.

const BOM = '\uFEFF'

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a formula, so a
 * school name like `=HYPERLINK(…)` would act when the file is opened. Such text gets a leading apostrophe, which
 * spreadsheets read as "this is text" and hide. Numbers stay numbers: -9 is a value, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/
export const neutraliseCsvText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text)

/** The reverse, for our own files coming back: an import keeps the text as it was typed before the export. */
const restoreCsvText = (text: string) => (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text)

function csvCell(v: unknown): string {
  if (v instanceof Date) return v.toISOString()
  if (v === null || v === undefined) return ''
  return typeof v === 'number' || typeof v === 'bigint' ? String(v) : neutraliseCsvText(String(v))
}

export function csvWithBom(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone CR or LF, which readers (ours
  // included) take as the end of a record: quote any line break.
  return BOM + stringify([header as string[], ...rows.map((r) => r.map(csvCell))], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ })
}

export type CsvReadResult =
  | { ok: true; header: string[]; rows: Record<string, string>[] }
  | { ok: false; message: string }

/**
 * Every line ending a file may carry: Windows (CRLF), Unix (LF) and old Mac (lone CR), mixed. csv-parse's default
 * settles on the first ending it meets and then reads the others as data, merging records silently.
 */
const RECORD_DELIMITERS = ['\r\n', '\n', '\r']

/**
 * Counts the non-empty records of a CSV text without csv-parse: line endings outside quotes end a record. It is
 * the independent check that the parser found every record the file holds.
 */
export function countCsvRecords(text: string): number {
  let records = 0
  let inQuotes = false
  let lineHasContent = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') inQuotes = !inQuotes // an escaped "" toggles twice
    if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++
      if (lineHasContent) records++
      lineHasContent = false
      continue
    }
    lineHasContent = true
  }
  return lineHasContent ? records + 1 : records
}

/** Decodes strictly as UTF-8 (a byte-order mark is fine) and parses with a header row, every record or an error. */
export function readCsvUpload(bytes: Uint8Array): CsvReadResult {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return { ok: false, message: 'The file is not UTF-8 text. In Excel choose “Save as… CSV UTF-8 (comma delimited)”, then upload it again.' }
  }
  if (text.startsWith(BOM)) text = text.slice(1)
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' }
  let records: string[][]
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true, record_delimiter: RECORD_DELIMITERS }) as string[][]
  } catch (err) {
    const line = (err as { lines?: number }).lines
    return { ok: false, message: `The file is not valid CSV${line ? ` (near line ${line})` : ''}: check for an unclosed quote.` }
  }
  const expected = countCsvRecords(text)
  if (records.length !== expected) {
    return {
      ok: false,
      message: `The file holds ${expected - 1} rows below its header but only ${records.length - 1} could be read, so nothing can be imported. Open it in a spreadsheet and save it again as CSV UTF-8.`,
    }
  }
  const [header = [], ...body] = records
  const names = header.map((h) => h.trim())
  return { ok: true, header: names, rows: body.map((r) => Object.fromEntries(names.map((n, i) => [n, restoreCsvText(r[i] ?? '')]))) }
}
