import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { instrumentForDiscipline } from '../instrument/instrument-applicability'
import { validateInstrument } from '../instrument/instrument-validate'
import { answerability, areaStatus, minutesLeft, overallProgress, progressByArea, submissionBlockers, type StoredAnswer } from './response-progress'

const loaded = validateInstrument({
  id: 'test', title: 'Test',
  domains: [{ id: 'd', title: 'D', areas: [
    { id: 'a', title: 'Area A', items: [
      { id: 'a.has', kind: 'yes-no', text: 'Has?', office: 'deans-office' },
      { id: 'a.count', kind: 'number', unit: 'count', text: 'How many?', office: 'deans-office', showIf: 'a.has = yes', scored: false, required: true },
      { id: 'a.note', kind: 'free-text', text: 'Anything else?', office: 'deans-office', required: false },
    ] },
    { id: 'b', title: 'Area B', items: [
      { id: 'b.pa-only', kind: 'yes-no', text: 'PA only?', office: 'deans-office', disciplines: ['pa'] },
      { id: 'b.all', kind: 'yes-no', text: 'All?', office: 'deans-office' },
    ] },
  ] }],
})
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues))
const full = loaded.instrument
const md = instrumentForDiscipline(full, 'md')
const answers = (entries: Record<string, StoredAnswer['value']>, prefilled: string[] = []) =>
  new Map(Object.entries(entries).map(([id, value]) => [id, { value, prefilled: prefilled.includes(id) }]))

describe('progress', () => {
  test('a follow-up hidden by skip logic and an item of another discipline count neither as to do nor done', () => {
    const progress = progressByArea(md, answers({ 'a.has': false }))
    expect(progress).toEqual([{ areaId: 'a', answered: 1, total: 2, settled: 2, all: 3 }, { areaId: 'b', answered: 0, total: 1, settled: 0, all: 1 }])
    expect(overallProgress(progress)).toEqual({ answered: 1, total: 3, settled: 2, all: 4 })
  })
  test('opening a follow-up adds it to the work', () => {
    expect(progressByArea(md, answers({ 'a.has': true }))[0]).toEqual({ areaId: 'a', answered: 1, total: 3, settled: 1, all: 3 })
  })
  test('a follow-up waiting on an unanswered gate is not settled; once the gate says no, it is', () => {
    expect(progressByArea(md, answers({}))[0]).toMatchObject({ settled: 0 })
    expect(progressByArea(md, answers({ 'a.has': false }))[0]).toMatchObject({ settled: 2 })
  })
  test('the bar never moves backwards when a question is answered for the first time, however many follow-ups open', () => {
    const gated = validateInstrument({
      id: 'gated', title: 'Gated',
      domains: [{ id: 'd', title: 'D', areas: [{ id: 'g', title: 'G', items: [
        { id: 'g.gate', kind: 'yes-no', text: 'Gate?', office: 'deans-office' },
        { id: 'g.one', kind: 'number', unit: 'count', text: 'One?', office: 'deans-office', showIf: 'g.gate = yes', scored: false },
        { id: 'g.two', kind: 'number', unit: 'count', text: 'Two?', office: 'deans-office', showIf: 'g.gate = yes', scored: false },
        { id: 'g.deeper', kind: 'yes-no', text: 'Deeper?', office: 'deans-office', showIf: 'g.one > 2', scored: false },
        { id: 'g.other', kind: 'yes-no', text: 'Other?', office: 'deans-office' },
      ] }] }],
    })
    if (!gated.ok) throw new Error(JSON.stringify(gated.issues))
    const ids = ['g.gate', 'g.one', 'g.two', 'g.deeper', 'g.other']
    fc.assert(fc.property(fc.shuffledSubarray(ids, { minLength: 1 }), fc.boolean(), fc.integer({ min: 0, max: 5 }), (order, gate, one) => {
      const values: Record<string, StoredAnswer['value']> = { 'g.gate': gate, 'g.one': one, 'g.two': 1, 'g.deeper': true, 'g.other': false }
      const given = new Map<string, StoredAnswer>()
      let last = overallProgress(progressByArea(gated.instrument, given)).settled
      for (const id of order) {
        given.set(id, { value: values[id]!, prefilled: false })
        const now = overallProgress(progressByArea(gated.instrument, given)).settled
        expect(now).toBeGreaterThanOrEqual(last)
        last = now
      }
    }))
  })
  test('an area is not started, in progress or done by the questions that apply', () => {
    const [a] = progressByArea(md, answers({}))
    expect(areaStatus(a!)).toBe('not-started')
    expect(areaStatus(progressByArea(md, answers({ 'a.has': true }))[0]!)).toBe('in-progress')
    expect(areaStatus(progressByArea(md, answers({ 'a.has': false, 'a.note': 'x' }))[0]!)).toBe('done')
  })
  test('the time left counts only unanswered questions that apply, rounded up to minutes', () => {
    // yes-no 20 s + free text 180 s in area a (the follow-up is hidden), yes-no 20 s in b
    expect(minutesLeft(md, answers({}))).toBe(4)
    expect(minutesLeft(md, answers({}), 'a')).toBe(4)
    // the follow-up (a number, 90 s) opens; the gate is answered
    expect(minutesLeft(md, answers({ 'a.has': true }), 'a')).toBe(5)
    expect(minutesLeft(md, answers({ 'a.has': false, 'a.note': 'x', 'b.all': true }))).toBe(0)
  })
  test('answered never exceeds the total, whatever was answered', () => {
    const value = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: 0, max: 9 }), fc.constant({ escape: 'dont-know' as const }))
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('a.has', 'a.count', 'a.note', 'b.pa-only', 'b.all'), value), (given) => {
      for (const p of progressByArea(md, answers(given))) expect(p.answered).toBeLessThanOrEqual(p.total)
    }))
  })
})

describe('what blocks submission', () => {
  test('unanswered required items and unconfirmed pre-fills are listed by area; a clean response has none', () => {
    const blockers = submissionBlockers(md, answers({ 'a.has': true, 'b.all': true }, ['b.all']))
    expect(blockers).toEqual([
      { areaId: 'a', areaTitle: 'Area A', unanswered: ['a.count'], unconfirmed: [] },
      { areaId: 'b', areaTitle: 'Area B', unanswered: [], unconfirmed: ['b.all'] },
    ])
    expect(submissionBlockers(md, answers({ 'a.has': false, 'b.all': true }))).toEqual([])
  })
  test('"Don\'t know" counts as an answer', () => {
    expect(submissionBlockers(md, answers({ 'a.has': { escape: 'dont-know' }, 'b.all': false }))).toEqual([])
  })
})

describe('what may be answered', () => {
  test('hidden, other-discipline and unknown items are refused', () => {
    expect(answerability(full, md, 'md', 'a.count', answers({ 'a.has': false }))).toBe('hidden')
    expect(answerability(full, md, 'md', 'a.count', answers({ 'a.has': true }))).toBe('ok')
    expect(answerability(full, md, 'md', 'b.pa-only', answers({}))).toBe('not-applicable')
    expect(answerability(full, md, 'md', 'z.nothing', answers({}))).toBe('unknown')
  })
})
