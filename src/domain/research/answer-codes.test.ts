import { describe, expect, test } from 'vitest'
import { ItemSchema, type Item } from '../instrument/instrument-model'
import { encodeItem, itemParts, missingCodesOf } from './answer-codes'

const item = (raw: Record<string, unknown>) => {
  const parsed = ItemSchema.parse({ id: 'area.q', text: 'Q?', office: 'deans-office', ...raw })
  return { ...parsed, scored: true, required: false, dontKnow: raw['dontKnow'] === true } as Item
}

describe('answers as codes', () => {
  test('each kind of item gives its codes, and escapes and gaps their distinct codes', () => {
    const yesNo = item({ kind: 'yes-no', dontKnow: true })
    expect([encodeItem(yesNo, { kind: 'answered', answer: true }), encodeItem(yesNo, { kind: 'answered', answer: false })]).toEqual([[1], [0]])
    expect(encodeItem(yesNo, { kind: 'answered', answer: { escape: 'dont-know' } })).toEqual([-8])
    expect(encodeItem(yesNo, { kind: 'missing' })).toEqual([-9])
    expect(encodeItem(yesNo, { kind: 'skipped' })).toEqual([-6])
    expect(missingCodesOf(yesNo)).toEqual([-9, -8, -6])

    const choice = item({ kind: 'single-choice', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], notApplicable: true })
    expect(encodeItem(choice, { kind: 'answered', answer: 'b' })).toEqual([2])
    expect(encodeItem(choice, { kind: 'answered', answer: { escape: 'not-applicable' } })).toEqual([-7])

    const many = item({ kind: 'multiple-choice', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] })
    expect(itemParts(many).map((p) => p.key)).toEqual(['a', 'b', 'c'])
    expect(encodeItem(many, { kind: 'answered', answer: ['c', 'a'] })).toEqual([1, 0, 1])
    expect(encodeItem(many, { kind: 'skipped' })).toEqual([-6, -6, -6])

    const likert = item({ kind: 'likert', anchors: ['0', '1', '2', '3', '4'] })
    expect(encodeItem(likert, { kind: 'answered', answer: 0 })).toEqual([1])

    const table = item({ kind: 'table', rows: [{ id: 'r', label: 'R' }], columns: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] })
    expect(encodeItem(table, { kind: 'answered', answer: { 'r.x': 12 } })).toEqual([12, -9])

    expect(itemParts(item({ kind: 'free-text' }))).toEqual([])
  })
})
