import { describe, expect, test } from 'vitest'
import { scoringFixture } from '../scoring/scoring-fixture'
import { scoresFromAreas } from '../scoring/response-score'
import { codebookEntry, decodeAnswerCell } from './historical-codes'
import { historicalTemplateHeader, planHistoricalImport, type DirectorySchool } from './historical-csv-plan'
import { findItem } from '../instrument/instrument-model'

const instrument = scoringFixture()
const item = (id: string) => findItem(instrument, id)!.item
const md: DirectorySchool = { id: '11111111-1111-4111-8111-111111111111', name: 'Alpha Medical', ipedsUnitId: 100001, discipline: 'md' }
const dental: DirectorySchool = { id: '22222222-2222-4222-8222-222222222222', name: 'Alpha Dental', ipedsUnitId: 100001, discipline: 'dental' }
const other: DirectorySchool = { id: '33333333-3333-4333-8333-333333333333', name: 'Beta Medical', ipedsUnitId: 100002, discipline: 'md' }
const directory = [md, dental, other]

describe('answer codes', () => {
  test('each kind reads its documented codes', () => {
    expect(decodeAnswerCell(item('kinds.yes'), ' Yes ')).toEqual({ ok: true, answer: true })
    expect(decodeAnswerCell(item('kinds.yes'), 'na')).toEqual({ ok: true, answer: { escape: 'not-applicable' } })
    expect(decodeAnswerCell(item('kinds.single'), 'high')).toEqual({ ok: true, answer: 'high' })
    expect(decodeAnswerCell(item('kinds.multi'), 'a; c')).toEqual({ ok: true, answer: ['a', 'c'] })
    expect(decodeAnswerCell(item('kinds.multi'), 'none')).toEqual({ ok: true, answer: [] })
    expect(decodeAnswerCell(item('kinds.number'), '12.5')).toEqual({ ok: true, answer: 12.5 })
    expect(decodeAnswerCell(item('kinds.likert'), '3')).toEqual({ ok: true, answer: 3 })
    expect(decodeAnswerCell(item('kinds.table'), 'urm.n=4;all.n=20')).toEqual({ ok: true, answer: { 'urm.n': 4, 'all.n': 20 } })
    expect(decodeAnswerCell(item('kinds.single'), 'DK')).toEqual({ ok: true, answer: { escape: 'dont-know' } })
  })

  test('a wrong code says what the cell may hold', () => {
    expect(decodeAnswerCell(item('kinds.single'), 'medium')).toEqual({ ok: false, message: '“medium” is not one of the options: use low, mid, high, dk (don’t know).' })
    expect(decodeAnswerCell(item('kinds.number'), '120')).toEqual({ ok: false, message: 'A percentage is between 0 and 100.' })
    expect(decodeAnswerCell(item('kinds.number'), '1,200')).toMatchObject({ ok: false, message: expect.stringContaining('is not a number') })
    expect(decodeAnswerCell(item('gated.has-plan'), 'na')).toEqual({ ok: false, message: '“Not applicable” is not offered for this question.' })
    expect(decodeAnswerCell(item('kinds.table'), 'urm.x=4')).toMatchObject({ ok: false, message: expect.stringContaining('not a cell of this table') })
  })

  test('the codebook lists the options of a choice and the escapes an item offers', () => {
    expect(codebookEntry(item('kinds.single'))).toEqual({ kind: 'Single choice', codes: 'low = Low · mid = Mid · high = High · dk = don’t know' })
    expect(codebookEntry(item('kinds.yes')).codes).toBe('yes · no · dk = don’t know · na = not applicable')
  })
})

describe('planning a historical import', () => {
  const header = ['school_id', 'ipeds_unit_id', 'discipline', 'school_name', 'kinds.yes', 'kinds.single', 'gated.dental-only', 'kinds', 'solo']

  test('rows match schools by id or IPEDS unit id and read as answers or as area scores', () => {
    const plan = planHistoricalImport(instrument, header, [
      { school_id: md.id, 'kinds.yes': 'yes', 'kinds.single': 'mid' },
      { ipeds_unit_id: '100001', discipline: 'dental', 'gated.dental-only': 'no' },
      { ipeds_unit_id: '100002', kinds: '75', solo: '12.5' },
    ], directory)
    expect(plan).toEqual({
      ok: true,
      problems: [],
      rows: [
        { row: 2, school: md, kind: 'answers', answers: [{ itemId: 'kinds.yes', value: true }, { itemId: 'kinds.single', value: 'mid' }] },
        { row: 3, school: dental, kind: 'answers', answers: [{ itemId: 'gated.dental-only', value: false }] },
        { row: 4, school: other, kind: 'area-scores', areas: { kinds: 75, solo: 12.5 } },
      ],
    })
  })

  test('every problem is named by row and column', () => {
    const plan = planHistoricalImport(instrument, header, [
      { ipeds_unit_id: '999999', 'kinds.yes': 'yes' },
      { ipeds_unit_id: '100001', 'kinds.yes': 'yes' },
      { school_id: md.id, 'kinds.yes': 'maybe', 'gated.dental-only': 'yes' },
      { school_id: other.id, kinds: '101' },
      { ipeds_unit_id: '100002', solo: '50' },
      { school_id: dental.id, 'kinds.yes': 'yes', kinds: '50' },
      { school_id: '44444444-4444-4444-8444-444444444444', discipline: '' },
    ], directory)
    expect(plan.ok && plan.problems).toEqual([
      { row: 2, field: 'ipeds_unit_id', message: 'No school in the directory has IPEDS unit id 999999. Add it to the directory first.' },
      { row: 3, field: 'discipline', message: 'IPEDS unit id 100001 belongs to several schools: Alpha Medical (md), Alpha Dental (dental). Fill in the discipline column or use school_id.' },
      { row: 4, field: 'kinds.yes', message: '“maybe” is not an answer to a yes/no question: use yes, no, dk (don’t know), na (not applicable).' },
      { row: 4, field: 'gated.dental-only', message: 'This question is not asked of Medicine (MD) schools; leave it blank.' },
      { row: 5, field: 'kinds', message: 'An area score is a number from 0 to 100, not “101”.' },
      { row: 6, field: null, message: 'Duplicate: row 5 is already Beta Medical; give each school one row.' },
      { row: 7, field: null, message: 'Give either item answers or area scores for a school, not both.' },
      { row: 8, field: 'school_id', message: 'No school in the directory has the id “44444444-4444-4444-8444-444444444444”.' },
    ])
  })

  test('a file whose columns are not of this instrument is refused as a whole', () => {
    expect(planHistoricalImport(instrument, ['school_id', 'kinds.yes', 'curriculum.sdoh'], [{}], directory)).toEqual({
      ok: false,
      message: 'These columns are not item ids or area ids of scoring-fixture: curriculum.sdoh. Download the template for scoring-fixture to see the right headers.',
    })
    expect(planHistoricalImport(instrument, ['school_name', 'kinds.yes'], [{}], directory)).toMatchObject({ ok: false, message: expect.stringContaining('needs a school_id or an ipeds_unit_id') })
  })

  test('the templates list the identity columns, then every item id or every area id', () => {
    expect(historicalTemplateHeader(instrument, 'area-scores')).toEqual(['school_id', 'ipeds_unit_id', 'discipline', 'school_name', 'kinds', 'gated', 'solo'])
    expect(historicalTemplateHeader(instrument, 'answers')).toContain('kinds.table')
  })
})

test('area scores alone give domain scores and an overall score that is the weighted mean of the areas', () => {
  // Alpha (weight 2) has areas 80 and 60, Beta (weight 1) has 20: overall (80·2 + 60·2 + 20·1) ÷ 5 = 60.
  expect(scoresFromAreas(instrument, (id) => ({ kinds: 80, gated: 60, solo: 20 } as Record<string, number>)[id] ?? null)).toEqual({ areas: { kinds: 80, gated: 60, solo: 20 }, domains: { alpha: 70, beta: 20 }, overall: 60 })
  expect(scoresFromAreas(instrument, (id) => (id === 'kinds' ? 80 : null))).toEqual({ areas: { kinds: 80, gated: null, solo: null }, domains: { alpha: 80, beta: null }, overall: 80 })
})
