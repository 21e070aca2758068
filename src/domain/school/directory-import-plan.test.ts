import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { planImport } from './directory-import-plan'

const row = (name: string, extra: Record<string, string> = {}) => ({ name, city: 'Austin', state: 'TX', discipline: 'pa', control: 'public', ...extra })

describe('directory import plan', () => {
  test('problems name the spreadsheet row (header is row 1) and the field', () => {
    const plan = planImport([row('Good PA Program'), row('Bad PA Program', { state: 'Texas' })], [])
    expect(plan.problems).toEqual([expect.objectContaining({ row: 3, field: 'state', duplicate: false })])
  })

  test('duplicates are flagged against the directory (IPEDS id) and within the file (name and state)', () => {
    const existing = [{ id: 'x', name: 'Old Name', city: 'Austin', state: 'TX', discipline: 'pa', ipedsUnitId: 228778 }]
    const plan = planImport([row('New Name', { ipeds_unit_id: '228778' }), row('Twin'), row('TWIN')], existing)
    expect(plan.problems.map((p) => [p.row, p.duplicate, p.message])).toEqual([
      [2, true, expect.stringContaining('Old Name (TX) is already in the directory with the same IPEDS unit id, discipline and city')],
      [4, true, 'Duplicate of row 3 (Twin) in this file.'],
    ])
  })

  test('a file of distinct good rows plans every row with no problems', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{3,12}$/), { selector: (s) => s.toLowerCase(), maxLength: 20 }), (names) => {
        const plan = planImport(names.map((n) => row(`${n} College`)), [])
        expect(plan.problems).toEqual([])
        expect(plan.entries.map((e) => e.row)).toEqual(names.map((_, i) => i + 2))
      }),
    )
  })
})
