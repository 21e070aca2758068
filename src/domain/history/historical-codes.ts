import { tableCells, validateAnswer, type Answer } from '../instrument/instrument-answers'
import { ITEM_KIND_LABELS, type Item } from '../instrument/instrument-model'

// The codes a historical round's CSV uses for answers, one cell per item (decision 095). Written so a person can
// type them from an old spreadsheet: words and ids rather than JSON. Every decoded value then goes through the
// workspace's own `validateAnswer`, so an imported answer is exactly as valid as one typed on the platform.

export const DONT_KNOW_CODE = 'dk'
export const NOT_APPLICABLE_CODE = 'na'
/** Separates the options of a multiple choice and the cells of a table within one CSV cell. */
export const LIST_SEPARATOR = ';'
/** A multiple choice where no option was ticked. */
export const NONE_CODE = 'none'

export type CellDecode = { ok: true; answer: Answer } | { ok: false; message: string }

const NUMBER = /^-?\d+(\.\d+)?$/

/** One non-blank cell as the answer to `item`, or a message saying what the cell should have held. */
export function decodeAnswerCell(item: Item, raw: string): CellDecode {
  const cell = raw.trim()
  const code = cell.toLowerCase()
  if (code === DONT_KNOW_CODE) return checked(item, { escape: 'dont-know' })
  if (code === NOT_APPLICABLE_CODE) return checked(item, { escape: 'not-applicable' })
  switch (item.kind) {
    case 'yes-no':
      if (code === 'yes' || code === 'no') return checked(item, code === 'yes')
      return { ok: false, message: `“${cell}” is not an answer to a yes/no question: use yes, no${escapesOf(item)}.` }
    case 'single-choice':
      if (item.options.some((o) => o.id === code)) return checked(item, code)
      return { ok: false, message: `“${cell}” is not one of the options: use ${item.options.map((o) => o.id).join(', ')}${escapesOf(item)}.` }
    case 'multiple-choice': {
      if (code === NONE_CODE) return checked(item, [])
      const ids = code.split(LIST_SEPARATOR).map((id) => id.trim()).filter((id) => id !== '')
      const unknown = ids.filter((id) => !item.options.some((o) => o.id === id))
      if (unknown.length > 0) return { ok: false, message: `“${unknown.join(', ')}” is not among the options: use ${item.options.map((o) => o.id).join(', ')}, separated by “${LIST_SEPARATOR}”, or ${NONE_CODE}${escapesOf(item)}.` }
      return checked(item, ids)
    }
    case 'number':
    case 'likert':
      if (!NUMBER.test(cell)) return { ok: false, message: `“${cell}” is not a number: write it with digits and a decimal point, e.g. 42 or 12.5${escapesOf(item)}.` }
      return checked(item, Number(cell))
    case 'free-text':
      return checked(item, cell)
    case 'table':
      return decodeTable(item, cell)
  }
}

function decodeTable(item: Extract<Item, { kind: 'table' }>, cell: string): CellDecode {
  const value: Record<string, number> = {}
  const known = new Set(tableCells(item))
  for (const part of cell.split(LIST_SEPARATOR).map((p) => p.trim()).filter((p) => p !== '')) {
    const [key = '', count = ''] = part.split('=').map((s) => s.trim())
    if (!known.has(key)) return { ok: false, message: `“${key}” is not a cell of this table: use row.column=count with ${[...known].join(', ')}.` }
    if (!/^\d+$/.test(count)) return { ok: false, message: `The count for ${key} must be a whole number, not “${count}”.` }
    value[key] = Number(count)
  }
  return checked(item, value)
}

function checked(item: Item, value: unknown): CellDecode {
  const result = validateAnswer(item, value)
  return result.ok ? result : { ok: false, message: result.message }
}

const escapesOf = (item: Item) =>
  `${item.dontKnow ? `, ${DONT_KNOW_CODE} (don’t know)` : ''}${item.notApplicable ? `, ${NOT_APPLICABLE_CODE} (not applicable)` : ''}`

/** What a cell for this item may hold, in words, for the codebook. */
export function codebookEntry(item: Item): { kind: string; codes: string } {
  const escapes = [item.dontKnow ? `${DONT_KNOW_CODE} = don’t know` : null, item.notApplicable ? `${NOT_APPLICABLE_CODE} = not applicable` : null].filter(Boolean)
  const codes = (() => {
    switch (item.kind) {
      case 'yes-no':
        return 'yes · no'
      case 'single-choice':
        return item.options.map((o) => `${o.id} = ${o.label}`).join(' · ')
      case 'multiple-choice':
        return `option ids separated by “${LIST_SEPARATOR}” (${NONE_CODE} = none ticked): ${item.options.map((o) => `${o.id} = ${o.label}`).join(' · ')}`
      case 'number': {
        const unit = item.unit === 'count' ? 'a whole number, 0 or more' : item.unit === 'percent' ? 'a percentage, 0–100' : 'a number'
        return `${unit}${item.min !== undefined ? `, at least ${item.min}` : ''}${item.max !== undefined ? `, at most ${item.max}` : ''}`
      }
      case 'likert':
        return item.anchors.map((a, i) => `${i} = ${a}`).join(' · ')
      case 'free-text':
        return `any text, at most ${item.maxLength} characters (not scored)`
      case 'table':
        return `row.column=count separated by “${LIST_SEPARATOR}”, cells: ${tableCells(item).join(', ')}`
    }
  })()
  return { kind: ITEM_KIND_LABELS[item.kind], codes: [codes, ...escapes].join(' · ') }
}
