import { carnegieGroupFromIpeds, controlFromIpeds, disciplineFromRoster } from './ipeds-labels'
import { DIRECTORY_FIELDS, REQUIRED_DIRECTORY_FIELDS, type DirectoryField } from './directory-entry'

// The directory import reads two shapes: our own template (DIRECTORY_FIELDS as columns) and the public roster of
// MD, DO and dental schools (seed/us_md_do_dental_schools.csv), whose labels are mapped onto our vocabulary.

export type CsvShape = 'template' | 'roster'

const ROSTER_REQUIRED = ['discipline', 'school_name', 'city', 'state', 'control'] as const

/** Which shape a header row is, or the required columns it lacks (named in our template's terms). */
export function recognizeHeader(header: readonly string[]): { shape: CsvShape } | { missing: string[] } {
  const columns = new Set(header.map((h) => h.trim().toLowerCase()))
  if (columns.has('school_name')) {
    const missing = ROSTER_REQUIRED.filter((c) => !columns.has(c))
    return missing.length === 0 ? { shape: 'roster' } : { missing }
  }
  const missing = REQUIRED_DIRECTORY_FIELDS.filter((c) => !columns.has(c))
  return missing.length === 0 ? { shape: 'template' } : { missing }
}

type Row = Record<string, string | undefined>

/** A CSV row in our template's field names; roster labels (Public, R1, MD…) become our codes. */
export function rowAsDirectoryFields(shape: CsvShape, row: Row): Partial<Record<DirectoryField, string>> {
  const lower = Object.fromEntries(Object.entries(row).map(([k, v]) => [k.trim().toLowerCase(), v ?? '']))
  if (shape === 'template') return Object.fromEntries(DIRECTORY_FIELDS.map((f) => [f, lower[f] ?? '']))
  const control = lower.control ?? ''
  return {
    name: lower.school_name,
    parent_institution: lower.ipeds_institution_name,
    city: lower.city,
    state: lower.state,
    discipline: disciplineFromRoster(lower.discipline ?? '') ?? lower.discipline,
    control: controlFromIpeds(control) ?? control,
    carnegie_group: carnegieGroupFromIpeds(lower.carnegie2021_group ?? ''),
    ipeds_unit_id: lower.ipeds_unitid,
    website: lower.website,
  }
}

export const DIRECTORY_TEMPLATE_EXAMPLE: Record<DirectoryField, string> = {
  name: 'Example School of Nursing',
  parent_institution: 'Example State University',
  city: 'Springfield',
  state: 'IL',
  discipline: 'nursing-bsn-msn',
  control: 'public',
  carnegie_group: 'r2',
  ipeds_unit_id: '',
  website: 'https://nursing.example.edu',
  dean_name: 'Dr. Jane Example',
  dean_email: 'dean@nursing.example.edu',
  status: 'active',
}
