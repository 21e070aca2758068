import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'

// CSV files people open in Excel or R: UTF-8 with a byte-order mark (Excel needs it to read accents), ISO dates.

const BOM = '\uFEFF'

export function csvWithBom(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v))
  return BOM + stringify([header as string[], ...rows.map((r) => r.map(cell))], { record_delimiter: '\r\n' })
}

export type CsvReadResult =
  | { ok: true; header: string[]; rows: Record<string, string>[] }
  | { ok: false; message: string }

/** Decodes strictly as UTF-8 (a byte-order mark is fine) and parses with a header row. */
export function readCsvUpload(bytes: Uint8Array): CsvReadResult {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return { ok: false, message: 'The file is not UTF-8 text. In Excel choose “Save as… CSV UTF-8 (comma delimited)”, then upload it again.' }
  }
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' }
  try {
    const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][]
    const [header = [], ...body] = records
    const names = header.map((h) => h.trim())
    return { ok: true, header: names, rows: body.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? '']))) }
  } catch (err) {
    const line = (err as { lines?: number }).lines
    return { ok: false, message: `The file is not valid CSV${line ? ` (near line ${line})` : ''}: check for an unclosed quote.` }
  }
}
