import { expect, test } from 'vitest'
import { carnegieGroupFromIpeds, controlFromIpeds, nursingDisciplineFromHighestOffering } from './ipeds-labels'

test('IPEDS control labels become public or private, and unknown stays unknown', () => {
  expect(controlFromIpeds('Public (federal)')).toBe('public')
  expect(controlFromIpeds('Private for-profit')).toBe('private')
  expect(controlFromIpeds('')).toBeNull()
})

test('Carnegie groups roll up to our comparison groups; D/PU counts as other doctoral (R3)', () => {
  expect(carnegieGroupFromIpeds('R1')).toBe('r1')
  expect(carnegieGroupFromIpeds('D/PU')).toBe('r3')
  expect(carnegieGroupFromIpeds('Special Focus 4-year')).toBe('special-focus')
  expect(carnegieGroupFromIpeds("Master's")).toBe('masters-baccalaureate')
  expect(carnegieGroupFromIpeds('')).toBe('other')
})

test('a nursing school whose highest award is an associate degree is an ADN program', () => {
  expect(nursingDisciplineFromHighestOffering("Associate's degree")).toBe('nursing-adn')
  expect(nursingDisciplineFromHighestOffering("Bachelor's degree")).toBe('nursing-bsn-msn')
  expect(nursingDisciplineFromHighestOffering("Doctor's degree")).toBe('nursing-bsn-msn')
})
