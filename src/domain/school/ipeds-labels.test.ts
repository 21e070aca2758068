import { expect, test } from 'vitest'
import {
  carnegieGroupFromBasicCode,
  carnegieGroupFromIpeds,
  controlFromIpeds,
  controlFromIpedsCode,
  disciplineFromProgram,
  nursingDisciplineFromHighestOffering,
  statusFromIpedsActive,
} from './ipeds-labels'

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

test('raw IPEDS codes translate as their labels do', () => {
  expect(controlFromIpedsCode('1')).toBe('public')
  expect(controlFromIpedsCode('3')).toBe('private')
  expect(controlFromIpedsCode('-3')).toBeNull()
  expect(carnegieGroupFromBasicCode('15')).toBe('r1')
  expect(carnegieGroupFromBasicCode('17')).toBe('r3')
  expect(carnegieGroupFromBasicCode('10')).toBe('associate')
  expect(carnegieGroupFromBasicCode('26')).toBe('special-focus')
  expect(carnegieGroupFromBasicCode('33')).toBe('other')
  expect(carnegieGroupFromBasicCode('-2')).toBe('other')
  expect(carnegieGroupFromBasicCode('')).toBe('other')
})

test('program labels of a nursing or PA list become disciplines; the IPEDS active flag becomes a status', () => {
  expect(disciplineFromProgram('BSN')).toBe('nursing-bsn-msn')
  expect(disciplineFromProgram(' adn ')).toBe('nursing-adn')
  expect(disciplineFromProgram('DMD')).toBe('dental')
  expect(disciplineFromProgram('vet')).toBeNull()
  expect(statusFromIpedsActive('yes')).toBe('active')
  expect(statusFromIpedsActive('no')).toBe('inactive')
})
