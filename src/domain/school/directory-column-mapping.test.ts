import { describe, expect, test } from 'vitest'
import { checkMapping, guessMapping, headerShapeKey, mapRow, NURSING_BY_DEGREE } from './directory-column-mapping'
import { recognizeHeader } from './directory-csv-shapes'
import { checkDirectoryEntry } from './directory-entry'

// Headers as the shared data files and the raw NCES file spell them.
const IPEDS_LABELLED = 'unitid,name,alias,city,state,zip,control,sector,level,highest_offering,active,carnegie2021_basic_code,carnegie2021_basic,carnegie2021_group,system_name,website'.split(',')
const IPEDS_RAW = 'UNITID,INSTNM,IALIAS,ADDR,CITY,STABBR,ZIP,WEBADDR,SECTOR,CONTROL,HLOFFER,C21BASIC,CYACTIVE'.split(',')
const AACN_STYLE = ['Institution', 'School of Nursing', 'City', 'State', 'Program', 'Public/Private', 'Dean', 'Dean Email']

describe('column mapping', () => {
  test('the labelled IPEDS HD file is guessed column for column; discipline is left for the officer', () => {
    const mapping = guessMapping(IPEDS_LABELLED)
    expect(mapping.columns).toEqual({
      name: 'name',
      city: 'city',
      state: 'state',
      control: 'control',
      carnegie_group: 'carnegie2021_group',
      ipeds_unit_id: 'unitid',
      website: 'website',
      status: 'active',
      highest_offering: 'highest_offering',
    })
    expect(checkMapping(mapping, IPEDS_LABELLED)).toEqual([expect.objectContaining({ field: 'discipline' })])
    expect(checkMapping({ ...mapping, discipline: 'nursing-bsn-msn' }, IPEDS_LABELLED)).toEqual([])
  })

  test('the raw NCES file has codes: CONTROL, C21BASIC and CYACTIVE become our words', () => {
    const mapping = { ...guessMapping(IPEDS_RAW), discipline: 'nursing-adn' as const }
    expect(mapping.columns).toMatchObject({ name: 'INSTNM', state: 'STABBR', control: 'CONTROL', carnegie_group: 'C21BASIC', website: 'WEBADDR' })
    const row = { UNITID: '103927', INSTNM: 'Carrington College-Tucson', CITY: 'Tucson', STABBR: 'AZ', CONTROL: '3', C21BASIC: '10', CYACTIVE: '1', WEBADDR: 'carrington.edu' }
    expect(mapping.columns.highest_offering).toBe('HLOFFER')
    expect(mapRow(mapping, row, true)).toEqual({
      name: 'Carrington College-Tucson',
      city: 'Tucson',
      state: 'AZ',
      discipline: 'nursing-adn',
      control: 'private',
      carnegie_group: 'associate',
      ipeds_unit_id: '103927',
      website: 'carrington.edu',
      status: 'active',
    })
  })

  test('a nursing file can take each row’s discipline from its highest degree offered, label or HLOFFER code', () => {
    const mapping = { columns: { ...guessMapping(IPEDS_LABELLED).columns }, discipline: NURSING_BY_DEGREE }
    expect(checkMapping(mapping, IPEDS_LABELLED)).toEqual([])
    expect(mapRow(mapping, { highest_offering: "Associate's degree" }, true).discipline).toBe('nursing-adn')
    expect(mapRow(mapping, { highest_offering: 'At least 2, but less than 4 academic yrs' }, true).discipline).toBe('nursing-adn')
    expect(mapRow(mapping, { highest_offering: "Doctor's degree" }, true).discipline).toBe('nursing-bsn-msn')
    const raw = { columns: { highest_offering: 'HLOFFER' }, discipline: NURSING_BY_DEGREE }
    expect(mapRow(raw, { HLOFFER: '3' }, true).discipline).toBe('nursing-adn')
    expect(mapRow(raw, { HLOFFER: '7' }, true).discipline).toBe('nursing-bsn-msn')
    expect(checkMapping({ columns: {}, discipline: NURSING_BY_DEGREE }, ['x'])).toContainEqual(expect.objectContaining({ field: 'highest_offering' }))
  })

  test('an AACN-style list maps its plain column names, and program words become disciplines', () => {
    const mapping = guessMapping(AACN_STYLE)
    expect(mapping.columns).toEqual({
      name: 'School of Nursing',
      parent_institution: 'Institution',
      city: 'City',
      state: 'State',
      discipline: 'Program',
      control: 'Public/Private',
      dean_name: 'Dean',
      dean_email: 'Dean Email',
    })
    const row = { 'School of Nursing': 'X School of Nursing', Institution: 'X University', City: 'Reno', State: 'NV', Program: 'BSN', 'Public/Private': 'Public' }
    expect(mapRow(mapping, row, true)).toMatchObject({ name: 'X School of Nursing', parent_institution: 'X University', discipline: 'nursing-bsn-msn', control: 'public' })
  })

  test('a mapping naming a column the file lacks, or missing a required field, says which', () => {
    expect(checkMapping({ columns: { name: 'Nom', city: 'city', state: 'state' }, discipline: 'pa' }, ['name', 'city', 'state'])).toEqual([
      { field: 'name', message: 'The file has no column “Nom”.' },
      { field: 'control', message: 'Choose the column that says whether the school is public or private.' },
    ])
  })

  test('a file shape ignores column order, case and punctuation', () => {
    expect(headerShapeKey(['UNITID', 'Inst Name', 'city'])).toBe(headerShapeKey(['City', 'unitid', 'inst_name']))
    expect(headerShapeKey(['unitid', 'name'])).not.toBe(headerShapeKey(['unitid', 'name', 'city']))
  })

  test('our template and the public roster need no mapping; other files do', () => {
    expect(recognizeHeader(['name', 'city', 'state', 'discipline', 'control'])?.shape).toBe('template')
    const roster = recognizeHeader('discipline,school_name,city,state,ipeds_unitid,ipeds_institution_name,ipeds_city,control,carnegie2021_group'.split(','))
    expect(roster?.shape).toBe('roster')
    expect(roster?.mapping.columns).toMatchObject({ name: 'school_name', parent_institution: 'ipeds_institution_name', city: 'city', ipeds_unit_id: 'ipeds_unitid' })
    expect(recognizeHeader(IPEDS_LABELLED)).toBeNull()
  })

  test('a roster row becomes our codes', () => {
    const row = {
      discipline: 'DENTAL', school_name: 'UAB School of Dentistry', city: 'Birmingham', state: 'AL',
      ipeds_unitid: '100663', ipeds_institution_name: 'University of Alabama at Birmingham', control: 'Public', carnegie2021_group: 'R1',
    }
    const result = checkDirectoryEntry(mapRow(recognizeHeader(Object.keys(row))!.mapping, row, true))
    expect(result.ok && result.entry).toMatchObject({ discipline: 'dental', control: 'public', carnegieGroup: 'r1', ipedsUnitId: 100663 })
  })
})
