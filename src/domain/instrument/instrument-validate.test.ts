import { describe, expect, test } from 'vitest'
import { validateInstrument } from './instrument-validate'

type Raw = Record<string, unknown>
const gate = { id: 'area-one.gate', kind: 'yes-no', text: 'Gate?', office: 'deans-office' }
/** A small valid instrument, with `items` replacing the items of its only area. */
const instrument = (items: Raw[] = [gate], extra: Raw = {}) => ({
  id: 'test-v1',
  title: 'Test',
  domains: [{ id: 'domain-one', title: 'Domain one', areas: [{ id: 'area-one', title: 'Area one', items }] }],
  ...extra,
})
const problems = (raw: unknown) => {
  const result = validateInstrument(raw)
  return result.ok ? [] : result.issues.map((i) => `${i.itemId ?? '-'} @ ${i.path.join('.')}: ${i.message}`)
}

describe('a valid instrument', () => {
  test('loads every item kind with its defaults settled', () => {
    const result = validateInstrument(
      instrument([
        gate,
        { id: 'area-one.choice', kind: 'single-choice', text: 'C?', office: 'hr', options: [{ id: 'a', label: 'A', points: 1 }, { id: 'b', label: 'B' }] },
        { id: 'area-one.many', kind: 'multiple-choice', text: 'M?', office: 'hr', cap: 1, options: [{ id: 'a', label: 'A', points: 1 }, { id: 'b', label: 'B', points: 1 }] },
        { id: 'area-one.count', kind: 'number', unit: 'count', text: 'N?', office: 'finance', bands: [{ min: 0, points: 0 }, { min: 5, points: 2 }] },
        { id: 'area-one.scale', kind: 'likert', text: 'L?', office: 'curriculum', anchors: ['0', '1', '2', '3', '4'] },
        { id: 'area-one.notes', kind: 'free-text', text: 'T?', office: 'curriculum' },
        {
          id: 'area-one.table', kind: 'table', text: 'Tb?', office: 'hr',
          rows: [{ id: 'total', label: 'All' }, { id: 'urip', label: 'URiP' }], columns: [{ id: 'n', label: 'N' }],
          ratio: { numerator: ['urip.n'], denominator: ['total.n'], bands: [{ min: 0, points: 0 }, { min: 20, points: 2 }] },
        },
        { id: 'area-one.follow', kind: 'yes-no', text: 'F?', office: 'hr', showIf: "area-one.gate = yes and area-one.choice != 'b' and area-one.count > 2" },
      ]),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const items = result.instrument.domains[0]!.areas[0]!.items
    expect(items.map((i) => i.kind)).toEqual(['yes-no', 'single-choice', 'multiple-choice', 'number', 'likert', 'free-text', 'table', 'yes-no'])
    expect(items[0]).toMatchObject({ scored: true, required: true, dontKnow: true, notApplicable: false, points: { yes: 1, no: 0 } })
    expect(items[5]).toMatchObject({ scored: false, required: false, dontKnow: false })
    expect(result.instrument.domains[0]!.weight).toBe(1)
  })

  test('validating the validated model again changes nothing (stored content reads back the same)', () => {
    const once = validateInstrument(instrument())
    const twice = once.ok ? validateInstrument(JSON.parse(JSON.stringify(once.instrument))) : once
    expect(twice).toEqual(once)
  })
})

describe('every problem is named, with its item and where it is', () => {
  test.each<[string, Raw[] | unknown, string]>([
    ['an unknown field', [{ ...gate, colour: 'red' }], 'area-one.gate @ domains.0.areas.0.items.0: unknown field "colour"'],
    ['a missing office', [{ ...gate, office: undefined }], 'area-one.gate @ domains.0.areas.0.items.0.office: office: must be one of'],
    ['an unknown kind', [{ ...gate, kind: 'slider' }], "kind: Invalid discriminator value. Expected 'yes-no' | 'single-choice'"],
    ['an unknown discipline', [{ ...gate, disciplines: ['vet'] }], 'disciplines.0: disciplines.0: must be one of md, do'],
    ['a malformed item id', [{ ...gate, id: 'Gate' }], 'must be the area id, a dot and a slug'],
    ['an item id outside its area', [{ ...gate, id: 'area-two.gate' }], 'item id must start with its area id, "area-one."'],
    ['a duplicate item id', [gate, gate], 'area-one.gate @ domains.0.areas.0.items.1.id: item id area-one.gate is used twice'],
    ['a single choice with one option', [{ ...gate, kind: 'single-choice', options: [{ id: 'a', label: 'A' }] }], 'needs at least two options'],
    ['duplicate option ids', [{ ...gate, kind: 'single-choice', options: [{ id: 'a', label: 'A', points: 1 }, { id: 'a', label: 'B' }] }], 'two options share an id'],
    ['a reserved option id', [{ ...gate, kind: 'single-choice', options: [{ id: 'dont-know', label: 'A', points: 1 }, { id: 'b', label: 'B' }] }], 'reserved for the escape answers'],
    ['negative points', [{ ...gate, points: { yes: -1, no: 0 } }], 'points must be 0 or more'],
    ['a scored item that can earn nothing', [{ ...gate, points: { yes: 0, no: 0 } }], 'a scored item must be able to earn some points'],
    ['a scored free-text item', [{ ...gate, kind: 'free-text', scored: true }], 'a free-text item cannot be scored'],
    ['a scored number without bands', [{ ...gate, kind: 'number', unit: 'count' }], 'a scored number item needs bands'],
    ['bands that do not rise', [{ ...gate, kind: 'number', unit: 'count', bands: [{ min: 5, points: 1 }, { min: 5, points: 2 }] }], 'band minimums must rise strictly'],
    ['min above max', [{ ...gate, kind: 'number', unit: 'decimal', min: 5, max: 1, scored: false }], 'min is above max'],
    ['a percent beyond 100', [{ ...gate, kind: 'number', unit: 'percent', max: 150, scored: false }], 'a percent lies between 0 and 100'],
    ['a likert with four anchors', [{ ...gate, kind: 'likert', anchors: ['a', 'b', 'c', 'd'] }], 'needs exactly five anchors'],
    ['a scored table without a ratio', [{ ...gate, kind: 'table', rows: [{ id: 'r', label: 'R' }], columns: [{ id: 'c', label: 'C' }] }], 'a scored table needs a ratio'],
    [
      'a ratio naming a missing cell',
      [{ ...gate, kind: 'table', rows: [{ id: 'r', label: 'R' }], columns: [{ id: 'c', label: 'C' }], ratio: { numerator: ['x.c'], denominator: ['r.c'], bands: [{ min: 0, points: 1 }] } }],
      'ratio names cell x.c',
    ],
    ['a condition with a syntax error', [gate, { ...gate, id: 'area-one.f', showIf: 'area-one.gate ==' }], 'area-one.f @ domains.0.areas.0.items.1.showIf: showIf: expected a value'],
    ['a condition reading an unknown item', [gate, { ...gate, id: 'area-one.f', showIf: 'area-one.nope = yes' }], 'showIf reads area-one.nope, which is not an item of this instrument'],
    ['a condition reading a later item', [{ ...gate, id: 'area-one.f', showIf: 'area-one.gate = yes' }, gate], 'showIf reads area-one.gate, which is not an earlier question'],
    ['a condition reading itself', [{ ...gate, showIf: 'area-one.gate = yes' }], 'which is not an earlier question'],
    ['a yes/no compared with a number', [gate, { ...gate, id: 'area-one.f', showIf: 'area-one.gate = 3' }], 'a yes/no question compares with yes or no, not a number'],
    ['a yes/no compared with <', [gate, { ...gate, id: 'area-one.f', showIf: 'area-one.gate < yes' }], 'a yes/no question takes = or !=, not <'],
    [
      'a choice compared with a missing option',
      [{ ...gate, kind: 'single-choice', options: [{ id: 'a', label: 'A', points: 1 }, { id: 'b', label: 'B' }] }, { ...gate, id: 'area-one.f', showIf: "area-one.gate in ['a', 'z']" }],
      "'z' is not one of its options (a, b)",
    ],
    [
      'a number compared with text',
      [{ ...gate, kind: 'number', unit: 'count', scored: false }, { ...gate, id: 'area-one.f', showIf: "area-one.gate > 'many'" }],
      'a number question compares with a number, not quoted text',
    ],
    ['"has" on a yes/no', [gate, { ...gate, id: 'area-one.f', showIf: "area-one.gate has 'a'" }], '"has" works only on multiple-choice questions'],
    [
      'a multiple choice compared with =',
      [{ ...gate, kind: 'multiple-choice', options: [{ id: 'a', label: 'A', points: 1 }, { id: 'b', label: 'B' }] }, { ...gate, id: 'area-one.f', showIf: "area-one.gate = 'a'" }],
      'use "has \'option\'" with a multiple-choice question',
    ],
    ['a free-text compared with text', [{ ...gate, kind: 'free-text' }, { ...gate, id: 'area-one.f', showIf: "area-one.gate = 'x'" }], 'can only be tested with "is answered"'],
  ])('%s', (_, items, expected) => {
    expect(problems(instrument(items as Raw[])).join('\n')).toContain(expected)
  })

  test('structure problems: ids, empty areas, duplicate areas, weights, missing title', () => {
    expect(problems({ id: 'Bad Id', title: 'T', domains: [] }).join('\n')).toMatch(/id: must be lower-case[\s\S]*needs at least one domain/)
    expect(problems(instrument([]))).toEqual(['- @ domains.0.areas.0: area area-one has no items'])
    const twoAreas = instrument()
    twoAreas.domains[0]!.areas.push({ id: 'area-one', title: 'Again', items: [{ ...gate, id: 'area-one.other' }] })
    expect(problems(twoAreas)).toContain('- @ domains.0.areas.1.id: area id area-one is used twice')
    expect(problems({ ...instrument(), title: undefined })).toContain('- @ title: title: is required')
    expect(problems({ ...instrument(), domains: [{ id: 'd', title: 'D', weight: 0, areas: [] }] }).join('\n')).toMatch(/weights must be above 0[\s\S]*needs at least one area/)
  })

  test('a crosswalk must place every area, and only real ones', () => {
    expect(problems(instrument([gate], { crosswalk: { to: 'v2', areas: { 'area-x': ['a'] } } }))).toEqual([
      '- @ crosswalk.areas.area-x: crosswalk names area area-x, which is not in this instrument',
      '- @ crosswalk.areas: crosswalk does not say where area area-one went',
    ])
  })
})
