import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { type ByteSink, type LabelledDataset, writeCsv, writeDta, writeSav } from '../../src/services/research/formats'
import { FIXTURE_VARIABLES, fixtureDataset, fixtureRow } from '../support/research-dataset'

/** A sink that keeps every chunk, noting how many rows the dataset had handed out when each arrived. */
function recordingSink(rowsPulled: () => number) {
  const chunks: Uint8Array[] = []
  const pulledAtChunk: number[] = []
  const sink: ByteSink = {
    write(chunk) {
      chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk)
      pulledAtChunk.push(rowsPulled())
    },
  }
  return { sink, chunks, pulledAtChunk, text: () => Buffer.concat(chunks).toString('utf8') }
}

describe('research CSV', () => {
  test('csv-parse reads back the header and every value unchanged: no BOM, no formula prefix', async () => {
    const { sink, text } = recordingSink(() => 0)
    await writeCsv(fixtureDataset(1000), sink)
    const csv = text()
    expect(csv.charCodeAt(0)).not.toBe(0xfeff)
    const [header, ...rows] = parse(csv) as string[][]
    expect(header).toEqual(FIXTURE_VARIABLES.map((v) => v.name))
    expect(rows).toHaveLength(1000)
    rows.forEach((row, i) => expect(row).toEqual(fixtureRow(i).map((v) => (v === null ? '' : String(v)))))
    // Written as the respondent typed it: R, Stata and SPSS read "=SUM(A1:A2)", never "'=SUM(A1:A2)".
    expect(rows[2]![5]).toBe('=SUM(A1:A2)')
    expect(rows.map((r) => r[2])).toContain('-9')
    // A line break inside a text is quoted, whatever the line ending (R's read.csv would split an unquoted one).
    expect(csv).toContain('"line one\nline two"')
  })

  test('any text and any number survive the round trip through csv-parse', async () => {
    const cell = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('"', ',', '\r', '\n', '\r\n', ' a ', '=1+1'), fc.double({ noNaN: true, noDefaultInfinity: true }))
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), async (rows) => {
        const dataset: LabelledDataset = {
          name: 'p',
          label: 'p',
          variables: ['a', 'b'].map((name) => ({ name, label: name, type: 'string', width: 1, measure: 'nominal' })),
          rowCount: rows.length,
          async *rows() {
            yield* rows
          },
        }
        const { sink, text } = recordingSink(() => 0)
        await writeCsv(dataset, sink)
        const [, ...back] = parse(text(), { bom: false }) as string[][]
        expect(back).toEqual(rows.map((row) => row.map(String)))
      }),
    )
  })
})

describe('writers stream', () => {
  test.each([
    ['CSV', writeCsv],
    ['.sav', writeSav],
    ['.dta', writeDta],
  ])('%s pulls rows lazily and hands chunks to the sink before the last row is read', async (_format, write) => {
    const total = 2000
    let pulled = 0
    const { sink, pulledAtChunk } = recordingSink(() => pulled)
    await write(fixtureDataset(total, (i) => (pulled = i + 1)), sink)
    expect(pulled).toBe(total)
    // Several chunks, the first arriving while most rows were still unread: the file is never held whole.
    expect(pulledAtChunk.length).toBeGreaterThanOrEqual(2)
    expect(pulledAtChunk[0]).toBeLessThan(total)
  })

  test.each([
    ['.sav', writeSav],
    ['.dta', writeDta],
  ])('%s: a dataset that yields fewer rows than its header promised fails instead of writing a corrupt file', async (_f, write) => {
    const short = { ...fixtureDataset(10), rowCount: 11 }
    await expect(write(short, recordingSink(() => 0).sink)).rejects.toThrow(/promised 11 rows .* yielded 10/)
  })
})
