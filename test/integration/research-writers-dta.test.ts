import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { type DatasetValue, type DatasetVariable, STATA_MISSING_LETTERS, writeDta } from '../../src/services/research/formats'
import { FIXTURE_VARIABLES, fixtureDataset, fixtureRow } from '../support/research-dataset'
import { fileSink, type ReadBack, readWithHaven } from '../support/research-readers'

// Our .dta (format 118) writer, read back by haven::read_dta (ReadStat): values, labels, extended missing values.

const ROWS = 1000
const dir = mkdtempSync(join(tmpdir(), 'smm-dta-'))
const dtaPath = join(dir, 'fixture.dta')

let read: ReadBack
beforeAll(async () => {
  const { sink, close } = fileSink(dtaPath)
  await writeDta(fixtureDataset(ROWS), sink, { createdAt: new Date('2026-11-29T12:00:00Z') })
  await close()
  read = readWithHaven(`read_dta(${JSON.stringify(dtaPath)})`, dir)
})

/** How haven shows a value: a declared missing code becomes its tagged NA (".d" for don't know). */
function asHavenShows(variable: DatasetVariable, value: DatasetValue): string {
  if (value === null) return variable.type === 'numeric' ? 'NA' : ''
  if (typeof value === 'number' && variable.missingCodes?.includes(value)) return `.${STATA_MISSING_LETTERS[value]}`
  return String(value)
}

describe('Stata .dta read by haven::read_dta', () => {
  test('every value comes back, the answer codes as Stata extended missing values', () => {
    expect(read.values).toHaveLength(ROWS)
    read.values.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(FIXTURE_VARIABLES.map((v) => v.name))
      expect(Object.values(row)).toEqual(fixtureRow(i).map((value, j) => asHavenShows(FIXTURE_VARIABLES[j]!, value)))
    })
    // Distinct codes stay distinct: don't know and skipped are different tagged NAs, not one NA.
    expect(read.values[2]!.g_advisory_board).toBe('.d')
    expect(read.values[3]!.g_advisory_board).toBe('.s')
  })

  test('variable labels and value labels (also on the missing codes) match the dataset', () => {
    for (const variable of FIXTURE_VARIABLES) {
      const meta = read.meta.filter((m) => m.variable === variable.name)
      expect(meta.find((m) => m.kind === 'label')?.text).toBe(variable.label)
      const labels = meta.filter((m) => m.kind === 'value_label').map((m) => `${m.value}=${m.text}`)
      expect(labels.sort()).toEqual((variable.valueLabels ?? []).map((l) => `${asHavenShows(variable, l.value)}=${l.label}`).sort())
    }
  })

  test('the file label survives with its UTF-8', () => {
    const label = readWithHaven(`read_dta(${JSON.stringify(dtaPath)}); d <- data.frame(file_label = attr(d, "label"))`, dir)
    expect(label.values[0]!.file_label).toBe(fixtureDataset().label)
  })
})
