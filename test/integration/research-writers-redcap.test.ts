import { readFileSync } from 'node:fs'
import { parse as parseCsv } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { tableCells } from '../../src/domain/instrument/instrument-answers'
import { itemsOf, type Instrument } from '../../src/domain/instrument/instrument-model'
import { validateInstrument } from '../../src/domain/instrument/instrument-validate'
import { isValidVariableName } from '../../src/domain/research/variable-names'
import { REDCAP_COLUMNS, redcapDictionary } from '../../src/services/research/formats'

// REDCap's documented data-dictionary header, as REDCap's own template files spell it.
const REDCAP_HEADER =
  'Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"Choices, Calculations, OR Slider Labels",Field Note,' +
  'Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),' +
  'Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation'

function instrument(file: string): Instrument {
  const result = validateInstrument(parseYaml(readFileSync(`instruments/${file}`, 'utf8')))
  if (!result.ok) throw new Error(`${file} does not validate`)
  return result.instrument
}

describe.each(['smm-2019.yaml', 'smm-2024.yaml'])('REDCap data dictionary of %s', (file) => {
  const version = instrument(file)
  const csv = redcapDictionary(version)
  const [header, ...rows] = parseCsv(csv) as string[][]
  const column = (name: (typeof REDCAP_COLUMNS)[number]) => (row: string[]) => row[REDCAP_COLUMNS.indexOf(name)]!
  const name = column('Variable / Field Name')
  const type = column('Field Type')

  test('the header is exactly REDCap’s', () => {
    expect(csv.split('\r\n')[0]).toBe(REDCAP_HEADER)
    expect(header).toHaveLength(18)
  })

  test('record_id first, then one field per item (one per cell of a table), with valid unique names', () => {
    expect(name(rows[0]!)).toBe('record_id')
    const expected = itemsOf(version).reduce((n, { item }) => n + (item.kind === 'table' ? tableCells(item).length : 1), 0)
    expect(rows).toHaveLength(expected + 1)
    const names = rows.map(name)
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(isValidVariableName(n), n).toBe(true)
    for (const row of rows) expect(column('Form Name')(row)).toMatch(/^[a-z][a-z0-9_]*$/)
  })

  test('item kinds map to REDCap field types, choices coded 1..n as "1, Label | 2, Label"', () => {
    const byAnnotation = new Map(rows.map((r) => [column('Field Annotation')(r), r]))
    for (const { item } of itemsOf(version)) {
      const row = byAnnotation.get(`SMM item ${item.id}`) ?? byAnnotation.get(`SMM item ${item.id} cell ${item.kind === 'table' ? tableCells(item)[0] : ''}`)!
      const choices = column('Choices, Calculations, OR Slider Labels')(row)
      switch (item.kind) {
        case 'yes-no':
          expect(type(row)).toBe('yesno') // REDCap's own 1 = Yes, 0 = No, the files' codes
          break
        case 'single-choice':
          expect(type(row)).toBe('radio')
          expect(choices).toBe(item.options.map((o, i) => `${i + 1}, ${o.label.replace(/\s+/g, ' ').trim()}`).join(' | '))
          break
        case 'likert':
          expect(type(row)).toBe('radio')
          expect(choices.split(' | ').map((c) => c.split(', ')[0])).toEqual(['1', '2', '3', '4', '5'])
          break
        case 'multiple-choice':
          expect(type(row)).toBe('checkbox')
          expect(choices.startsWith(`1, ${item.options[0]!.label}`)).toBe(true)
          break
        case 'number':
          expect(type(row)).toBe('text')
          expect(column('Text Validation Type OR Show Slider Number')(row)).toBe(item.unit === 'count' ? 'integer' : 'number')
          break
        case 'free-text':
          expect(type(row)).toBe('notes')
          break
        case 'table':
          expect(type(row)).toBe('text')
          expect(column('Text Validation Type OR Show Slider Number')(row)).toBe('integer')
          break
      }
    }
  })

  test('every skip condition is branching logic on fields of the dictionary, or a note saying it is not', () => {
    const names = new Set(rows.map(name))
    for (const { item } of itemsOf(version).filter(({ item }) => item.showIf)) {
      const row = rows.find((r) => column('Field Annotation')(r).startsWith(`SMM item ${item.id}`))!
      const logic = column('Branching Logic (Show field only if...)')(row)
      if (logic) {
        for (const [, field] of logic.matchAll(/\[([a-z0-9_]+)(?:\(\d+\))?\]/g)) expect(names.has(field!), `${item.id}: ${logic}`).toBe(true)
      } else {
        expect(column('Field Note')(row)).toMatch(/not translatable to REDCap branching logic/)
      }
    }
    // Both versions have conditions REDCap can say, so some logic must come out.
    expect(rows.filter((r) => column('Branching Logic (Show field only if...)')(r)).length).toBeGreaterThan(0)
  })

  test('a section header where each area starts, one form per domain', () => {
    const headers = rows.map(column('Section Header')).filter(Boolean)
    const areas = version.domains.flatMap((d) => d.areas).filter((a) => a.items.length > 0)
    expect(headers).toEqual(areas.map((a) => a.title.replace(/\s+/g, ' ').trim()))
    expect(new Set(rows.map(column('Form Name'))).size).toBe(version.domains.length)
  })
})
