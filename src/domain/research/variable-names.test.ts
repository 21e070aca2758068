import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isValidVariableName, MAX_VARIABLE_NAME_LENGTH, variableName, variableNames } from './variable-names'

describe('variableName', () => {
  test('shortens the area to its initials and keeps the item readable', () => {
    expect(variableName('pathway-programs.k12-partnerships')).toBe('pp_k12_partnerships')
    expect(variableName('faculty-leadership-diversity.leadership-development')).toBe('fld_leadership_development')
    expect(variableName('governance.advisory-board')).toBe('g_advisory_board')
    expect(variableName('governance.budget', 'first-year')).toBe('g_budget_first_year')
  })

  test('a name too long for REDCap keeps its start and ends with a hash of the whole id', () => {
    const name = variableName('community-engaged-research.results-returned-to-every-community', 'option-with-a-long-id')
    expect(name).toMatch(/^cer_results_returned_[a-z0-9]{5}$/)
    expect(name).toHaveLength(MAX_VARIABLE_NAME_LENGTH)
    expect(variableName('community-engaged-research.results-returned-to-every-community', 'option-with-a-long-id')).toBe(name)
    expect(variableName('community-engaged-research.results-returned-to-every-community', 'another-option')).not.toBe(name)
  })

  test('any item id and parts give a name valid in every format, the same each time', () => {
    const slug = fc.stringMatching(/^[a-z][a-z0-9]*(-[a-z0-9]+){0,6}$/)
    fc.assert(
      fc.property(slug, slug, fc.array(slug, { maxLength: 3 }), (area, item, parts) => {
        const name = variableName(`${area}.${item}`, ...parts)
        expect(isValidVariableName(name), name).toBe(true)
        expect(name).not.toContain('___')
        expect(variableName(`${area}.${item}`, ...parts)).toBe(name)
      }),
    )
  })
})

describe('variableNames', () => {
  test('ids whose readable names collide all get distinct hashed names, whatever their order', () => {
    // Both areas have the initial "a" and both items are "c": the readable names collide.
    const ids = [['ab.c'], ['ac.c'], ['governance.budget']] as const
    const names = variableNames(ids)
    expect(new Set(names).size).toBe(3)
    expect(names[2]).toBe('g_budget')
    expect(names[0]).toMatch(/^a_c_[a-z0-9]{5}$/)
    expect(variableNames([ids[1], ids[0]])).toEqual([names[1], names[0]])
  })
})
