import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { planImport, rowsAccountedFor, type ExistingSchool } from './directory-import-plan'

const row = (name: string, extra: Record<string, string> = {}) => ({ name, city: 'Austin', state: 'TX', discipline: 'pa', control: 'public', ...extra })
const school = (id: string, name: string, extra: Partial<ExistingSchool> = {}): ExistingSchool => ({
  id,
  name,
  parentInstitution: null,
  city: 'Austin',
  state: 'TX',
  discipline: 'pa',
  control: 'public',
  carnegieGroup: 'other',
  ipedsUnitId: null,
  website: null,
  deanName: 'Dr. Kept',
  deanEmail: 'kept@school.test',
  status: 'active',
  ...extra,
})

describe('directory import plan', () => {
  test('problems name the spreadsheet row (header is row 1) and the field', () => {
    const plan = planImport([row('Good PA Program'), row('Bad PA Program', { state: 'Texas' })], [])
    expect(plan.problems).toEqual([expect.objectContaining({ row: 3, field: 'state', duplicate: false })])
  })

  test('a school already in the directory is an update showing old → new, and keeps what the file does not give', () => {
    const existing = [school('x', 'Old Name', { ipedsUnitId: 228778 })]
    const plan = planImport([row('New Name', { ipeds_unit_id: '228778', carnegie_group: 'r2' })], existing)
    expect(plan.problems).toEqual([])
    expect(plan.rows).toEqual([
      expect.objectContaining({
        row: 2,
        action: 'update',
        schoolId: 'x',
        matchedBy: 'ipeds',
        changes: [
          { field: 'name', from: 'Old Name', to: 'New Name' },
          { field: 'carnegie_group', from: 'other', to: 'r2' },
        ],
      }),
    ])
    expect(plan.rows[0]!.entry).toMatchObject({ deanName: 'Dr. Kept', deanEmail: 'kept@school.test' })
  })

  test('an identical row is unchanged; our school id matches even when name and city change', () => {
    const existing = [school('a', 'Same PA Program'), school('b', 'Moved PA Program')]
    const plan = planImport([row('Same PA Program'), row('Renamed PA Program', { school_id: 'b', city: 'Dallas' })], existing)
    expect(plan.rows.map((r) => [r.action, 'schoolId' in r ? r.schoolId : null])).toEqual([['unchanged', 'a'], ['update', 'b']])
  })

  test('two rows for one school, and a rename onto another school, are problems', () => {
    const existing = [school('a', 'Alpha PA'), school('b', 'Beta PA'), school('c', 'Gamma PA')]
    const plan = planImport([row('Alpha PA'), row('ALPHA PA'), row('Beta PA', { school_id: 'c' })], existing)
    expect(plan.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'Duplicate of row 2 in this file: both are Alpha PA (TX).'],
      [4, 'Updating Gamma PA this way would make it a duplicate of Beta PA (TX).'],
    ])
  })

  test('a school id this directory does not know (another installation’s export) falls back to name and state', () => {
    const plan = planImport([row('Alpha PA', { school_id: 'elsewhere' }), row('Zeta PA', { school_id: 'elsewhere-too' })], [school('a', 'Alpha PA')])
    expect(plan.rows.map((r) => r.action)).toEqual(['unchanged', 'add'])
  })

  test('new rows repeated in the file are duplicates of the first', () => {
    const plan = planImport([row('Twin'), row('TWIN')], [])
    expect(plan.problems.map((p) => [p.row, p.duplicate, p.message])).toEqual([[3, true, 'Duplicate of row 2 (Twin) in this file.']])
  })

  test('every row of a file is accounted for exactly once', () => {
    const names = fc.stringMatching(/^[A-Z][a-z]{0,6}( PA)?$/)
    fc.assert(
      fc.property(fc.array(fc.record({ name: names, state: fc.constantFrom('TX', 'CA', 'Texas') })), fc.array(names, { maxLength: 5 }), (rows, existingNames) => {
        const existing = [...new Set(existingNames)].map((n, i) => school(String(i), n))
        const plan = planImport(rows.map((r) => row(r.name, { state: r.state })), existing)
        expect(rowsAccountedFor(plan)).toBe(rows.length)
      }),
    )
  })

  test('a file of distinct good rows plans every row as new', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{3,12}$/), { selector: (s) => s.toLowerCase(), maxLength: 20 }), (names) => {
        const plan = planImport(names.map((n) => row(`${n} College`)), [])
        expect(plan.problems).toEqual([])
        expect(plan.rows.map((e) => [e.row, e.action])).toEqual(names.map((_, i) => [i + 2, 'add']))
      }),
    )
  })
})
