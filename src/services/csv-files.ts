import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'

// CSV files people open in Excel or R: UTF-8 with a byte-order mark (Excel needs it to read accents), ISO dates.

const BOM = '\uFEFF'

/**
 * `neutraliseFormulas`: a text cell starting with = + - @ tab or CR gets a leading apostrophe, so a spreadsheet shows
 * it rather than running it (OWASP "CSV injection"). For files only read by people; a file our own import reads
 * back keeps its cells as they are.
 */
export function csvWithBom(header: readonly string[], rows: readonly (readonly unknown[])[], options: { neutraliseFormulas?: boolean } = {}): string {
  const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v))
  const cell = options.neutraliseFormulas ? (v: unknown) => (typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : text(v)) : text
  return BOM + stringify([header as string[], ...rows.map((r) => r.map(cell))], { record_delimiter: '\r\n' })
}

const FORMULA_START = /^[=+\-@\t\r]/

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
  return { ok: true, header: names, rows: body.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? '']))) }
}
