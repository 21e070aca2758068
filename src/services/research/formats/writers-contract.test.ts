import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { utf8Truncate } from './binary'
import { type DatasetVariable, type LabelledDataset } from './dataset'
import { writeCsv } from './csv'
import { writeDta } from './dta'
import { rScript } from './r-script'
import { missingSpec, writeSav } from './sav'

// What every writer refuses before writing a byte, and the small rules the binary formats rest on.

const dataset = (variables: DatasetVariable[], rows: (number | string | null)[][] = []): LabelledDataset => ({
  name: 'd',
  label: 'd',
  variables,
  rowCount: rows.length,
  async *rows() {
    yield* rows
  },
})
const text = (name: string, width: number): DatasetVariable => ({ name, label: name, type: 'string', width, measure: 'nominal' })
const number = (name: string, missingCodes?: number[]): DatasetVariable => ({ name, label: name, type: 'numeric', measure: 'scale', missingCodes })
const nowhere = { write() {} }

describe('utf8Truncate', () => {
  test('never cuts a character in half and never goes over the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(40), (value, max) => {
        const cut = utf8Truncate(value, max)
        expect(cut.byteLength).toBeLessThanOrEqual(max)
        const decoded = new TextDecoder('utf-8', { fatal: true }).decode(cut)
        expect(value.startsWith(decoded)).toBe(true)
      }),
    )
  })
})

describe('SPSS missing values', () => {
  test.each([
    [[-9], { code: 1, values: [-9] }],
    [[-9, -6], { code: 2, values: [-9, -6] }],
    [[-9, -8, -6], { code: 3, values: [-9, -8, -6] }],
    [[-6, -7, -8, -9], { code: -2, values: [-9, -6] }],
    [[-9, -8, -7, -1], { code: -3, values: [-9, -7, -1] }],
  ])('%j → %j', (codes, spec) => {
    expect(missingSpec(number('x', codes))).toEqual(spec)
  })

  test('codes that are neither 3 values nor a run plus one are refused', () => {
    expect(() => missingSpec(number('x', [-9, -7, -5, -3]))).toThrow(/cannot be declared in SPSS/)
  })
})

describe('every writer refuses what it cannot write faithfully', () => {
  const writers = [
    ['CSV', (d: LabelledDataset) => writeCsv(d, nowhere)],
    ['.sav', (d: LabelledDataset) => writeSav(d, nowhere)],
    ['.dta', (d: LabelledDataset) => writeDta(d, nowhere)],
    ['R', async (d: LabelledDataset) => void rScript(d, 'd.csv')],
  ] as const

  test.each(writers)('%s: invalid or repeated variable names', async (_format, write) => {
    await expect(write(dataset([number('1st')]))).rejects.toThrow(/"1st" is not a valid variable name/)
    await expect(write(dataset([number('a'.repeat(33))]))).rejects.toThrow(/not a valid variable name/)
    await expect(write(dataset([number('score'), number('SCORE')]))).rejects.toThrow(/Two variables are named "SCORE"/)
    await expect(write(dataset([number('BY')]))).rejects.toThrow(/"BY" is a reserved word/)
    await expect(write(dataset([number('str12')]))).rejects.toThrow(/"str12" is a reserved word/)
  })

  test('.sav refuses strings over 32,767 bytes and .dta over 2,045, rather than cut answers short', async () => {
    await expect(writeSav(dataset([text('note', 32768)]), nowhere)).rejects.toThrow(/note holds strings of 32768 bytes; the .sav writer stores at most 32767/)
    await expect(writeDta(dataset([text('note', 2046)]), nowhere)).rejects.toThrow(/note holds strings of 2046 bytes; the .dta writer stores at most 2045/)
    await expect(writeSav(dataset([text('note', 32767)]), nowhere)).resolves.toBeUndefined()
    await expect(writeDta(dataset([text('note', 2045)]), nowhere)).resolves.toBeUndefined()
  })

  test.each([
    ['.sav', writeSav],
    ['.dta', writeDta],
  ])('%s refuses a row that breaks the dataset’s own declaration', async (_format, write) => {
    await expect(write(dataset([number('n')], [['seven']]), nowhere)).rejects.toThrow(/n is numeric but a row holds the text "seven"/)
    await expect(write(dataset([text('t', 3)], [['four']]), nowhere)).rejects.toThrow(/t holds 4 bytes, wider than its width 3/)
  })
})
