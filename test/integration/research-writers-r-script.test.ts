import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { rScript, writeCsv } from '../../src/services/research/formats'
import { FIXTURE_VARIABLES, fixtureDataset, fixtureRow } from '../support/research-dataset'
import { fileSink, type ReadBack, readWithHaven } from '../support/research-readers'

// The R script we ship beside the CSV, run by Rscript on Debian's r-cran-haven: it must label what it reads.

const ROWS = 1000
const dir = mkdtempSync(join(tmpdir(), 'smm-r-'))
let read: ReadBack

beforeAll(async () => {
  const dataset = fixtureDataset(ROWS)
  const { sink, close } = fileSink(join(dir, 'fixture.csv'))
  await writeCsv(dataset, sink)
  await close()
  writeFileSync(join(dir, 'fixture.R'), rScript(dataset, 'fixture.csv'))
  // source() runs the script as an analyst would; it leaves the labelled data frame in `d`.
  read = readWithHaven('local({ source("fixture.R", local = TRUE); d })', dir)
})

describe('R script for the CSV', () => {
  test('coded answers become haven labelled_spss vectors with their value labels and missing codes', () => {
    const meta = (name: string, kind: string) => read.meta.filter((m) => m.variable === name && m.kind === kind)
    for (const variable of FIXTURE_VARIABLES) {
      expect(meta(variable.name, 'label')[0]?.text).toBe(variable.label)
      if (variable.valueLabels) {
        expect(meta(variable.name, 'class')[0]?.value).toBe('haven_labelled_spss')
        const labels = meta(variable.name, 'value_label').map((m) => `${m.value}=${m.text}`)
        expect(labels.sort()).toEqual(variable.valueLabels.map((l) => `${l.value}=${l.label}`).sort())
        expect(meta(variable.name, 'na_values').map((m) => Number(m.value))).toEqual(variable.missingCodes)
      }
    }
    expect(meta('score_overall', 'class')[0]?.value).toBe('numeric')
    expect(meta('comment', 'class')[0]?.value).toBe('character')
  })

  test('values read as written: codes kept, empty cells NA, UTF-8 and quotes intact', () => {
    expect(read.values).toHaveLength(ROWS)
    read.values.forEach((row, i) => {
      // read.csv reads an empty cell as NA, for text too (the CSV cannot tell an empty text from a missing one).
      expect(Object.values(row)).toEqual(fixtureRow(i).map((value) => (value === null || value === '' ? 'NA' : String(value))))
    })
  })
})
