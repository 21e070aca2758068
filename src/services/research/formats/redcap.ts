import { stringify } from 'csv-stringify/sync'
import { parseCondition } from '../../../domain/instrument/condition-language'
import { tableCells } from '../../../domain/instrument/instrument-answers'
import { type Instrument, type Item, itemsOf } from '../../../domain/instrument/instrument-model'
import { redcapBranching } from '../../../domain/research/redcap-branching'
import { snakeCase, variableNames } from '../../../domain/research/variable-names'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'

/**
 * A REDCap data dictionary of an instrument version, so a research team can collect or import the same items in
 * REDCap. The columns are REDCap's documented data-dictionary columns, in order. One form per domain, a section
 * header where each area starts, field names from the same sanitiser as the research files, and codes equal to
 * the files' codes (yes-no 1/0, choices 1..n in order, scale points 1..5). Items map to REDCap field types:
 *   yes-no → yesno · single-choice, likert → radio · multiple-choice → checkbox · number → text with integer or
 *   number validation and its limits · free-text → notes · table → one integer text field per cell.
 * Skip conditions become branching logic where REDCap can say them; otherwise the field note says so. REDCap's
 * project-level "missing data codes" hold don't know / not applicable (-8 / -7), as the files do.
 */
export const REDCAP_COLUMNS = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
] as const

type Row = Partial<Record<(typeof REDCAP_COLUMNS)[number], string>>

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()
/** A choice label: REDCap splits choices on "|", so none may hold one. */
const choiceLabel = (text: string) => oneLine(text).replace(/\|/g, '/')
const choices = (labels: readonly string[], first = 1) => labels.map((label, i) => `${i + first}, ${choiceLabel(label)}`).join(' | ')

function fieldsOfItem(item: Item): { key: string | null; label: string }[] {
  if (item.kind !== 'table') return [{ key: null, label: item.text }]
  const rowLabel = new Map(item.rows.map((r) => [r.id, r.label]))
  const columnLabel = new Map(item.columns.map((c) => [c.id, c.label]))
  return tableCells(item).map((cell) => {
    const [row, column] = cell.split('.') as [string, string]
    return { key: cell, label: `${item.text}: ${rowLabel.get(row)} — ${columnLabel.get(column)}` }
  })
}

function typeColumns(item: Item): Row {
  switch (item.kind) {
    case 'yes-no':
      return { 'Field Type': 'yesno' }
    case 'single-choice':
      return { 'Field Type': 'radio', 'Choices, Calculations, OR Slider Labels': choices(item.options.map((o) => o.label)) }
    case 'likert':
      return { 'Field Type': 'radio', 'Choices, Calculations, OR Slider Labels': choices(item.anchors) }
    case 'multiple-choice':
      return { 'Field Type': 'checkbox', 'Choices, Calculations, OR Slider Labels': choices(item.options.map((o) => o.label)) }
    case 'free-text':
      return { 'Field Type': 'notes' }
    case 'table':
      return { 'Field Type': 'text', 'Text Validation Type OR Show Slider Number': 'integer', 'Text Validation Min': '0' }
    case 'number': {
      const min = item.min ?? (item.unit === 'decimal' ? undefined : 0)
      const max = item.max ?? (item.unit === 'percent' ? 100 : undefined)
      return {
        'Field Type': 'text',
        'Text Validation Type OR Show Slider Number': item.unit === 'count' ? 'integer' : 'number',
        'Text Validation Min': min === undefined ? '' : String(min),
        'Text Validation Max': max === undefined ? '' : String(max),
      }
    }
  }
}

/** The REDCap data dictionary (CSV text, CRLF) of this instrument version. */
export function redcapDictionary(instrument: Instrument): string {
  const entries = itemsOf(instrument)
  const keys = entries.flatMap(({ item }) => fieldsOfItem(item).map((f) => (f.key === null ? ([item.id] as const) : ([item.id, f.key] as const))))
  const names = variableNames(keys)
  const nameOf = new Map(keys.map((key, i) => [key.join('\u0000'), names[i]!]))
  const fieldName = (itemId: string, key: string | null) => nameOf.get(key === null ? itemId : `${itemId}\u0000${key}`)!
  const byId = new Map(entries.map(({ item }) => [item.id, item]))
  const fieldOf = (itemId: string) => {
    const item = byId.get(itemId)
    return item && item.kind !== 'table' ? { item, name: fieldName(itemId, null) } : undefined
  }

  const firstForm = snakeCase(instrument.domains[0]?.id ?? 'instrument')
  const rows: Row[] = [{ 'Variable / Field Name': 'record_id', 'Form Name': firstForm, 'Field Type': 'text', 'Field Label': 'Record ID' }]
  let lastArea = ''
  for (const { item, area, domain } of entries) {
    const branching = item.showIf ? translateShowIf(item.showIf, fieldOf) : { logic: '', note: '' }
    const notes = [
      item.help ? oneLine(item.help) : '',
      item.disciplines ? `Asked of ${item.disciplines.map((d) => DISCIPLINE_LABELS[d]).join(', ')} only.` : '',
      [item.dontKnow ? 'don’t know (-8)' : '', item.notApplicable ? 'not applicable (-7)' : ''].filter(Boolean).join(' and '),
      branching.note,
    ]
    const escapes = notes[2] ? `May be answered ${notes[2]}.` : ''
    const fieldNote = [notes[0], notes[1], escapes, notes[3]].filter(Boolean).join(' ')
    for (const part of fieldsOfItem(item)) {
      rows.push({
        'Variable / Field Name': fieldName(item.id, part.key),
        'Form Name': snakeCase(domain.id),
        'Section Header': area.id !== lastArea ? oneLine(area.title) : '',
        ...typeColumns(item),
        'Field Label': oneLine(part.label),
        'Field Note': fieldNote,
        'Branching Logic (Show field only if...)': branching.logic,
        'Required Field?': item.required && item.kind !== 'table' ? 'y' : '',
        'Field Annotation': `SMM item ${item.id}${part.key ? ` cell ${part.key}` : ''}`,
      })
      lastArea = area.id
    }
  }
  return stringify([[...REDCAP_COLUMNS], ...rows.map((row) => REDCAP_COLUMNS.map((column) => row[column] ?? ''))], {
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  })
}

function translateShowIf(source: string, fieldOf: Parameters<typeof redcapBranching>[1]): { logic: string; note: string } {
  const parsed = parseCondition(source)
  const result = parsed.ok ? redcapBranching(parsed.condition, fieldOf) : { ok: false as const, reason: parsed.message }
  if (result.ok) return { logic: result.logic, note: '' }
  return { logic: '', note: `Shown only if ${oneLine(source)}: not translatable to REDCap branching logic (${result.reason}); set it by hand.` }
}
