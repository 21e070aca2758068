import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, test } from 'vitest'
import { type DatasetValue, type DatasetVariable, type LabelledDataset, writeSav } from '../../src/services/research/formats'
import { FIXTURE_VARIABLES, fixtureDataset, fixtureRow } from '../support/research-dataset'
import { fileSink, readWithHaven, requireReader, run } from '../support/research-readers'

// The .sav writer is ours, so it is proven with two independent readers: PSPP and R's haven (ReadStat).

const ROWS = 1000
const dir = mkdtempSync(join(tmpdir(), 'smm-sav-'))
const savPath = join(dir, 'fixture.sav')

beforeAll(async () => {
  const { sink, close } = fileSink(savPath)
  await writeSav(fixtureDataset(ROWS), sink, { createdAt: new Date('2026-11-29T12:00:00Z') })
  await close()
})

/** The tables PSPP prints as CSV ("Table: Variables" …), each parsed to rows of cells. */
function psppTables(syntax: string): Map<string, string[][]> {
  requireReader('pspp')
  const syntaxPath = join(dir, 'read.sps')
  const outPath = join(dir, 'pspp-out.csv')
  writeFileSync(syntaxPath, syntax)
  run('pspp', [syntaxPath, '-o', outPath])
  const output = readFileSync(outPath, 'utf8')
  // PSPP reads a file it finds odd with warnings in its output; ours must read cleanly.
  expect(output).not.toMatch(/warning|error/i)
  const tables = new Map<string, string[][]>()
  for (const block of output.split(/\n\s*\n/)) {
    const [title, ...rest] = block.trim().split('\n')
    if (!title?.startsWith('Table: ')) continue
    tables.set(title.slice('Table: '.length), parse(rest.join('\n'), { relax_column_count: true }))
  }
  return tables
}

/** The file's data as pspp-convert writes it to CSV, header first. */
function psppConvert(savFile: string): string[][] {
  requireReader('pspp-convert')
  const csvPath = `${savFile}.csv`
  run('pspp-convert', [savFile, csvPath])
  return parse(readFileSync(csvPath, 'utf8')) as string[][]
}

describe('SPSS .sav read by PSPP', () => {
  test('the dictionary keeps names, UTF-8 labels, measures, formats and user-missing values', () => {
    const tables = psppTables(`GET FILE=${JSON.stringify(savPath)}.\nDISPLAY DICTIONARY.\n`)
    const [header, ...rows] = tables.get('Variables')!
    const column = (name: string) => header!.indexOf(name)
    const byName = new Map(rows.map((r) => [r[0], r]))
    expect([...byName.keys()]).toEqual(FIXTURE_VARIABLES.map((v) => v.name))
    for (const variable of FIXTURE_VARIABLES) {
      const row = byName.get(variable.name)!
      expect(row[column('Label')]).toBe(variable.label)
      expect(row[column('Measurement Level')]).toBe(variable.measure[0]!.toUpperCase() + variable.measure.slice(1))
    }
    expect(byName.get('pp_k12_partnerships_reach')![column('Missing Values')]).toBe('-9; -8')
    expect(byName.get('g_advisory_board')![column('Missing Values')]).toBe('-9 THRU -6')
    expect(byName.get('score_overall')![column('Print Format')]).toBe('F8.2')
    expect(byName.get('comment')![column('Print Format')]).toBe('A40')

    // Value labels come as (variable label, value, label) with the variable named only on its first line.
    const labels: string[] = []
    let current = ''
    for (const [variable, value, label] of tables.get('Value Labels')!.slice(1)) {
      if (variable) current = variable
      if (value) labels.push(`${current}|${value}|${label}`)
    }
    const reach = FIXTURE_VARIABLES[3]!
    expect(labels).toContain(`${reach.label}|2|Some schools — a few`)
    expect(labels).toContain(`${reach.label}|3|Most schools “nearly all”`)
    expect(labels).toContain(`${reach.label}|-8[a]|Don’t know`) // [a]: PSPP's footnote for a user-missing value
    expect(labels).toContain(`${FIXTURE_VARIABLES[2]!.label}|-6[a]|Skipped`)
  })

  test('pspp-convert reads back every value of every row', () => {
    const [header, ...rows] = psppConvert(savPath)
    expect(header).toEqual(FIXTURE_VARIABLES.map((v) => v.name))
    expect(rows).toHaveLength(ROWS)
    rows.forEach((row, i) => {
      const expected = fixtureRow(i).map((value, j) =>
        value === null ? (FIXTURE_VARIABLES[j]!.type === 'numeric' ? ' ' : '') : String(value),
      )
      expect(row).toEqual(expected)
    })
  })
})

describe('SPSS .sav read by haven::read_sav', () => {
  test('values, variable labels, value labels and user-missing declarations match the dataset', () => {
    const read = readWithHaven(`read_sav(${JSON.stringify(savPath)}, user_na = TRUE)`, dir)
    expect(read.values).toHaveLength(ROWS)
    read.values.forEach((row, i) => {
      const expected = fixtureRow(i).map((value, j) =>
        value === null ? (FIXTURE_VARIABLES[j]!.type === 'numeric' ? 'NA' : '') : String(value),
      )
      expect(Object.values(row)).toEqual(expected)
    })
    for (const variable of FIXTURE_VARIABLES) {
      const meta = read.meta.filter((m) => m.variable === variable.name)
      expect(meta.find((m) => m.kind === 'label')?.text).toBe(variable.label)
      const valueLabels = meta.filter((m) => m.kind === 'value_label').map((m) => `${m.value}=${m.text}`)
      expect(valueLabels.sort()).toEqual((variable.valueLabels ?? []).map((l) => `${l.value}=${l.label}`).sort())
    }
    const missing = (name: string, kind: string) => read.meta.filter((m) => m.variable === name && m.kind === kind).map((m) => m.value)
    expect(missing('g_advisory_board', 'na_range')).toEqual(['-9', '-6'])
    expect(missing('pp_k12_partnerships_reach', 'na_values')).toEqual(['-9', '-8'])
    expect(missing('score_overall', 'na_values')).toEqual([])
  })
})

describe('SPSS .sav with very long strings (over 255 bytes, written in segments)', () => {
  // Multi-byte characters straddle the 255-byte segment boundaries on purpose.
  const long = (i: number, bytes: number) => {
    let text = `${i}:`
    while (new TextEncoder().encode(`${text}é—x`).byteLength <= bytes) text += 'é—x'
    return text
  }
  const variables: DatasetVariable[] = [
    { name: 'note_600', label: 'A long note', type: 'string', width: 600, measure: 'nominal' },
    { name: 'after', label: 'A number after it', type: 'numeric', decimals: 0, measure: 'scale' },
    { name: 'note_256', label: 'Just over', type: 'string', width: 256, measure: 'nominal' },
  ]
  const rows = (i: number): DatasetValue[] => [i % 3 === 0 ? null : long(i, 600 - (i % 7)), i, long(i, 256)]
  const path = join(dir, 'long.sav')

  beforeAll(async () => {
    const { sink, close } = fileSink(path)
    const dataset: LabelledDataset = {
      name: 'long',
      label: 'long',
      variables,
      rowCount: 20,
      async *rows() {
        for (let i = 0; i < 20; i++) yield rows(i)
      },
    }
    await writeSav(dataset, sink)
    await close()
  })

  test('PSPP and haven read the whole strings back, and the variable after them', () => {
    const [header, ...psppRows] = psppConvert(path)
    expect(header).toEqual(variables.map((v) => v.name))
    const expected = Array.from({ length: 20 }, (_, i) => rows(i).map((v) => (v === null ? '' : String(v))))
    expect(psppRows).toEqual(expected)

    const read = readWithHaven(`read_sav(${JSON.stringify(path)})`, dir)
    expect(read.values.map((r) => Object.values(r))).toEqual(expected)
    expect(read.meta.filter((m) => m.kind === 'label').map((m) => m.text)).toEqual(variables.map((v) => v.label))
  })
})
