import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, test } from 'vitest'
import { writeSav } from '../../src/services/research/formats'
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
    requireReader('pspp-convert')
    const csvPath = join(dir, 'converted.csv')
    run('pspp-convert', [savPath, csvPath])
    const [header, ...rows] = parse(readFileSync(csvPath, 'utf8')) as string[][]
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
