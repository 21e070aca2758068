import { describe, expect, test } from 'vitest'
import { instrumentForDiscipline } from './instrument-applicability'
import { diffInstruments } from './instrument-diff'
import { readInstrumentForm } from './instrument-form'
import { itemsOf, maxPoints, type Instrument } from './instrument-model'
import { validateInstrument } from './instrument-validate'

const load = (raw: unknown): Instrument => {
  const r = validateInstrument(raw)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.instrument
}
const base = (items: unknown[], extraArea?: unknown) =>
  load({
    id: 't',
    title: 'T',
    domains: [{ id: 'd', title: 'D', areas: [{ id: 'a', title: 'A', items }, ...(extraArea ? [extraArea] : [])] }],
  })
const yn = (id: string, extra: object = {}) => ({ id, kind: 'yes-no', text: `${id}?`, office: 'hr', ...extra })
const ids = (i: Instrument) => itemsOf(i).map(({ item }) => item.id)

describe('applicability by discipline', () => {
  const instrument = base([yn('a.all'), yn('a.match', { disciplines: ['md', 'do'] }), yn('a.nclex', { disciplines: ['nursing-adn', 'nursing-bsn-msn'] })], {
    id: 'b', title: 'B', items: [yn('b.pa-only', { disciplines: ['pa'] })],
  })
  test('items without a list apply to everyone; listed items only to their disciplines; emptied areas disappear', () => {
    expect(ids(instrumentForDiscipline(instrument, 'md'))).toEqual(['a.all', 'a.match'])
    expect(ids(instrumentForDiscipline(instrument, 'nursing-adn'))).toEqual(['a.all', 'a.nclex'])
    expect(ids(instrumentForDiscipline(instrument, 'pa'))).toEqual(['a.all', 'b.pa-only'])
    expect(instrumentForDiscipline(instrument, 'dental').domains[0]!.areas.map((a) => a.id)).toEqual(['a'])
  })
})

describe('skip logic over a whole form', () => {
  const instrument = base([
    yn('a.gate'),
    yn('a.follow', { showIf: 'a.gate = yes' }),
    yn('a.deeper', { showIf: 'a.follow = yes' }),
    { id: 'a.n', kind: 'number', unit: 'percent', text: 'N?', office: 'hr', bands: [{ min: 0, points: 0 }, { min: 50, points: 1 }] },
  ])
  const visible = (fields: Record<string, string>) => [...readInstrumentForm(instrument, (n) => (fields[n] ? [fields[n]] : [])).visible]

  test('a follow-up shows once its gate says so, and hiding a question hides what hangs on it', () => {
    expect(visible({})).toEqual(['a.gate', 'a.n'])
    expect(visible({ 'a.gate': 'yes' })).toEqual(['a.gate', 'a.follow', 'a.n'])
    expect(visible({ 'a.gate': 'yes', 'a.follow': 'yes' })).toEqual(['a.gate', 'a.follow', 'a.deeper', 'a.n'])
    // The gate closes: the follow-up's stale "yes" no longer opens the deeper question.
    expect(visible({ 'a.gate': 'no', 'a.follow': 'yes' })).toEqual(['a.gate', 'a.n'])
    expect(visible({ 'a.gate': 'dont-know' })).toEqual(['a.gate', 'a.n'])
  })

  test('refused answers are listed by item and not used', () => {
    const read = readInstrumentForm(instrument, (n) => (n === 'a.n' ? ['140'] : []))
    expect([...read.errors]).toEqual([['a.n', 'A percentage is between 0 and 100.']])
    expect(read.answers.has('a.n')).toBe(false)
  })
})

describe('points and diffs', () => {
  test('the most an item can earn respects caps, bands and unscored items', () => {
    const instrument = base([
      { id: 'a.m', kind: 'multiple-choice', text: 'M', office: 'hr', cap: 2, options: [{ id: 'x', label: 'X', points: 1 }, { id: 'y', label: 'Y', points: 1 }, { id: 'z', label: 'Z', points: 1 }] },
      { id: 'a.n', kind: 'number', unit: 'count', text: 'N', office: 'hr', bands: [{ min: 0, points: 0 }, { min: 9, points: 3 }] },
      { id: 'a.l', kind: 'likert', text: 'L', office: 'hr', anchors: ['0', '1', '2', '3', '4'] },
      { id: 'a.t', kind: 'free-text', text: 'T', office: 'hr' },
    ])
    expect(itemsOf(instrument).map(({ item }) => maxPoints(item))).toEqual([2, 3, 4, 0])
  })

  test('two versions compare by item id: added, removed, changed with what changed', () => {
    const before = base([yn('a.same'), yn('a.gone'), yn('a.reworded'), yn('a.repointed')])
    const after = base([yn('a.same'), yn('a.reworded', { text: 'Now asked differently?' }), yn('a.repointed', { points: { yes: 2, no: 0 } }), yn('a.new')])
    expect(diffInstruments(before, after).map((r) => [r.id, r.change, r.what.join(', ')])).toEqual([
      ['a.same', 'same', ''],
      ['a.reworded', 'changed', 'question text'],
      ['a.repointed', 'changed', 'points'],
      ['a.new', 'added', ''],
      ['a.gone', 'removed', ''],
    ])
  })
})
