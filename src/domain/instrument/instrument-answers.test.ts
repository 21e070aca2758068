import { describe, expect, test } from 'vitest'
import { answerFromForm } from './answer-form'
import { formItemOf } from './instrument-form'
import { validateAnswer } from './instrument-answers'
import { validateInstrument } from './instrument-validate'
import type { Item } from './instrument-model'

const loaded = validateInstrument({
  id: 't',
  title: 'T',
  domains: [{ id: 'd', title: 'D', areas: [{ id: 'a', title: 'A', items: [
    { id: 'a.yn', kind: 'yes-no', text: 'Q', office: 'hr' },
    { id: 'a.one', kind: 'single-choice', text: 'Q', office: 'hr', notApplicable: true, options: [{ id: 'x', label: 'X', points: 1 }, { id: 'y', label: 'Y' }] },
    { id: 'a.many', kind: 'multiple-choice', text: 'Q', office: 'hr', options: [{ id: 'x', label: 'X', points: 1 }, { id: 'y', label: 'Y', points: 1 }] },
    { id: 'a.count', kind: 'number', unit: 'count', text: 'Q', office: 'hr', bands: [{ min: 0, points: 1 }] },
    { id: 'a.pct', kind: 'number', unit: 'percent', text: 'Q', office: 'hr', bands: [{ min: 0, points: 1 }] },
    { id: 'a.dec', kind: 'number', unit: 'decimal', min: -5, max: 5, text: 'Q', office: 'hr', scored: false },
    { id: 'a.scale', kind: 'likert', text: 'Q', office: 'hr', anchors: ['0', '1', '2', '3', '4'] },
    { id: 'a.text', kind: 'free-text', text: 'Q', office: 'hr', maxLength: 10 },
    { id: 'a.table', kind: 'table', text: 'Q', office: 'hr', rows: [{ id: 'r', label: 'R' }], columns: [{ id: 'c', label: 'C' }, { id: 'd', label: 'D' }], scored: false },
  ] }] }],
})
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues))
const item = (id: string) => loaded.instrument.domains[0]!.areas[0]!.items.find((i) => i.id === `a.${id}`)!
const check = (id: string, value: unknown) => {
  const r = validateAnswer(item(id), value)
  return r.ok ? 'ok' : r.message
}

describe('validateAnswer, kind by kind', () => {
  test.each<[string, unknown, string]>([
    ['yn', true, 'ok'],
    ['yn', 'yes', 'Choose yes or no.'],
    ['one', 'x', 'ok'],
    ['one', 'z', 'Choose one of the options.'],
    ['many', ['x', 'y'], 'ok'],
    ['many', [], 'ok'],
    ['many', ['x', 'x'], 'Each option can be ticked once.'],
    ['many', ['q'], 'Choose among the options shown.'],
    ['count', 12, 'ok'],
    ['count', 1.5, 'Enter a whole number (a count).'],
    ['count', -1, 'Enter 0 or more.'],
    ['count', 'ten', 'Enter a number, e.g. 42.'],
    ['count', 1_000_000, 'ok'],
    ['count', 1_000_001, 'Enter 1,000,000 or less.'],
    ['count', 2 ** 60, 'Enter 1,000,000 or less.'],
    ['count', Number.POSITIVE_INFINITY, 'Enter a number, e.g. 42.'],
    ['pct', 99.5, 'ok'],
    ['pct', 140, 'A percentage is between 0 and 100.'],
    ['pct', -3, 'A percentage is between 0 and 100.'],
    ['dec', -4.5, 'ok'],
    ['dec', 6, 'Enter 5 or less.'],
    ['dec', Number.NaN, 'Enter a number, e.g. 42.'],
    ['scale', 4, 'ok'],
    ['scale', 5, 'Choose a point on the scale.'],
    ['scale', 2.5, 'Choose a point on the scale.'],
    ['text', 'Fine', 'ok'],
    ['text', '   ', 'Enter some text.'],
    ['text', 'far too long text', 'Keep it under 10 characters.'],
    ['table', { 'r.c': 3, 'r.d': 0 }, 'ok'],
    ['table', { 'r.c': 3 }, 'ok'],
    ['table', { 'r.c': -3 }, 'Counts cannot be negative.'],
    ['table', { 'r.c': 2.5 }, 'Enter whole numbers only.'],
    ['table', { 'r.c': 1e15 }, 'Enter 1,000,000 or less in each cell.'],
  ])('%s: %j → %s', (id, value, expected) => {
    expect(check(id, value)).toBe(expected)
  })

  test('escapes are accepted only where the item offers them', () => {
    expect(check('yn', { escape: 'dont-know' })).toBe('ok')
    expect(check('yn', { escape: 'not-applicable' })).toBe('“Not applicable” is not offered for this question.')
    expect(check('one', { escape: 'not-applicable' })).toBe('ok')
    expect(check('text', { escape: 'dont-know' })).toBe('“Don’t know” is not offered for this question.')
  })
})

describe('answerFromForm reads what a browser sends', () => {
  const read = (id: string, fields: Record<string, string[]>) => answerFromForm(formItemOf(item(id) as Item), (n) => fields[n] ?? [])
  test('each kind becomes its answer value; blank is no answer', () => {
    expect(read('yn', { 'a.yn': ['no'] })).toEqual({ ok: true, answer: false })
    expect(read('yn', {})).toEqual({ ok: true, answer: undefined })
    expect(read('one', { 'a.one': ['y'] })).toEqual({ ok: true, answer: 'y' })
    expect(read('many', { 'a.many': ['x', 'y'] })).toEqual({ ok: true, answer: ['x', 'y'] })
    expect(read('count', { 'a.count': [' 1,250 '] })).toEqual({ ok: true, answer: 1250 })
    expect(read('pct', { 'a.pct': ['45%'] })).toEqual({ ok: true, answer: 45 })
    expect(read('scale', { 'a.scale': ['3'] })).toEqual({ ok: true, answer: 3 })
    expect(read('text', { 'a.text': ['Hello'] })).toEqual({ ok: true, answer: 'Hello' })
    expect(read('table', { 'a.table.r.c': ['4'], 'a.table.r.d': [''] })).toEqual({ ok: true, answer: { 'r.c': 4 } })
    expect(read('table', {})).toEqual({ ok: true, answer: undefined })
  })

  test('escapes arrive as radio values or as the .escape field; mixing them with an answer is refused', () => {
    expect(read('yn', { 'a.yn': ['dont-know'] })).toEqual({ ok: true, answer: { escape: 'dont-know' } })
    expect(read('count', { 'a.count.escape': ['dont-know'] })).toEqual({ ok: true, answer: { escape: 'dont-know' } })
    expect(read('count', { 'a.count': ['3'], 'a.count.escape': ['dont-know'] })).toEqual({ ok: false, message: 'Give an answer or tick “Don’t know”, not both.' })
    expect(read('table', { 'a.table.r.c': ['3'], 'a.table.escape': ['not-applicable'] })).toMatchObject({ ok: false })
    expect(read('count', { 'a.count.escape': ['dont-know', 'not-applicable'] })).toEqual({ ok: false, message: 'Choose either “Don’t know” or “Not applicable”, not both.' })
  })

  test('text where a number belongs is refused with a plain message', () => {
    expect(read('count', { 'a.count': ['about ten'] })).toEqual({ ok: false, message: 'Enter a number, e.g. 42.' })
    expect(read('yn', { 'a.yn': ['maybe'] })).toEqual({ ok: false, message: 'Choose yes or no.' })
  })
})
