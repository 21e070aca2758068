import { DIRECTORY_FIELDS, type DirectoryField } from './directory-entry'
import {
  carnegieGroupFromBasicCode,
  carnegieGroupFromIpeds,
  controlFromIpeds,
  controlFromIpedsCode,
  disciplineFromProgram,
  nursingDisciplineFromHighestOffering,
  statusFromIpedsActive,
} from './ipeds-labels'
import { CARNEGIE_GROUPS, DISCIPLINES, type Discipline } from './school-facts'

// Which column of an uploaded file holds which field of the directory. Our template maps each column to itself;
// any other file (the public roster, the IPEDS HD file, an AACN-style nursing list) is read through a mapping the
// officer confirms once per file shape, with IPEDS codes and labels turned into our vocabulary.

/**
 * The columns a file can give: the directory's fields, our school id (from an export) to match on, and IPEDS's
 * highest degree offered, from which a nursing school's discipline can follow.
 */
export const MAPPED_FIELDS = ['school_id', ...DIRECTORY_FIELDS, 'highest_offering'] as const
export type MappedField = (typeof MAPPED_FIELDS)[number]

/** One file row in our field names; a field the file does not give is absent, so an update keeps its value. */
export type ImportRow = Partial<Record<DirectoryField | 'school_id', string>>

/** Every row of a nursing file: ADN when its highest award is an associate degree, else BSN/MSN. */
export const NURSING_BY_DEGREE = 'nursing-by-degree' as const

/**
 * `discipline` set means every row has that discipline (IPEDS HD has no discipline column), or, for
 * NURSING_BY_DEGREE, the nursing discipline its highest degree offered implies.
 */
export type ColumnMapping = { columns: Partial<Record<MappedField, string>>; discipline: Discipline | typeof NURSING_BY_DEGREE | null }

export const MAPPED_FIELD_LABELS: Record<MappedField, string> = {
  school_id: 'Our school id (from an export)',
  name: 'School name',
  parent_institution: 'Parent institution',
  city: 'City',
  state: 'State',
  discipline: 'Discipline',
  control: 'Control (public or private)',
  carnegie_group: 'Carnegie classification',
  ipeds_unit_id: 'IPEDS unit id',
  website: 'Website',
  dean_name: 'Dean’s name',
  dean_email: 'Dean’s e-mail',
  status: 'Status (active or not)',
  highest_offering: 'Highest degree offered (IPEDS)',
}

const normal = (column: string) => column.trim().toLowerCase().replace(/[^a-z0-9]+/g, '')

/** A file's shape: its set of column names, regardless of order, case and punctuation. */
export function headerShapeKey(header: readonly string[]): string {
  return [...new Set(header.map(normal).filter((c) => c !== ''))].sort().join(',')
}

/**
 * Column names that usually hold each field, best first: ours, the roster's, the labelled and the raw IPEDS HD
 * file's (INSTNM, STABBR, C21BASIC…), and the plain words of a nursing association's list.
 */
const LIKELY_COLUMNS: Record<MappedField, string[]> = {
  school_id: ['schoolid'],
  name: ['name', 'schoolname', 'instnm', 'schoolofnursing', 'nursingschool', 'programname', 'institutionname', 'institution', 'school'],
  parent_institution: ['parentinstitution', 'ipedsinstitutionname', 'university', 'parent', 'institution'],
  city: ['city', 'town'],
  state: ['state', 'stabbr', 'st'],
  discipline: ['discipline', 'programtype', 'program', 'degree'],
  control: ['control', 'publicprivate', 'sector'],
  carnegie_group: ['carnegiegroup', 'carnegie2021group', 'carnegie2021basiccode', 'c21basic', 'carnegie'],
  ipeds_unit_id: ['ipedsunitid', 'unitid', 'ipedsid', 'ipeds'],
  website: ['website', 'webaddr', 'url', 'web'],
  dean_name: ['deanname', 'dean'],
  dean_email: ['deanemail', 'email'],
  status: ['status', 'active', 'cyactive'],
  highest_offering: ['highestoffering', 'hloffer'],
}

/** A first guess from the header: each field takes the first likely column present that no other field took. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const byNormal = new Map(header.map((h) => [normal(h), h] as const))
  const taken = new Set<string>()
  const columns: ColumnMapping['columns'] = {}
  for (const field of MAPPED_FIELDS) {
    const column = LIKELY_COLUMNS[field].map((c) => byNormal.get(c)).find((c) => c !== undefined && !taken.has(c))
    if (column !== undefined) {
      columns[field] = column
      taken.add(column)
    }
  }
  return { columns, discipline: null }
}

export type MappingProblem = { field: MappedField; message: string }

const REQUIRED: { field: MappedField; message: string }[] = [
  { field: 'name', message: 'Choose the column that holds the school’s name.' },
  { field: 'city', message: 'Choose the column that holds the city.' },
  { field: 'state', message: 'Choose the column that holds the state.' },
  { field: 'control', message: 'Choose the column that says whether the school is public or private.' },
]

/** A mapping the file can be read with: every required field has a column of this file; discipline has a source. */
export function checkMapping(mapping: ColumnMapping, header: readonly string[]): MappingProblem[] {
  const columns = new Set(header)
  const problems: MappingProblem[] = []
  for (const field of MAPPED_FIELDS) {
    const column = mapping.columns[field]
    if (column !== undefined && !columns.has(column)) problems.push({ field, message: `The file has no column “${column}”.` })
  }
  for (const { field, message } of REQUIRED) if (mapping.columns[field] === undefined) problems.push({ field, message })
  if (mapping.discipline === null && mapping.columns.discipline === undefined) {
    problems.push({ field: 'discipline', message: 'Choose the column that holds the discipline, or one discipline for every row.' })
  }
  if (mapping.discipline === NURSING_BY_DEGREE && mapping.columns.highest_offering === undefined) {
    problems.push({ field: 'highest_offering', message: 'Choose the column that holds the highest degree offered, or one discipline for every row.' })
  }
  return problems
}

/** Our template maps each of its columns to itself, values as typed (no translation, so a typo stays visible). */
export function templateMapping(header: readonly string[]): ColumnMapping {
  const present = new Set(header.map((h) => h.trim().toLowerCase()))
  const byLower = new Map(header.map((h) => [h.trim().toLowerCase(), h] as const))
  const columns: ColumnMapping['columns'] = {}
  for (const field of MAPPED_FIELDS) if (present.has(field)) columns[field] = byLower.get(field)!
  return { columns, discipline: null }
}

/** IPEDS codes or labels, a roster's or an association's words, or already ours: each field in our vocabulary. */
function translate(field: MappedField, value: string): string {
  const v = value.trim()
  const lower = v.toLowerCase()
  switch (field) {
    case 'control':
      return controlFromIpeds(v) ?? controlFromIpedsCode(v) ?? v
    case 'carnegie_group':
      if ((CARNEGIE_GROUPS as readonly string[]).includes(lower)) return lower
      return /^-?\d+$/.test(v) ? carnegieGroupFromBasicCode(v) : carnegieGroupFromIpeds(v)
    case 'discipline':
      return (DISCIPLINES as readonly string[]).includes(lower) ? lower : (disciplineFromProgram(v) ?? v)
    case 'website':
      return v.replace(/\s/g, '%20') // IPEDS has addresses like "…#location=West Palm Beach, FL"
    case 'status':
      return lower === 'active' || lower === 'inactive' ? lower : (statusFromIpedsActive(v) ?? v)
    default:
      return v
  }
}

/** One file row through a mapping; `translate` is off for our template, whose values are ours already. */
export function mapRow(mapping: ColumnMapping, row: Record<string, string | undefined>, translateValues: boolean): ImportRow {
  const out: ImportRow = {}
  const valueOf = (field: MappedField) => {
    const column = mapping.columns[field]
    return column === undefined ? undefined : (row[column] ?? '')
  }
  for (const field of MAPPED_FIELDS) {
    const value = valueOf(field)
    if (value === undefined || field === 'highest_offering') continue
    out[field] = translateValues ? translate(field, value) : value
  }
  if (mapping.discipline === NURSING_BY_DEGREE) out.discipline = nursingDisciplineFromDegree(valueOf('highest_offering') ?? '')
  else if (mapping.discipline !== null) out.discipline = mapping.discipline
  return out
}

/** The label ("Associate's degree") or the raw HLOFFER code, where 4 and below are awards under a bachelor's. */
function nursingDisciplineFromDegree(value: string): Discipline {
  const v = value.trim()
  if (/^-?\d+$/.test(v)) return Number(v) >= 1 && Number(v) <= 4 ? 'nursing-adn' : 'nursing-bsn-msn'
  return nursingDisciplineFromHighestOffering(v)
}
