import { stringify } from 'csv-stringify/sync'
import { BufferedSink } from './buffered-sink'
import { type ByteSink, type DatasetValue, type LabelledDataset } from './dataset'

/**
 * The research CSV: UTF-8 without a byte-order mark, a header of variable names, one line per row, CRLF endings
 * (RFC 4180). Codes are plain numbers (a missing code stays -9, as in every other format); an empty cell is
 * system-missing. Strings are quoted only when they need it and are never altered: no leading `'` against
 * spreadsheet formulas, which would corrupt the data for R, Stata and SPSS (decision 131).
 */
export async function writeCsv(dataset: LabelledDataset, sink: ByteSink): Promise<void> {
  const out = new BufferedSink(sink)
  const options = { record_delimiter: '\r\n' } as const
  await out.write(stringify([dataset.variables.map((v) => v.name)], options))
  let batch: string[][] = []
  for await (const row of dataset.rows()) {
    batch.push(row.map(csvCell))
    if (batch.length === 200) {
      await out.write(stringify(batch, options))
      batch = []
    }
  }
  if (batch.length > 0) await out.write(stringify(batch, options))
  await out.flush()
}

function csvCell(value: DatasetValue): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  return value
}
