import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkDirectoryEntry, nameStateKey, sameSchool } from './directory-entry'

const good = { name: 'Lakeside College of Nursing', city: 'Duluth', state: 'mn', discipline: 'nursing-adn', control: 'Public' }

describe('directory entries', () => {
  test('a good entry is normalized: state upper-case, codes lower-case, Carnegie "other" and active by default', () => {
    const result = checkDirectoryEntry({ ...good, dean_email: 'Dean@Lakeside.EDU' })
    expect(result.ok && result.entry).toMatchObject({
      state: 'MN',
      control: 'public',
      carnegieGroup: 'other',
      status: 'active',
      deanEmail: 'dean@lakeside.edu',
      ipedsUnitId: null,
    })
  })

  test('every bad field is named with its own message', () => {
    const result = checkDirectoryEntry({ name: '', city: 'X', state: 'ZZ', discipline: 'vet', control: 'mixed', ipeds_unit_id: '12', dean_email: 'nope' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => p.field)).toEqual(['name', 'state', 'discipline', 'control', 'ipeds_unit_id', 'dean_email'])
    expect(result.problems.find((p) => p.field === 'discipline')!.message).toContain('Unknown discipline “vet”')
  })

  test.each([
    ['https://www.herzing.edu/', 'https://www.herzing.edu/'],
    ['www.uab.edu/medicine', 'https://www.uab.edu/medicine'],
    ['HTTP://Example.EDU/a?b=1', 'HTTP://Example.EDU/a?b=1'],
    ['https://alpha.test', 'https://alpha.test'],
  ])('a website %j is kept as the http(s) address %j', (typed, kept) => {
    const result = checkDirectoryEntry({ ...good, website: typed })
    expect(result.ok && result.entry.website).toBe(kept)
  })

  test.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://files.school.edu', 'https://exa mple.edu', 'localhost', 'https://'])(
    'a website %j is refused with a message saying what to enter',
    (typed) => {
      const result = checkDirectoryEntry({ ...good, website: typed })
      expect(!result.ok && result.problems).toEqual([{ field: 'website', message: 'Enter the school’s web address, like https://www.school.edu (no spaces).' }])
    },
  )

  test('the name+state key ignores case, spacing and punctuation', () => {
    expect(nameStateKey("St. Mary's  College", 'ca')).toBe(nameStateKey('st marys college', 'CA').replace('marys', 'mary s'))
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('CA', 'NY'), (name, state) => {
        expect(nameStateKey(name.toUpperCase(), state)).toBe(nameStateKey(name.toLowerCase(), state.toLowerCase()))
      }),
    )
  })

  test('same IPEDS id, discipline and city, or same name and state, is the same school; one id may hold two disciplines or campuses', () => {
    const md = { name: 'A School of Medicine', city: 'Birmingham', state: 'AL', discipline: 'md', ipedsUnitId: 100663 }
    expect(sameSchool(md, { ...md, name: 'Renamed' })).toBe('ipeds')
    expect(sameSchool(md, { ...md, name: 'A School of Medicine - Huntsville', city: 'Huntsville' })).toBeNull()
    expect(sameSchool(md, { ...md, name: 'A School of Dentistry', discipline: 'dental' })).toBeNull()
    expect(sameSchool(md, { ...md, ipedsUnitId: null, name: 'a school of medicine' })).toBe('name-state')
  })
})
