import { describe, expect, test } from 'vitest'
import { parseCondition } from '../instrument/condition-language'
import { ItemSchema, type Item } from '../instrument/instrument-model'
import { redcapBranching } from './redcap-branching'

const item = (raw: Record<string, unknown>) => ItemSchema.parse({ office: 'deans-office', text: 'Q', ...raw }) as Item
const items = new Map<string, { item: Item; name: string }>(
  [
    item({ id: 'a.has', kind: 'yes-no' }),
    item({ id: 'a.format', kind: 'single-choice', options: [{ id: 'none', label: 'None' }, { id: 'required', label: 'Required' }, { id: 'elective', label: 'Elective' }] }),
    item({ id: 'a.kinds', kind: 'multiple-choice', options: [{ id: 'fqhc', label: 'FQHC' }, { id: 'ngo', label: 'NGO' }] }),
    item({ id: 'a.share', kind: 'number', unit: 'percent' }),
    item({ id: 'a.scale', kind: 'likert', anchors: ['0', '1', '2', '3', '4'] }),
  ].map((i) => [i.id, { item: i, name: i.id.replace(/\W/g, '_') }]),
)

function branching(source: string) {
  const parsed = parseCondition(source)
  if (!parsed.ok) throw new Error(parsed.message)
  return redcapBranching(parsed.condition, (id) => items.get(id))
}

describe('REDCap branching logic from skip conditions', () => {
  test.each([
    ['a.has = yes', "[a_has] = '1'"],
    ['a.has = no', "[a_has] = '0'"],
    ["a.format = 'required'", "[a_format] = '2'"],
    ["a.format != 'none'", "([a_format] <> '' and [a_format] <> '1')"],
    ["not (a.format = 'none')", "[a_format] <> '1'"],
    ["a.format in ['required', 'elective']", "([a_format] = '2' or [a_format] = '3')"],
    ["not (a.format in ['required', 'elective'])", "([a_format] <> '2' and [a_format] <> '3')"],
    ["a.kinds has 'ngo'", "[a_kinds(2)] = '1'"],
    ["not (a.kinds has 'ngo')", "[a_kinds(2)] = '0'"],
    ['a.share >= 25', "([a_share] <> '' and [a_share] >= 25)"],
    ['not (a.share >= 25)', "([a_share] = '' or [a_share] < 25)"],
    ['a.scale > 2', "([a_scale] <> '' and [a_scale] > 3)"],
    ['a.share is answered', "[a_share] <> ''"],
    ['a.share is not answered', "[a_share] = ''"],
    ["a.has = yes and not (a.format = 'none' or a.share < 10)", "([a_has] = '1' and ([a_format] <> '1' and ([a_share] = '' or [a_share] >= 10)))"],
  ])('%s → %s', (source, logic) => {
    expect(branching(source)).toEqual({ ok: true, logic })
  })

  test.each([
    ['a.kinds is answered', /cannot test whether a.kinds is answered/],
    ["a.format < 'required'", /cannot compare a.format/],
    ['a.missing = yes', /a.missing is not a field/],
  ])('%s is reported as untranslatable', (source, reason) => {
    const result = branching(source)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.reason).toMatch(reason)
  })
})
